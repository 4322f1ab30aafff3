import Foundation
@testable import TallyCore

/// Runs translated SQL on DuckDB or Spark SQL through `Tests/Support/sql_engine.py`, one
/// Python process (and one SparkSession) for a whole batch of queries.
enum PythonEngine {
    /// The answer of one query: its CSV rows, or the engine's error.
    enum Answer {
        case rows([String])
        case error(String)
    }

    static let script = SQLiteOracle.packageRoot + "/Tests/Support/sql_engine.py"

    /// Whether `python3` can import `module` (`duckdb`, `pyspark`).
    static func hasModule(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Loads `tables` (each from `NAME.csv` in `directory`, the bundled data by default) into
    /// `engine` and runs `queries`, answering each in order.
    static func run(_ engine: String, tables: [Table], queries: [String], directory: String = SQLiteOracle.resources) throws -> [Answer] {
        let job: [String: Any] = [
            "tables": tables.map { table in
                [
                    "name": table.name, "path": directory + "/\(table.name).csv",
                    "columns": table.columns.map { ["name": $0.name, "type": $0.type.rawValue] },
                ] as [String: Any]
            },
            "queries": queries,
        ]
        let jobPath = NSTemporaryDirectory() + "tally-\(engine)-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: job).write(to: URL(fileURLWithPath: jobPath))
        defer { try? FileManager.default.removeItem(atPath: jobPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, engine, jobPath]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var answers: [Answer] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "@@ ok" {
                answers.append(.rows([]))
            } else if line.hasPrefix("@@ error ") {
                answers.append(.error(String(line.dropFirst(9))))
            } else if !line.isEmpty, case .rows(let rows)? = answers.last {
                answers[answers.count - 1] = .rows(rows + [String(line)])
            }
        }
        return answers
    }
}
