#!/usr/bin/env python3
"""Runs `newslens analyze --jsonl` over a JSONL archive with Spark's RDD.pipe (docs/scale.md).

Each partition's lines go to one single-threaded newslens process (Spark runs one task per
core); the answers come back one per line, in order within the partition. On a cluster, ship
the binary with `sc.addFile` (as here) or install it on every worker. Checks that every line
got its answer, ids in input order.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install pyspark   # needs Java 17+
    /tmp/venv/bin/python scripts/example-spark.py IN.jsonl [OUT_DIR]

Env: NEWSLENS_BIN (default target/release/newslens), PARTITIONS (default 2 x cores).
"""
import json
import os
import sys
import time

from pyspark import SparkContext, SparkFiles


def main():
    src = os.path.abspath(sys.argv[1])
    out_dir = sys.argv[2] if len(sys.argv) > 2 else None
    binary = os.path.abspath(os.environ.get("NEWSLENS_BIN", "target/release/newslens"))
    cores = os.cpu_count() or 1
    sc = SparkContext(f"local[{cores}]", "newslens")
    sc.setLogLevel("ERROR")
    sc.addFile(binary)  # copied to every executor
    name = os.path.basename(binary)
    lines = sc.textFile(src, minPartitions=int(os.environ.get("PARTITIONS", 2 * cores)))
    start = time.time()
    answers = lines.filter(lambda l: l.strip()).pipe(f"{SparkFiles.get(name)} analyze --jsonl --threads 1")
    if out_dir:
        answers.saveAsTextFile(out_dir)  # part-00000 ... one answer per line
        result = sc.textFile(out_dir).collect()
    else:
        result = answers.collect()
    secs = time.time() - start
    parts = lines.getNumPartitions()
    sc.stop()

    with open(src, encoding="utf-8") as f:
        ids_in = [json.loads(l)["id"] for l in f if l.strip()]
    ids_out = [json.loads(l)["id"] for l in result]
    errors = sum("error" in json.loads(l) for l in result)
    assert ids_out == ids_in, "answers missing or out of order"
    print(
        f"example-spark: ok: {len(result)} answers for {len(ids_in)} lines, ids in order, {errors} error lines, "
        f"{parts} partitions, {secs:.2f} s"
    )


if __name__ == "__main__":
    main()
