#!/usr/bin/env python3
"""Benchmarks tally against DuckDB, polars and sqlite3 on the same generated tables.

A suite is a set of tables and queries. `engine` (the default) runs Q1-Q7 over one generated
`applicants`-like table; `combine` looks every row of that table up in the population table and
joins two generated 1M-row tables on an integer key; `dates` loads a generated table with a date
column and groups it by month; `reshape` puts years across as columns. Each engine loads the suite's tables once,
runs every query several times, and the answers of all engines must agree; then the medians, the
ratios tally/DuckDB and tally/polars, load speed and memory are printed.

usage: Benchmarks/run.py [--suite engine|combine|dates|reshape] [--rows 10000000] [--runs 5]
                         [--engines tally,duckdb,polars,sqlite3] [--tally .build/release/tally]
                         [--data FILE] [--check-only]

Each engine runs in its own process so that memory is measured apart. DuckDB and polars come
from PyPI (pip install duckdb polars); sqlite3 is Python's module. With --check-only the queries
run once and only agreement is checked (the test suite's smoke run).
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, threading, time
from typing import Callable, NamedTuple, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
GENERATOR = os.path.join(SHARED, "bench", "make-applicants.py")
TABLE_MAKER = os.path.join(HERE, "make-tables.py")

APPLICANTS_COLUMNS = ("year integer, origin text, origin_name text, destination text, "
                      "destination_name text, kind text, unit text, applications integer")



class Query(NamedTuple):
    """A benchmark query: its SQL for the other engines (one text, or one per engine with a
    "default"), its tally spelling, and optionally how tally's rows are adapted before they are
    compared (e.g. dropping a `total` column the SQL lacks)."""
    name: str
    sql: object
    tally: str
    adapt: Optional[Callable[[list], list]] = None


# The engine suite: SQL for the other engines, tally for tally. The table is `t`.
ENGINE_QUERIES = [
    Query("Q1", "select destination, sum(applications) s from t where origin='MNE' and year>=2012 group by destination order by s desc",
     "t where origin = MNE and year >= 2012 group by destination show sum(applications) as s"),
    Query("Q2", "select year, kind, sum(applications) from t group by year, kind order by year, kind",
     "t group by year, kind show sum(applications)"),
    Query("Q3", "select count(*), sum(applications), avg(applications), min(applications), max(applications) from t",
     "t show count, sum(applications), avg(applications), min(applications), max(applications)"),
    Query("Q4", "select origin, sum(applications) s from t group by origin order by s desc limit 10",
     "t group by origin show sum(applications) as s top 10"),
    Query("Q5", "select origin, destination, sum(applications) s from t group by origin, destination order by s desc limit 10",
     "t group by origin, destination show sum(applications) as s top 10"),
    Query("Q6", "select count(*) from t where destination_name like '%Republic%'",
     "t where destination_name contains Republic show count"),
    Query("Q7", "select year, sum(applications) from t where unit='cases' and kind='new' and year between 2000 and 2020 group by year order by year",
     "t where unit = cases and kind = new and year between 2000 and 2020 group by year show sum(applications)"),
]

# The combine suite: a lookup of every row of `t` in the population table on (country, year),
# and an inner join of two 1M-row tables on an integer key that repeats on one side.
COMBINE_QUERIES = [
    Query("L1", "select t.year, sum(t.applications), sum(p.population) from t left join pop p "
           "on t.destination = p.country and t.year = p.year group by t.year order by t.year",
     "t lookup pop on destination = country, year group by year show sum(applications), sum(pop.population)"),
    Query("J1", "select count(*), sum(a.x), sum(b.y) from a join b on a.id = b.id",
     "a join b on id show count, sum(x), sum(b.y)"),
]

# The dates suite: a month bucket over a date column (sqlite3 keeps dates as ISO text).
DATES_QUERIES = [
    Query("D1", {"default": "select substr(day, 1, 7) m, sum(x) from s group by m order by m",
                 "duckdb": "select strftime(m, '%Y-%m'), total from (select date_trunc('month', day) m, "
                           "sum(x) total from s group by m) order by 1",
                 "polars": "select strftime(m, '%Y-%m'), total from (select date_trunc('month', day) m, "
                           "sum(x) total from s group by m) order by 1"},
          "s group by month(day) show sum(x)"),
]

# The reshape suite: years across as columns, against the same query's plain grouping.
YEARS = range(1990, 2026)
RESHAPE_QUERIES = [
    Query("R1", "select origin, year, sum(applications) from t group by origin, year",
          "t group by origin, year show sum(applications)"),
    Query("R2", {"default": "select origin, " + ", ".join(
                     f"sum(case when year = {y} then applications end)" for y in YEARS) +
                     " from t group by origin",
                 "duckdb": "pivot t on year using sum(applications) group by origin"},
          "t group by origin across year show sum(applications)", adapt=lambda row: row[:-1]),
]


def sql_for(query, engine):
    """A query's SQL as one engine runs it."""
    if isinstance(query.sql, str):
        return query.sql
    return query.sql.get(engine, query.sql["default"])


