#!/usr/bin/env bash
# Side-by-side speed benchmark, one run, same texts (issue 18):
#   (a) newslens natively: the release CLI, `analyze --jsonl` over one JSONL file of all texts,
#       with --threads 1 and with every core;
#   (b) newslens Wasm in Node, one article per call, warm (scripts/bench-wasm.mjs);
#   (c) compromise (npm, pinned in package.json) extracting people, places, organisations and
#       quotations per text;
# then the ratios, the five seeds in Wasm (ms per call, warm), and peak memory natively
# (/usr/bin/time -v, max RSS) on 1 MB and 10 MB pastes made of the seeds repeated.
#
#   scripts/bench.sh [DIR]      DIR defaults to ../shared/data/polnear/dev/text
#
# Env: NEWSLENS_BIN (default target/release/newslens, built with `cargo build --release` when
# missing), BENCH_SECONDS (time per Wasm measurement, default 5), BENCH_REBUILD=1 (rebuild the
# Node Wasm module), BENCH_MEMORY_MB (paste sizes for the memory runs, default "1 10"; the 10 MB
# paste is ~2,200 articles compared in one call and takes about a minute today).
# The Wasm module: pkg/node from scripts/build-npm.sh when it is newer than src/, else a nodejs
# build into target/bench-node (git-ignored), optimised with wasm-opt -Oz as build-npm.sh does.
# Takes about a minute plus the 10 MB run once built. Nothing asserts a time; the figures go to
# docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:-../shared/data/polnear/dev/text}
if [ ! -d "$dir" ]; then
  echo "bench: no texts at $dir (../shared absent?); skipped. Give a folder of .txt files: scripts/bench.sh DIR"
  exit 0
fi
bin=${NEWSLENS_BIN:-target/release/newslens}
secs=${BENCH_SECONDS:-5}
cores=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== machine: $(uname -m), $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "   (the load average shows other work on the machine: figures are lower bounds when it is high)"

# --- builds -------------------------------------------------------------------------------------
if [ ! -x "$bin" ]; then
  echo "== building the release CLI (cargo build --release)"
  cargo build --release --quiet
fi
newer_src() { [ -n "$(find src Cargo.toml Cargo.lock -newer "$1" -print -quit)" ]; }
module=""
if [ "${BENCH_REBUILD:-0}" != 1 ] && [ -s pkg/node/newslens_bg.wasm ] && ! newer_src pkg/node/newslens_bg.wasm; then
  module=pkg/node/newslens.js
elif [ "${BENCH_REBUILD:-0}" != 1 ] && [ -s target/bench-node/newslens_bg.wasm ] && ! newer_src target/bench-node/newslens_bg.wasm; then
  module=target/bench-node/newslens.js
else
  echo "== building the Node Wasm module into target/bench-node (wasm-pack --target nodejs, wasm-opt -Oz)"
  CARGO_PROFILE_RELEASE_STRIP=false wasm-pack build --quiet --target nodejs --release --out-dir target/bench-node \
    --out-name newslens 2>&1 | grep -v -e '^\[INFO\]' -e 'Checking for the Wasm target' -e 'Compiling to Wasm' || true
  test -s target/bench-node/newslens_bg.wasm || { echo "bench: wasm-pack produced no module" >&2; exit 1; }
  rm -f target/bench-node/.gitignore target/bench-node/README.md
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-simd --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    target/bench-node/newslens_bg.wasm -o target/bench-node/newslens_bg.wasm.opt
  mv target/bench-node/newslens_bg.wasm.opt target/bench-node/newslens_bg.wasm
  echo '{ "type": "commonjs" }' > target/bench-node/package.json
  module=target/bench-node/newslens.js
fi
test -d node_modules/compromise || npm ci --no-audit --no-fund --silent

# --- the texts as one JSONL file ----------------------------------------------------------------
node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1];
const names = fs.readdirSync(dir).filter((n) => n.endsWith(".txt") || n.endsWith(".html")).sort();
let out = "", bytes = 0, n = 0;
for (const name of names) {
  const text = fs.readFileSync(path.join(dir, name), "utf8");
  if (!text.trim()) continue;
  bytes += Buffer.byteLength(text); n++;
  out += JSON.stringify(name.endsWith(".html") ? { id: name, html: text } : { id: name, text }) + "\n";
}
fs.writeFileSync(process.argv[2], out);
fs.writeFileSync(process.argv[3], `${n} ${bytes}\n`);
' "$dir" "$work/all.jsonl" "$work/size"
read -r ntexts bytes < "$work/size"
echo "== texts: $ntexts files, $bytes bytes, from $dir"

# --- (a) native ---------------------------------------------------------------------------------
# Best of 3 runs of the whole file (the process start and model load are inside, as for a user).
native() { # threads -> seconds (best of 3)
  local best=""
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N)
    "$bin" analyze --jsonl --threads "$1" < "$work/all.jsonl" > "$work/out.jsonl"
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
# Start-up (process, model load) alone: one short line, so the per-MB figure can exclude it.
printf '{"id":"s","text":"Mr Smith said it was fine."}\n' > "$work/one.jsonl"
startup=""
for _ in 1 2 3; do
  s=$(date +%s.%N); "$bin" analyze --jsonl --threads 1 < "$work/one.jsonl" > /dev/null; e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc -l)
  if [ -z "$startup" ] || [ "$(echo "$t < $startup" | bc -l)" = 1 ]; then startup=$t; fi
