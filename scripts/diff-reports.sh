#!/usr/bin/env bash
# Regenerates the CLI's JSON reports on every PolNeAR train/dev text and the five seeds
# (each alone and all five in one call), and compares them with a saved baseline.
#   scripts/diff-reports.sh save [DIR]   # write the baseline (default /tmp/newslens-reports-base)
#   scripts/diff-reports.sh check [DIR]  # regenerate into DIR.new and diff against DIR
# For refactors whose output must stay byte-identical. Skips when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
base=${2:-/tmp/newslens-reports-base}
shared=../shared
if [ ! -d "$shared/data/polnear" ] || [ ! -d "$shared/seeds" ]; then
  echo "diff-reports: $shared/data/polnear or $shared/seeds absent, skipping"
  exit 0
fi
bin=target/release/newslens
case $mode in
  save) out=$base ;;
  check) out=$base.new ;;
  *) echo "usage: $0 save|check [DIR]" >&2; exit 2 ;;
esac
rm -rf "$out"
mkdir -p "$out/train" "$out/dev" "$out/seeds"
gen() { # split dir
  for f in "$shared/data/polnear/$1/text/"*.txt; do
    "$bin" analyze --json "$f" > "$out/$1/$(basename "$f" .txt).json" 2>&1 || echo "exit $?" >> "$out/$1/$(basename "$f" .txt).json"
  done
}
gen train & gen dev & wait
for f in "$shared/seeds/"*.txt; do
  "$bin" analyze --json "$f" > "$out/seeds/$(basename "$f" .txt).json" 2>&1 || echo "exit $?" >> "$out/seeds/$(basename "$f" .txt).json"
done
"$bin" analyze --json "$shared/seeds/"*.txt > "$out/seeds/all.json" 2>&1
n=$(find "$out" -name '*.json' | wc -l)
if [ "$mode" = save ]; then
  echo "diff-reports: saved $n reports to $out"
else
  if diff -r "$base" "$out" > "$out.diff"; then
    echo "diff-reports: $n reports byte-identical to $base"
  else
    echo "diff-reports: DIFFERENCES ($(grep -c '^diff' "$out.diff" || true) files), see $out.diff"
    exit 1
  fi
fi