def applicants_table(rows, data):
    """The generated applicants-like table `t`, made when absent."""
    path = data or os.path.join(tempfile.gettempdir(), f"tally-bench-{rows}.csv")
    if not os.path.exists(path):
        print(f"generating {rows:,} rows into {path}", file=sys.stderr)
        subprocess.run([sys.executable, GENERATOR, "--rows", str(rows), "--out", path],
                       check=True, stderr=subprocess.DEVNULL)
    return ("t", path, APPLICANTS_COLUMNS)


def join_tables():
    """The two generated 1M-row tables `a` and `b` of the join query, made when absent."""
    folder = tempfile.gettempdir()
    paths = [os.path.join(folder, f"tally-bench-join-{side}.csv") for side in ("a", "b")]
    if not all(os.path.exists(path) for path in paths):
        subprocess.run([sys.executable, TABLE_MAKER, "join", *paths], check=True)
    return [("a", paths[0], "id integer, x integer"), ("b", paths[1], "id integer, y integer")]


def dated_table(rows, data):
    """The generated table `s` with a date column `day` and a measure `x`, made when absent."""
    path = data or os.path.join(tempfile.gettempdir(), f"tally-bench-dates-{rows}.csv")
    if not os.path.exists(path):
        subprocess.run([sys.executable, TABLE_MAKER, "dates", path, "--rows", str(rows)], check=True)
    return ("s", path, "day text, x integer")


def suite(name, rows, data):
    """The tables (name, CSV path, sqlite3 column declarations) and queries of a suite; the first
    table is the one whose load is timed and whose size is the memory yardstick."""
    if name == "engine":
        return [applicants_table(rows, data)], ENGINE_QUERIES
    if name == "dates":
        return [dated_table(rows, data)], DATES_QUERIES
    if name == "reshape":
        return [applicants_table(rows, data)], RESHAPE_QUERIES
    population = os.path.join(ROOT, "Sources", "TallyData", "Resources", "population.csv")
    tables = [applicants_table(rows, data),
              ("pop", population, "year integer, country text, country_name text, population integer"),
              *join_tables()]
    return tables, COMBINE_QUERIES


def rss_kib(pid, field):
    """VmRSS or VmHWM of a process, in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class PeakWatcher:
    """Samples a process's resident memory every few milliseconds and keeps the highest."""

    def __init__(self, pid):
        self.pid, self.peak, self.running = pid, 0, True
        self.thread = threading.Thread(target=self.watch, daemon=True)
        self.thread.start()

    def watch(self):
        while self.running:
            try:
                self.peak = max(self.peak, rss_kib(self.pid, "VmRSS"))
            except OSError:
                return
            time.sleep(0.003)

    def stop(self):
        self.running = False
        self.thread.join()
        return self.peak


def wait_for_load(process, name):
    """Reads the prompt's messages until `name` is loaded."""
    while True:
        line = process.stderr.readline()
        if not line:
            raise SystemExit("tally ended while loading: " + process.stdout.read())
        if line.startswith(f"loaded {name}") or line.startswith(f"replaced {name}"):
            return
        if line.startswith("error"):
            raise SystemExit("tally could not load the data: " + line)


def run_tally(binary, tables, queries, runs):
    """Loads the tables in a tally prompt fed through a pipe, reads its memory once loaded, then
    runs every query `runs` times with the timer on and JSON output, watching its memory."""
    process = subprocess.Popen([binary, "--no-bundled", "-i"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, NO_COLOR="1", TALLY_HISTORY=os.devnull))
    load_seconds = 0.0
    for index, (name, path, _) in enumerate(tables):
        started = time.perf_counter()
        process.stdin.write(f'load "{path}" as {name}\n')
        process.stdin.flush()
        wait_for_load(process, name)
        if index == 0:
            load_seconds = time.perf_counter() - started
            first_rss = rss_kib(process.pid, "VmRSS")
            load_peak = rss_kib(process.pid, "VmHWM")
    loaded_rss = rss_kib(process.pid, "VmRSS")
    script = "set format json\nset timer on\n"
    for query in queries:
        script += (query.tally + "\n") * runs
    script += "quit\n"
    watcher = PeakWatcher(process.pid)
    output, errors = process.communicate(script)
    query_peak = watcher.stop()
    times = [float(t) * 1000 for t in re.findall(r"Run Time: real ([0-9.]+)", errors)]
    decoder, position, results = json.JSONDecoder(), 0, []
    text = output.strip()
    while position < len(text):
        value, end = decoder.raw_decode(text, position)
        results.append([list(row.values()) for row in value])
        position = end
        while position < len(text) and text[position].isspace():
            position += 1
    if len(results) != len(queries) * runs:
        raise SystemExit(f"tally answered {len(results)} of {len(queries) * runs} queries:\n{errors}")
    timings = {query.name: times[index * runs: (index + 1) * runs] for index, query in enumerate(queries)}
    answers = {query.name: [query.adapt(row) if query.adapt else row for row in results[index * runs]]
               for index, query in enumerate(queries)}
    return {"load": load_seconds, "first_rss": first_rss, "loaded_rss": loaded_rss, "load_peak": load_peak,
            "query_peak": query_peak, "times": timings, "answers": answers}


