#!/usr/bin/env python3
"""Times loading one CSV file in tally and in DuckDB, in the same run, with peak memory.

Each engine runs in its own child process (so its peak RSS is its own), alternating, `--runs` times;
the table prints the median wall time, MB/s and the largest peak RSS. tally loads with
`--no-bundled --load t=FILE -e 't show count'`; DuckDB runs `CREATE TABLE t AS SELECT * FROM
read_csv(FILE)` with `SET threads=2`.

    python3 Benchmarks/load_benchmark.py [--tally .build/release/tally] [--runs 3] FILE
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

DUCKDB_SCRIPT = """
import duckdb, sys, time
con = duckdb.connect()
con.execute("SET threads=2")
con.execute("SET enable_progress_bar=false")
start = time.perf_counter()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [sys.argv[1]])
elapsed = time.perf_counter() - start
print(con.execute("SELECT count(*) FROM t").fetchone()[0], elapsed)
"""


def run(command):
    """Runs `command`; returns (wall seconds, peak RSS in bytes, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    output = process.stdout.read()
    if status != 0:
        sys.exit(f"{command[0]} failed: {process.stderr.read()}")
    return elapsed, usage.ru_maxrss * 1024, output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--tally", default=".build/release/tally")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    size = os.path.getsize(args.file)
    results = {"tally": [], "duckdb": []}
    for _ in range(args.runs):
        elapsed, peak, _ = run([args.tally, "--no-bundled", "--load", f"t={args.file}", "-e", "t show count"])
        results["tally"].append((elapsed, peak))
        _, peak, output = run([sys.executable, "-c", DUCKDB_SCRIPT, args.file])
        results["duckdb"].append((float(output.split()[1]), peak))
    print(f"{args.file}: {size / 1e6:.0f} MB, median of {args.runs} runs")
    print("| engine | load s | MB/s | peak RSS MiB |")
    print("|---|---|---|---|")
    medians = {}
    for engine, rows in results.items():
        median = statistics.median(t for t, _ in rows)
        medians[engine] = median
        peak = max(p for _, p in rows) / 2**20
        print(f"| {engine} | {median:.2f} | {size / 1e6 / median:.0f} | {peak:.0f} |")
    print(f"tally / DuckDB: {medians['tally'] / medians['duckdb']:.2f}x")


if __name__ == "__main__":
    main()
