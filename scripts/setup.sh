#!/usr/bin/env bash
# Installs what building and testing newslens needs, each piece only when it is missing, so a
# second run takes a second. Needs a Rust toolchain (rustup, cargo) and root or sudo for apt-get.
#
#   scripts/setup.sh               everything: wasm toolchain, npm packages, Chromium + chromedriver
#   scripts/setup.sh --no-browser  without Chromium (enough to build and serve the page)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

browser=1
[ "${1:-}" = "--no-browser" ] && browser=0
say() { echo "setup: $*"; }
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    sudo_ apt-get update -qq
    apt_updated=1
  fi
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust (rustup) first" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the wasm-bindgen crate version pinned in Cargo.toml exactly.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen 0.2.130" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli 0.2.130"
  cargo install wasm-bindgen-cli --version 0.2.130
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  cargo install wasm-pack
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing node and npm"
  apt_install nodejs npm
fi

# npm writes node_modules/.package-lock.json on install: older than the lock file means stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$browser" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing chromium and chromium-driver"
  apt_install chromium chromium-driver
fi
say "ready"
