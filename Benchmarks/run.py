#!/usr/bin/env python3
"""Benchmarks tally against DuckDB, polars and sqlite3 on the same generated table.

Generates the data with ../shared/bench/make-applicants.py when absent, loads it once per
engine, runs Q1-Q7 several times each, checks that every engine gives the same answers, and
prints the medians, the ratios tally/DuckDB and tally/polars, load speed and memory.

usage: Benchmarks/run.py [--rows 10000000] [--runs 5] [--engines tally,duckdb,polars,sqlite3]
                         [--tally .build/release/tally] [--data FILE] [--check-only]

Each engine runs in its own process so that memory is measured apart. DuckDB and polars come
from PyPI (pip install duckdb polars); sqlite3 is Python's module. With --check-only the queries
run once and only agreement is checked (the test suite's smoke run).
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GENERATOR = os.path.join(ROOT, "..", "shared", "bench", "make-applicants.py")

# The benchmark's queries: SQL for the other engines, tally for tally. The table is `t`.
QUERIES = [
    ("Q1", "select destination, sum(applications) s from t where origin='MNE' and year>=2012 group by destination order by s desc",
     "t where origin = MNE and year >= 2012 group by destination show sum(applications) as s"),
    ("Q2", "select year, kind, sum(applications) from t group by year, kind order by year, kind",
     "t group by year, kind show sum(applications)"),
    ("Q3", "select count(*), sum(applications), avg(applications), min(applications), max(applications) from t",
     "t show count, sum(applications), avg(applications), min(applications), max(applications)"),
    ("Q4", "select origin, sum(applications) s from t group by origin order by s desc limit 10",
     "t group by origin show sum(applications) as s top 10"),
    ("Q5", "select origin, destination, sum(applications) s from t group by origin, destination order by s desc limit 10",
     "t group by origin, destination show sum(applications) as s top 10"),
    ("Q6", "select count(*) from t where destination_name like '%Republic%'",
     "t where destination_name contains Republic show count"),
    ("Q7", "select year, sum(applications) from t where unit='cases' and kind='new' and year between 2000 and 2020 group by year order by year",
     "t where unit = cases and kind = new and year between 2000 and 2020 group by year show sum(applications)"),
]


def rss_kib(pid, field):
    """VmRSS or VmHWM of a process, in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def run_tally(binary, data, runs):
    """Loads the table in a tally prompt fed through a pipe, reads its memory once loaded, then
    runs every query `runs` times with the timer on and JSON output."""
    process = subprocess.Popen([binary, "--no-bundled", "-i"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, NO_COLOR="1", TALLY_HISTORY=os.devnull))
    started = time.perf_counter()
    process.stdin.write(f'load "{data}" as t\n')
    process.stdin.flush()
    while True:
        line = process.stderr.readline()
        if not line:
            raise SystemExit("tally ended while loading: " + process.stdout.read())
        if line.startswith("loaded t") or line.startswith("replaced t"):
            break
        if line.startswith("error"):
            raise SystemExit("tally could not load the data: " + line)
    load_seconds = time.perf_counter() - started
    loaded_rss = rss_kib(process.pid, "VmRSS")
    load_peak = rss_kib(process.pid, "VmHWM")
    script = "set format json\nset timer on\n"
    for _, _, query in QUERIES:
        script += (query + "\n") * runs
    script += "quit\n"
    output, errors = process.communicate(script)
    times = [float(t) * 1000 for t in re.findall(r"Run Time: real ([0-9.]+)", errors)]
    decoder, position, results = json.JSONDecoder(), 0, []
    text = output.strip()
    while position < len(text):
        value, end = decoder.raw_decode(text, position)
        results.append([list(row.values()) for row in value])
        position = end
        while position < len(text) and text[position].isspace():
            position += 1
    timings = {}
    for index, (name, _, _) in enumerate(QUERIES):
        timings[name] = times[index * runs: (index + 1) * runs]
    answers = {name: results[index * runs] for index, (name, _, _) in enumerate(QUERIES)}
    return {"load": load_seconds, "loaded_rss": loaded_rss, "load_peak": load_peak,
            "times": timings, "answers": answers}


ENGINE_WORKER = r'''
import json, os, sys, time
engine, data, runs, queries = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
if engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute("SET threads=2")
    before = rss("VmRSS")
    start = time.perf_counter()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{data}')")
    load = time.perf_counter() - start
    run = lambda sql: [list(r) for r in con.execute(sql).fetchall()]
elif engine == "polars":
    import polars as pl
    before = rss("VmRSS")
    start = time.perf_counter()
    frame = pl.read_csv(data)
    load = time.perf_counter() - start
    context = pl.SQLContext(t=frame)
    run = lambda sql: [list(r) for r in context.execute(sql).collect().rows()]
else:
    import csv, sqlite3
    con = sqlite3.connect(":memory:")
    con.execute("create table t(year integer, origin text, origin_name text, destination text, "
                "destination_name text, kind text, unit text, applications integer)")
    before = rss("VmRSS")
    start = time.perf_counter()
    with open(data, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        con.executemany("insert into t values (?,?,?,?,?,?,?,?)", rows)
    load = time.perf_counter() - start
    run = lambda sql: [list(r) for r in con.execute(sql).fetchall()]
loaded = rss("VmRSS") - before
peak = rss("VmHWM")
times, answers = {}, {}
for name, sql in queries:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        answer = run(sql)
        samples.append((time.perf_counter() - start) * 1000)
    times[name] = samples
    answers[name] = answer
print("RESULT " + json.dumps({"load": load, "loaded_rss": loaded, "load_peak": peak, "times": times, "answers": answers}))
'''


