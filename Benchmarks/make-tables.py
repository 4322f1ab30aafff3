#!/usr/bin/env python3
"""Writes the generated tables of the benchmark suites that the applicants generator does not
make. Deterministic: the same arguments give the same bytes.

usage: make-tables.py join A.csv B.csv [--rows 1000000]
       make-tables.py dates OUT.csv [--rows 10000000]
  A has a unique integer key `id` (a shuffled 0…rows-1) and a measure `x`; B has `rows` keys drawn
  from 0…1.25×rows, so some keys of B repeat (a join fans out) and some match nothing, and a
  measure `y`.
  OUT has an ISO date `day` (2015-01-01 to 2025-12-31, in no order) and a measure `x`.
Needs numpy (pip install numpy).
"""
import argparse
import numpy as np


def write(path, header, columns):
    with open(path, "w", newline="") as out:
        out.write(header + "\n")
        out.writelines(",".join(map(str, row)) + "\n" for row in zip(*columns))


def join_tables(a_path, b_path, rows, rng):
    write(a_path, "id,x", [rng.permutation(rows), rng.integers(0, 1000, rows)])
    write(b_path, "id,y", [rng.integers(0, rows + rows // 4, rows), rng.integers(0, 1000, rows)])


def dated_table(path, rows, rng):
    first, last = np.datetime64("2015-01-01"), np.datetime64("2026-01-01")
    chunk = 1_000_000
    with open(path, "w", newline="") as out:
        out.write("day,x\n")
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            days = first + rng.integers(0, (last - first).astype(int), n).astype("timedelta64[D]")
            values = rng.integers(0, 1000, n)
            out.writelines(f"{d},{v}\n" for d, v in zip(days.astype(str), values))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    join = commands.add_parser("join")
    join.add_argument("a")
    join.add_argument("b")
    join.add_argument("--rows", type=int, default=1_000_000)
    dates = commands.add_parser("dates")
    dates.add_argument("out")
    dates.add_argument("--rows", type=int, default=10_000_000)
    options = parser.parse_args()
    rng = np.random.default_rng(7)
    if options.command == "join":
        join_tables(options.a, options.b, options.rows, rng)
    else:
        dated_table(options.out, options.rows, rng)


if __name__ == "__main__":
    main()
