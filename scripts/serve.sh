#!/usr/bin/env bash
# Builds the page and serves it on http://127.0.0.1:8080/ (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh --no-browser
bash scripts/build-www.sh
exec node scripts/serve.mjs "${PORT:-8080}"
