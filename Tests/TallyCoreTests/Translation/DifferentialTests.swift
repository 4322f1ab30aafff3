import Foundation
import Testing
@testable import TallyCore

/// Random valid queries over the bundled datasets agree between the native engine and their
/// translations run by sqlite3 and DuckDB (`TALLY_DIFF_QUERIES=10000` for a big run; DuckDB
/// only where `python3 -c "import duckdb"` works).
@Suite struct DifferentialTests {
    @Test func nativeAgreesWithSQLite() throws {
        let run = DifferentialRun()
        let count = DifferentialRun.queryCount(default: 400)
        let (cases, skipped) = run.cases(count: count, seed: 7, dialect: .sqlite)
        let schema = SQLiteOracle.schema(for: run.tables)
        let answers = try SQLiteOracle.run(cases.map(\.sql), schema: schema)
        let mismatches = DifferentialRun.mismatches(cases, answers: answers)
        print("sqlite3: \(cases.count - mismatches.count) of \(cases.count) generated queries agree (\(skipped) of \(count) skipped)")
        #expect(cases.count * 10 >= count * 7, "too many generated queries were skipped: \(skipped) of \(count)")
        for mismatch in mismatches.prefix(10) { Issue.record("\(mismatch)") }
        #expect(mismatches.isEmpty)
    }

    @Test(.enabled(if: PythonEngine.hasModule("duckdb"), "python3 cannot import duckdb (pip install duckdb)"))
    func nativeAgreesWithDuckDB() throws {
        try compare(engine: "duckdb", dialect: .duckdb, count: DifferentialRun.queryCount(default: 400))
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
