#!/usr/bin/env bash
# Runs `newslens analyze --jsonl` over an archive with GNU parallel (docs/scale.md), two ways,
# and checks the answers: one output line per input line, same ids in the same order, no line
# lost. With many machines, give parallel `-S host1,host2 --transferfile {} --return {.}.out`
# (or run one copy per machine on its share of the chunks); nothing else changes.
#
#   scripts/example-parallel.sh [IN.jsonl]
#
# Without IN.jsonl it builds one from ../shared/data/polnear/dev/text (or the seeds when ../shared
# is absent), repeated 4 times so there is something to split. Env: NEWSLENS_BIN (default
# target/release/newslens), JOBS (default: every core), CHUNK (lines per chunk, default 50).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v parallel > /dev/null || { echo "example-parallel: GNU parallel missing (apt-get install -y parallel)"; exit 1; }
bin=$(realpath "${NEWSLENS_BIN:-target/release/newslens}")
test -x "$bin" || { echo "example-parallel: no $bin (cargo build --release)"; exit 1; }
jobs=${JOBS:-$(nproc)}
chunk=${CHUNK:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

in=${1:-}
if [ -z "$in" ]; then
  dir=../shared/data/polnear/dev/text
  [ -d "$dir" ] || { echo "example-parallel: no $dir; using the seeds"; dir=seeds; }
  in=$work/archive.jsonl
  node -e '
  const fs = require("fs"), path = require("path");
  const [dir, out] = process.argv.slice(1);
  const names = fs.readdirSync(dir).filter((n) => n.endsWith(".txt")).sort();
  let s = "";
  for (let r = 0; r < 4; r++)
    for (const n of names) s += JSON.stringify({ id: `${r}/${n}`, text: fs.readFileSync(path.join(dir, n), "utf8") }) + "\n";
  fs.writeFileSync(out, s);
  ' "$dir" "$in"
fi
n=$(wc -l < "$in")
echo "example-parallel: $n lines, $(stat -c %s "$in") bytes, $jobs jobs, $chunk lines per chunk"

# 1. Files: split into chunk files, one single-threaded newslens per chunk, as many at once as
#    there are jobs. Each chunk's answers land next to it; parallel's exit status counts failures.
mkdir "$work/chunks"
split -l "$chunk" -d -a 5 --additional-suffix=.jsonl "$in" "$work/chunks/part-"
s=$(date +%s.%N)
parallel -j "$jobs" --halt soon,fail=1 "$bin analyze --jsonl --threads 1 < {} > {.}.out" ::: "$work"/chunks/part-*.jsonl
e=$(date +%s.%N)
for f in "$work"/chunks/part-*.jsonl; do
  [ "$(wc -l < "$f")" = "$(wc -l < "${f%.jsonl}.out")" ] || { echo "example-parallel: line count differs for $f"; exit 1; }
done
cat "$work"/chunks/part-*.out > "$work/files.out"
printf 'files:  %s chunks, %s answers in %.2f s\n' "$(ls "$work"/chunks/part-*.jsonl | wc -l)" "$(wc -l < "$work/files.out")" "$(echo "$e - $s" | bc -l)"

# 2. A stream: parallel cuts standard input into blocks of whole lines, feeds each block to its
#    own newslens, and -k keeps the answers in input order.
s=$(date +%s.%N)
parallel -j "$jobs" --pipe -N "$chunk" -k --halt soon,fail=1 "$bin" analyze --jsonl --threads 1 < "$in" > "$work/pipe.out"
e=$(date +%s.%N)
printf 'pipe:   %s answers in %.2f s\n' "$(wc -l < "$work/pipe.out")" "$(echo "$e - $s" | bc -l)"

# Checks: as many answers as lines, the ids in input order, and the same answers both ways.
ids() { node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
  let errors = 0;
  for (const l of lines) { const o = JSON.parse(l); if (o.error) errors++; console.log(JSON.stringify(o.id)); }
  if (errors) console.error(`${errors} error lines in ${process.argv[1]}`);
  ' "$1"; }
ids "$in" > "$work/ids.in"
for out in files pipe; do
  [ "$(wc -l < "$work/$out.out")" = "$n" ] || { echo "example-parallel: $out: $(wc -l < "$work/$out.out") answers for $n lines"; exit 1; }
  ids "$work/$out.out" > "$work/ids.$out"
  cmp -s "$work/ids.in" "$work/ids.$out" || { echo "example-parallel: $out: ids out of order"; exit 1; }
done
cmp -s "$work/files.out" "$work/pipe.out" || { echo "example-parallel: the two ways gave different answers"; exit 1; }
echo "example-parallel: ok: $n answers each way, ids in input order, both ways identical"
