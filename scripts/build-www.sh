#!/usr/bin/env bash
# Builds the web page's files: the Wasm module and its JS glue into www/pkg (wasm-pack, then
# wasm-opt from npm's binaryen: the only wasm-opt that accepts wasm-bindgen 0.2.130's output,
# which is why Cargo.toml turns wasm-pack's own wasm-opt step off), and the seed articles into
# www/seeds with an index.json listing them for the page's "Load example".
# strip = true in the release profile would drop the target_features section wasm-bindgen reads,
# so the build keeps it and wasm-opt strips debug info and names afterwards.
# Prints the module's size raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_PROFILE_RELEASE_STRIP=false wasm-pack build --quiet --target web --release --out-dir www/pkg --out-name newslens 2>&1 \
  | grep -v -e '^\[INFO\]' -e 'Checking for the Wasm target' -e 'Compiling to Wasm' || true
test -s www/pkg/newslens_bg.wasm || { echo "build-www: wasm-pack produced no module" >&2; exit 1; }

wasm=www/pkg/newslens_bg.wasm
raw_before=$(stat -c %s "$wasm")
# -Oz: smallest; -O3 measured no faster on the five seeds (about 40 ms either way, node 20).
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-simd --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "build-www: $wasm  ${raw_before} bytes from wasm-pack, ${raw} bytes after wasm-opt -Oz, ${gz} bytes gzipped"

rm -rf www/seeds
mkdir -p www/seeds
names=()
for f in seeds/*.txt; do
  cp "$f" www/seeds/
  names+=("\"$(basename "$f")\"")
done
(IFS=,; echo "[${names[*]}]") > www/seeds/index.json
echo "build-www: copied ${#names[@]} seed articles into www/seeds/"
