import Foundation
import Testing
@testable import TallyCore

/// Random valid queries over the bundled datasets agree between the native engine and their
/// translations run by sqlite3 and DuckDB: 2,000 of each in `swift test`, and the longer run
/// `TALLY_DIFF_QUERIES=20000 swift test --filter DifferentialTests`; DuckDB only where
/// `python3 -c "import duckdb"` works, else the test shows as skipped.
@Suite struct DifferentialTests {
    @Test func nativeAgreesWithSQLite() throws {
        let run = DifferentialRun()
        let count = DifferentialRun.queryCount(default: 2_000)
        let (cases, skipped) = run.cases(count: count, seed: 7, dialect: .sqlite)
        let schema = SQLiteOracle.schema(for: run.tables)
        let answers = try SQLiteOracle.run(cases.map(\.sql), schema: schema)
        let mismatches = DifferentialRun.mismatches(cases, answers: answers)
        print("sqlite3: \(cases.count - mismatches.count) of \(cases.count) generated queries agree (\(skipped) of \(count) skipped)")
        #expect(cases.count * 10 >= count * 7, "too many generated queries were skipped: \(skipped) of \(count)")
        for mismatch in mismatches.prefix(10) { Issue.record("\(mismatch)") }
        #expect(mismatches.isEmpty)
    }

    /// `check` compares a claim with the value the query computes: for generated grouped
    /// queries of every item kind (aggregates, expressions over them, `share`, `rank`, keys), a
    /// claim of the checked cell as sqlite3 computes it is `true`.
    @Test func checkAgreesWithSQLite() throws {
        let run = DifferentialRun()
        let count = DifferentialRun.queryCount(default: 2_000) / 4
        let (cases, _) = run.cases(count: count, seed: 8, dialect: .sqlite)
        let answers = try SQLiteOracle.run(cases.map(\.sql), schema: SQLiteOracle.schema(for: run.tables))
        var checked = 0
        for (item, answer) in zip(cases, answers) {
            guard let column = item.checkedColumn, let first = answer.first else { continue }
            let fields = SQLiteOracle.fields(first)
            guard column < fields.count, Double(fields[column])?.isFinite == true,
                  fields[column].allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { continue }
            let statement = "check \(item.query) is \(fields[column])"
            let verdict = run.verdict(statement)
            #expect(verdict == "true", "\(statement)\n sql: \(item.sql)\n verdict: \(verdict)")
            checked += 1
        }
        print("check: \(checked) generated claims checked against sqlite3")
        #expect(checked * 4 >= cases.count, "too few generated queries could be checked: \(checked) of \(cases.count)")
    }

    @Test(.enabled(if: PythonEngine.hasModule("duckdb"), "python3 cannot import duckdb (pip install duckdb)"))
    func nativeAgreesWithDuckDB() throws {
        try compare(engine: "duckdb", dialect: .duckdb, count: DifferentialRun.queryCount(default: 2_000))
    }

    /// Spark SQL in local mode is slow to start, so it runs only with `TALLY_SPARK=1`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TALLY_SPARK"] == "1", "set TALLY_SPARK=1 to compare with Spark SQL"))
    func nativeAgreesWithSpark() throws {
        #expect(PythonEngine.hasModule("pyspark"), "TALLY_SPARK=1 needs pyspark (pip install pyspark) and Java 17")
        let count = ProcessInfo.processInfo.environment["TALLY_SPARK_QUERIES"].flatMap { Int($0) } ?? 400
        try compare(engine: "spark", dialect: .spark, count: count)
    }

    /// Runs `count` generated queries natively and on a Python-driven engine, and compares.
    func compare(engine: String, dialect: SQLDialect, count: Int) throws {
        let run = DifferentialRun()
        let (cases, skipped) = run.cases(count: count, seed: 7, dialect: dialect)
        let answers = try PythonEngine.run(engine, tables: run.tables, queries: cases.map(\.sql))
        let rows = answers.map { answer -> [String] in
            switch answer {
            case .rows(let rows): return rows
            case .error(let message): return ["error: " + message]
            }
        }
        let mismatches = DifferentialRun.mismatches(cases, answers: rows)
        print("\(engine): \(cases.count - mismatches.count) of \(cases.count) generated queries agree (\(skipped) of \(count) skipped)")
        for mismatch in mismatches.prefix(10) { Issue.record("\(mismatch)") }
        #expect(mismatches.isEmpty)
    }
}
