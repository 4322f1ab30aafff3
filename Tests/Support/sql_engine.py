#!/usr/bin/env python3
"""Runs SQL written by tally's translator on DuckDB or Spark SQL, for the differential tests.

Usage: sql_engine.py duckdb|spark JOB.json

JOB.json holds {"tables": [{"name", "path", "columns": [{"name", "type"}]}], "queries": [sql, ...]}.
DuckDB's tables are created the plain way a user would, `CREATE TABLE t AS SELECT * FROM
read_csv('t.csv')` (the translated SQL orders rows by rowid, which follows the file). Spark's are
loaded with the column types tally inferred, empty cells as NULL, and a first column tally_row,
the row's 1-based position in the file. All queries run in one process (one SparkSession).

Output, on standard output: for each query a line "@@ ok" followed by its rows as CSV, or
"@@ error MESSAGE"; missing values are empty fields, decimals in Python's shortest form.
"""
import csv
import io
import json
import sys


def typed(value, kind):
    if value == "":
        return None
    if kind == "integer":
        return int(value)
    if kind == "decimal":
        return float(value)
    return value


def read_rows(table):
    with open(table["path"], newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        kinds = [column["type"] for column in table["columns"]]
        for position, record in enumerate(reader, start=1):
            yield [position] + [typed(value, kind) for value, kind in zip(record, kinds)]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def write_result(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([cell(value) for value in row])
    sys.stdout.write("@@ ok\n" + buffer.getvalue())


def run_duckdb(job):
    import duckdb

    connection = duckdb.connect()
    for table in job["tables"]:
        path = table["path"].replace("'", "''")
        connection.execute(f'CREATE TABLE "{table["name"]}" AS SELECT * FROM read_csv(\'{path}\')')
    for query in job["queries"]:
        try:
            write_result(connection.execute(query).fetchall())
        except Exception as error:  # each failure is reported, and the run goes on
            sys.stdout.write("@@ error " + " ".join(str(error).split()) + "\n")


def run_spark(job):
    from pyspark.sql import SparkSession
    from pyspark.sql import types as T

    spark = (SparkSession.builder.master("local[2]").appName("tally-differential")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
             .config("spark.sql.ansi.enabled", "true").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    spark_types = {"integer": T.LongType(), "decimal": T.DoubleType(), "text": T.StringType(),
                   "boolean": T.BooleanType()}
    for table in job["tables"]:
        fields = [T.StructField("tally_row", T.LongType())]
        fields += [T.StructField(c["name"], spark_types[c["type"]]) for c in table["columns"]]
        frame = spark.createDataFrame(list(read_rows(table)), T.StructType(fields))
        frame.cache().createOrReplaceTempView(table["name"])
    for query in job["queries"]:
        try:
            write_result([tuple(row) for row in spark.sql(query).collect()])
        except Exception as error:  # each failure is reported, and the run goes on
            sys.stdout.write("@@ error " + " ".join(str(error).split())[:300] + "\n")
    spark.stop()


def main():
    engine, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as handle:
        job = json.load(handle)
    {"duckdb": run_duckdb, "spark": run_spark}[engine](job)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
