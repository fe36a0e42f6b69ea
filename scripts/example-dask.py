#!/usr/bin/env python3
"""Runs `newslens analyze --jsonl` over a JSONL archive with Dask (docs/scale.md).

Each partition of lines goes to one single-threaded newslens process through its standard
input; the answers come back one per line, in order. The same function runs unchanged on a
Dask cluster (dask.distributed Client) when the binary is on every worker. Checks that every
line got its answer, ids in input order.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install "dask[bag]"
    /tmp/venv/bin/python scripts/example-dask.py IN.jsonl [OUT_DIR]

Env: NEWSLENS_BIN (default target/release/newslens), BLOCKSIZE (bytes per partition, 256 KB).
"""
import json
import os
import subprocess
import sys
import time

import dask
import dask.bag as db

BIN = os.path.abspath(os.environ.get("NEWSLENS_BIN", "target/release/newslens"))


def analyze_partition(lines):
    """One newslens process per partition: lines in, one answer per line out, same order."""
    lines = [l if l.endswith("\n") else l + "\n" for l in lines if l.strip()]
    if not lines:
        return []
    out = subprocess.run(
        [BIN, "analyze", "--jsonl", "--threads", "1"],
        input="".join(lines).encode(),
        stdout=subprocess.PIPE,
        check=True,
    ).stdout.decode()
    answers = out.splitlines()
    if len(answers) != len(lines):
        raise RuntimeError(f"{len(answers)} answers for {len(lines)} lines")
    return answers


def main():
    src = sys.argv[1]
    out_dir = sys.argv[2] if len(sys.argv) > 2 else None
    blocksize = int(os.environ.get("BLOCKSIZE", 256 * 1024))
    bag = db.read_text(src, blocksize=blocksize)
    answers = bag.map_partitions(analyze_partition)
    start = time.time()
    if out_dir:
        answers.to_textfiles(os.path.join(out_dir, "part-*.jsonl"))
        result = db.read_text(os.path.join(out_dir, "part-*.jsonl")).map(str.rstrip).compute()
    else:
        # Processes: each partition's newslens runs in its own worker, one per core.
        result = answers.compute(scheduler="processes", num_workers=os.cpu_count())
    secs = time.time() - start

    with open(src, encoding="utf-8") as f:
        ids_in = [json.loads(l)["id"] for l in f if l.strip()]
    ids_out, errors = [], 0
    for line in result:
        o = json.loads(line)
        ids_out.append(o["id"])
        errors += "error" in o
    assert ids_out == ids_in, "answers missing or out of order"
    print(
        f"example-dask: ok: {len(result)} answers for {len(ids_in)} lines, ids in order, {errors} error lines, "
        f"{bag.npartitions} partitions, {secs:.2f} s (dask {dask.__version__})"
    )


if __name__ == "__main__":
    main()
