#!/usr/bin/env bash
# Builds the npm package into pkg/ (git-ignored): the browser ES module that scripts/build-www.sh
# builds (wasm-pack --target web) with the <news-lens> element in web/, the Node build (wasm-pack
# --target nodejs, CommonJS, loads its module synchronously) in node/, the package.json, README
# and examples from npm/ and examples/. Then `cd pkg && npm pack` makes the tarball.
set -euo pipefail
cd "$(dirname "$0")/.."

test -s www/pkg/newslens_bg.wasm || bash scripts/build-www.sh
rm -rf pkg
mkdir -p pkg/web/pkg pkg/examples
CARGO_PROFILE_RELEASE_STRIP=false wasm-pack build --quiet --target nodejs --release --out-dir pkg/node --out-name newslens 2>&1 \
  | grep -v -e '^\[INFO\]' -e 'Checking for the Wasm target' -e 'Compiling to Wasm' || true
test -s pkg/node/newslens_bg.wasm || { echo "build-npm: wasm-pack produced no module" >&2; exit 1; }
rm -f pkg/node/package.json pkg/node/README.md pkg/node/.gitignore
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-simd --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/node/newslens_bg.wasm -o pkg/node/newslens_bg.wasm.opt
mv pkg/node/newslens_bg.wasm.opt pkg/node/newslens_bg.wasm
# The Node build is CommonJS inside a "type": "module" package.
echo '{ "type": "commonjs" }' > pkg/node/package.json

cp www/pkg/newslens.js www/pkg/newslens.d.ts www/pkg/newslens_bg.wasm www/pkg/newslens_bg.wasm.d.ts pkg/web/pkg/
cp www/news-lens.js www/news-lens.css www/render.js www/worker.js www/style.css pkg/web/
cp npm/package.json npm/README.md pkg/
cp -r examples/node pkg/examples/
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
sed -i "s/\"version\": \"[^\"]*\"/\"version\": \"$version\"/" pkg/package.json
echo "build-npm: pkg/ holds newslens $version: web/ ($(stat -c %s pkg/web/pkg/newslens_bg.wasm) bytes of Wasm), node/ ($(stat -c %s pkg/node/newslens_bg.wasm) bytes)"