def run_engine(engine, data, runs):
    """Runs one SQL engine in a fresh Python process."""
    queries = json.dumps([(name, sql) for name, sql, _ in QUERIES])
    result = subprocess.run([sys.executable, "-c", ENGINE_WORKER, engine, data, str(runs), queries],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{result.stderr}")
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def same(a, b):
    """Whether two answers hold the same rows (numbers equal to 1e-9 relative). Rows are
    compared in a canonical order, since engines order ties differently."""
    if len(a) != len(b):
        return False
    key = lambda row: [str(v) for v in row]
    for row_a, row_b in zip(sorted(a, key=key), sorted(b, key=key)):
        if len(row_a) != len(row_b):
            return False
        for x, y in zip(row_a, row_b):
            if isinstance(x, (int, float)) and isinstance(y, (int, float)) and not isinstance(x, bool):
                if abs(x - y) > 1e-9 * max(1, abs(x), abs(y)):
                    return False
            elif str(x) != str(y):
                return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--engines", default="tally,duckdb,polars,sqlite3")
    parser.add_argument("--tally", default=os.path.join(ROOT, ".build", "release", "tally"))
    parser.add_argument("--baseline", help="another tally binary (a release build of an earlier commit), "
                        "run beside --tally as the engine 'baseline', with a tally/baseline row")
    parser.add_argument("--data")
    parser.add_argument("--check-only", action="store_true")
    options = parser.parse_args()
    runs = 1 if options.check_only else options.runs
    data = options.data or os.path.join(tempfile.gettempdir(), f"tally-bench-{options.rows}.csv")
    if not os.path.exists(data):
        print(f"generating {options.rows:,} rows into {data}", file=sys.stderr)
        subprocess.run([sys.executable, GENERATOR, "--rows", str(options.rows), "--out", data],
                       check=True, stderr=subprocess.DEVNULL)
    size_mb = os.path.getsize(data) / 1e6
    engines = options.engines.split(",") + (["baseline"] if options.baseline else [])
    results = {}
    for engine in engines:
        print(f"running {engine}", file=sys.stderr)
        if engine in ("tally", "baseline"):
            results[engine] = run_tally(options.tally if engine == "tally" else options.baseline, data, runs)
        else:
            results[engine] = run_engine(engine, data, runs)

    disagreements = 0
    reference = "tally"
    for name, _, _ in QUERIES:
        for engine in engines:
            if engine != reference and not same(results[reference]["answers"][name], results[engine]["answers"][name]):
                disagreements += 1
                print(f"{name}: tally and {engine} disagree\n  tally:  {results[reference]['answers'][name][:5]}\n"
                      f"  {engine}: {results[engine]['answers'][name][:5]}")
    checked = len(QUERIES) * (len(engines) - 1)
    print(f"agreement: {checked - disagreements} passed, {disagreements} failed")
    if options.check_only:
        sys.exit(1 if disagreements else 0)

    print(f"\n{options.rows:,} rows, {size_mb:.0f} MB CSV, median of {runs} runs, {os.cpu_count()} cores\n")
    header = "| engine | load | " + " | ".join(name for name, _, _ in QUERIES) + " |"
    print(header)
    print("|" + "---|" * (len(QUERIES) + 2))
    medians = {engine: {name: statistics.median(results[engine]["times"][name]) for name, _, _ in QUERIES}
               for engine in engines}
    for engine in engines:
        r = results[engine]
        load = f"{r['load']:.2f} s ({size_mb / r['load']:.0f} MB/s, peak {r['load_peak'] / 1048576:.2f} GiB, " \
               f"loaded {r['loaded_rss'] / 1048576:.2f} GiB)"
        print(f"| {engine} | {load} | " + " | ".join(f"{medians[engine][name]:.1f}" for name, _, _ in QUERIES) + " |")
    for other in ("duckdb", "polars", "baseline"):
        if other in engines and "tally" in engines:
            ratios = [medians["tally"][name] / medians[other][name] for name, _, _ in QUERIES]
            load = results["tally"]["load"] / results[other]["load"]
            print(f"| tally/{other} | {load:.2f}x | " + " | ".join(f"{x:.2f}x" for x in ratios) + " |")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
