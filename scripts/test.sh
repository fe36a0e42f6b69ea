#!/usr/bin/env bash
# Every test layer, in order: native `cargo test` (unit, integration, CLI contract, TypeScript
# declarations), the JS API as Wasm in headless Chromium (wasm-bindgen-test), the page build,
# and the end-to-end tests of the page (node's test runner + playwright-core + Chromium).
# Ends with one line "total: N passed, N failed" summing the runners' own counts (a layer that
# fails before reporting counts as one failure) and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
started=$(date +%s)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

bash scripts/setup.sh || { echo "total: 0 passed, 1 failed"; exit 1; }

passed=0
failed=0
broken=()
# run NAME CMD...: runs a layer, echoing its output, and adds up its runner's counts.
run() {
  local name=$1
  shift
  echo
  echo "==== $name"
  local t0=$(date +%s) log="$logs/$name.log"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  # cargo: "test result: ok. 7 passed; 0 failed; ..."; node: "# pass 9" / "# fail 0"
  local p f
  p=$(sed -nE 's/^test result: .* ([0-9]+) passed; ([0-9]+) failed.*/\1/p; s/^# pass ([0-9]+)$/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(sed -nE 's/^test result: .* ([0-9]+) passed; ([0-9]+) failed.*/\2/p; s/^# fail ([0-9]+)$/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  p=${p:-0}
  f=${f:-0}
  if [ "$status" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$status" = 0 ] || broken+=("$name")
  echo "==== $name: exit $status, $p passed, $f failed, $(($(date +%s) - t0)) s"
  return "$status"
}

run native cargo test --no-fail-fast
run wasm env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test wasm
if run build-www bash scripts/build-www.sh; then
  # The npm package (Node build, types, <news-lens>): tests/e2e/npm.test.mjs installs its tarball.
  run build-npm bash scripts/build-npm.sh
  run e2e node --test tests/e2e/
else
  echo "(e2e skipped: the page did not build)"
  failed=$((failed + 1))
fi

echo
[ ${#broken[@]} = 0 ] || echo "failed layers: ${broken[*]}"
echo "test.sh: wall time $(($(date +%s) - started)) s"
echo "total: $passed passed, $failed failed"
[ "$failed" = 0 ] && [ ${#broken[@]} = 0 ]
