import Foundation
import Testing

/// The benchmark's seven queries on a generated 1M-row table give the same answers in tally
/// as in sqlite3: `Benchmarks/run.py --check-only` (no timing; the full benchmark is run by hand).
@Suite struct BenchmarkSmokeTests {
    @Test func benchmarkQueriesAgreeWithSQLiteOnAMillionRows() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TallyBinary.packageRoot + "/Benchmarks/run.py", "--rows", "1000000",
                             "--check-only", "--engines", "tally,sqlite3", "--tally", TallyBinary.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("agreement: 7 passed, 0 failed"), "\(text)")
        #expect(process.terminationStatus == 0)
    }
}