ENGINE_WORKER = r'''
import csv, json, os, sys, threading, time
engine, runs, tables, queries = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
if engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    con.execute("SET threads=2")
    def load(name, path, columns):
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}')")
    run = lambda sql: [list(r) for r in con.execute(sql).fetchall()]
elif engine == "polars":
    import polars as pl
    context = pl.SQLContext()
    def load(name, path, columns):
        context.register(name, pl.read_csv(path))
    run = lambda sql: [list(r) for r in context.execute(sql).collect().rows()]
else:
    import sqlite3
    con = sqlite3.connect(":memory:")
    def load(name, path, columns):
        con.execute(f"create table {name}({columns})")
        with open(path, newline="") as f:
            rows = csv.reader(f)
            marks = ",".join("?" * len(next(rows)))
            con.executemany(f"insert into {name} values ({marks})", rows)
    run = lambda sql: [list(r) for r in con.execute(sql).fetchall()]
before = rss("VmRSS")
for index, (name, path, columns) in enumerate(tables):
    start = time.perf_counter()
    load(name, path, columns)
    if index == 0:
        load_time, first, load_peak = time.perf_counter() - start, rss("VmRSS") - before, rss("VmHWM")
loaded = rss("VmRSS") - before
peak = [0]
def watch():
    while True:
        peak[0] = max(peak[0], rss("VmRSS"))
        time.sleep(0.003)
threading.Thread(target=watch, daemon=True).start()
times, answers = {}, {}
for name, sql in queries:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        answer = run(sql)
        samples.append((time.perf_counter() - start) * 1000)
    times[name] = samples
    answers[name] = answer
print("RESULT " + json.dumps({"load": load_time, "first_rss": first, "loaded_rss": loaded, "load_peak": load_peak,
                              "query_peak": peak[0] - before, "times": times, "answers": answers}, default=str))
'''


def run_engine(engine, tables, queries, runs):
    """Runs one SQL engine in a fresh Python process."""
    sql = json.dumps([(query.name, sql_for(query, engine)) for query in queries])
    result = subprocess.run([sys.executable, "-c", ENGINE_WORKER, engine, str(runs), json.dumps(tables), sql],
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


def gib(kib):
    return f"{kib / 1048576:.2f} GiB"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--suite", choices=["engine", "combine", "dates", "reshape"], default="engine")
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
    tables, queries = suite(options.suite, options.rows, options.data)
    size_mb = os.path.getsize(tables[0][1]) / 1e6
    engines = options.engines.split(",") + (["baseline"] if options.baseline else [])
    results = {}
    for engine in engines:
        print(f"running {engine}", file=sys.stderr)
        if engine in ("tally", "baseline"):
            binary = options.tally if engine == "tally" else options.baseline
            results[engine] = run_tally(binary, tables, queries, runs)
        else:
            results[engine] = run_engine(engine, tables, queries, runs)

    disagreements = 0
    reference = engines[0]
    for name in (query.name for query in queries):
        for engine in engines[1:]:
            if not same(results[reference]["answers"][name], results[engine]["answers"][name]):
                disagreements += 1
                print(f"{name}: {reference} and {engine} disagree\n  {reference}: {results[reference]['answers'][name][:5]}\n"
                      f"  {engine}: {results[engine]['answers'][name][:5]}")
    checked = len(queries) * (len(engines) - 1)
    print(f"agreement: {checked - disagreements} passed, {disagreements} failed")
    if options.check_only:
        sys.exit(1 if disagreements else 0)

    print(f"\n{options.suite} suite: {options.rows:,} rows, {size_mb:.0f} MB CSV, median of {runs} runs, "
          f"{os.cpu_count()} cores\n")
    print("| engine | load | " + " | ".join(query.name for query in queries) + " |")
    print("|" + "---|" * (len(queries) + 2))
    medians = {engine: {query.name: statistics.median(results[engine]["times"][query.name]) for query in queries}
               for engine in engines}
    for engine in engines:
        r = results[engine]
        load = f"{r['load']:.2f} s ({size_mb / r['load']:.0f} MB/s, peak {gib(r['load_peak'])}, " \
               f"loaded {gib(r['first_rss'])})"
        print(f"| {engine} | {load} | " + " | ".join(f"{medians[engine][query.name]:.1f}" for query in queries) + " |")
    for other in ("duckdb", "polars", "sqlite3", "baseline"):
        if other in engines and "tally" in engines:
            ratios = [medians["tally"][query.name] / medians[other][query.name] for query in queries]
            load = results["tally"]["load"] / results[other]["load"]
            print(f"| tally/{other} | {load:.2f}x | " + " | ".join(f"{x:.2f}x" for x in ratios) + " |")
    print("\nmemory while the queries ran, above everything loaded:")
    for engine in engines:
        r = results[engine]
        print(f"- {engine}: peak {gib(max(0, r['query_peak'] - r['loaded_rss']))} above {gib(r['loaded_rss'])} loaded "
              f"(the first table alone: {gib(r['first_rss'])})")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