done
t1=$(native 1)
lines=$(wc -l < "$work/out.jsonl")
errors=$(grep -c '"error"' "$work/out.jsonl" || true)
tn=$(native "$cores")
mbs1=$(echo "$bytes / 1000000 / $t1" | bc -l)
mbsn=$(echo "$bytes / 1000000 / $tn" | bc -l)
printf '== (a) newslens native, analyze --jsonl (%s lines out, %s errors), best of 3:\n' "$lines" "$errors"
printf '   --threads 1: %.3f s = %.3f MB/s = %.0f articles/s\n' "$t1" "$mbs1" "$(echo "$ntexts / $t1" | bc -l)"
printf '   start-up (one short line, process + models): %.3f s; --threads 1 without it: %.3f MB/s = %.0f articles/s\n' \
  "$startup" "$(echo "$bytes / 1000000 / ($t1 - $startup)" | bc -l)" "$(echo "$ntexts / ($t1 - $startup)" | bc -l)"
printf '   --threads %s: %.3f s = %.3f MB/s = %.0f articles/s (%.2fx one thread)\n' "$cores" "$tn" "$mbsn" \
  "$(echo "$ntexts / $tn" | bc -l)" "$(echo "$t1 / $tn" | bc -l)"

# --- (b) + (c) Wasm and compromise in Node --------------------------------------------------------
echo "== (b) newslens Wasm in Node ($module) and (c) compromise, same texts"
node scripts/bench-wasm.mjs --module "$module" --dir "$dir" --seeds seeds --seconds "$secs" | tee "$work/node.txt" | sed 's/^/   /'
result=$(grep '^RESULT' "$work/node.txt")
val() { echo "$result" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
wasm=$(val wasm_mbs)
comp=$(val compromise_mbs)

echo "== ratios (same texts, same run)"
ratio() { if [ "$2" = NaN ]; then echo "n/a"; else printf '%.2fx' "$(echo "$1 / $2" | bc -l)"; fi; }
printf '   %-44s %9s MB/s  %s\n' "compromise $(node -p 'const m = require("./node_modules/compromise"); (m.default || m).version')" "$(printf '%.3f' "$comp")" "1x"
printf '   %-44s %9s MB/s  %s compromise\n' "newslens Wasm, one article per call" "$(printf '%.3f' "$wasm")" "$(ratio "$wasm" "$comp")"
printf '   %-44s %9s MB/s  %s compromise, %s Wasm\n' "newslens native, 1 thread" "$(printf '%.3f' "$mbs1")" "$(ratio "$mbs1" "$comp")" "$(ratio "$mbs1" "$wasm")"
printf '   %-44s %9s MB/s  %s compromise\n' "newslens native, $cores threads" "$(printf '%.3f' "$mbsn")" "$(ratio "$mbsn" "$comp")"

# --- memory: 1 MB and 10 MB (seeds repeated) ------------------------------------------------------
# Two shapes: one paste (`analyze --json FILE`: every copy is an article, all compared with each
# other in one call), and JSONL with one seed per line (`analyze --jsonl --threads 1`: how an
# archive runs; memory should stay flat and time linear).
echo "== peak memory natively (the seeds repeated to 1 and 10 MB; /usr/bin/time -v)"
rss_of() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt"; }
wall_of() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt"; }
if [ -x /usr/bin/time ]; then
  for mb in ${BENCH_MEMORY_MB:-1 10}; do
    want=$((mb * 1000000))
    : > "$work/big.txt"
    while [ "$(stat -c %s "$work/big.txt")" -lt "$want" ]; do
      for f in seeds/*.txt; do cat "$f"; printf '\n\n'; done >> "$work/big.txt"
    done
    size=$(stat -c %s "$work/big.txt")
    /usr/bin/time -v "$bin" analyze --json "$work/big.txt" > /dev/null 2> "$work/time.txt"
    rss=$(rss_of)
    printf '   one paste, %2s MB (%s bytes): max RSS %s KB = %.1fx the input, wall %s\n' "$mb" "$size" "$rss" \
      "$(echo "$rss * 1024 / $size" | bc -l)" "$(wall_of)"
    node -e '
    const fs = require("fs");
    const seeds = fs.readdirSync("seeds").filter((n) => n.endsWith(".txt")).sort().map((n) => fs.readFileSync("seeds/" + n, "utf8"));
    const want = Number(process.argv[2]);
    let out = "", bytes = 0, i = 0;
    while (bytes < want) { const t = seeds[i % seeds.length]; out += JSON.stringify({ id: i, text: t }) + "\n"; bytes += Buffer.byteLength(t); i++; }
    fs.writeFileSync(process.argv[1], out);
    ' "$work/big.jsonl" "$want"
    /usr/bin/time -v "$bin" analyze --jsonl --threads 1 < "$work/big.jsonl" > /dev/null 2> "$work/time.txt"
    rss=$(rss_of)
    printf '   JSONL,      %2s MB (%s lines, --threads 1): max RSS %s KB, wall %s\n' "$mb" "$(wc -l < "$work/big.jsonl")" \
      "$rss" "$(wall_of)"
  done
else
  echo "   /usr/bin/time missing (apt-get install time); skipped"
fi
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
