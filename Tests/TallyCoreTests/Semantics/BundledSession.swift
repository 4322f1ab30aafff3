import Testing
@testable import TallyCore
import TallyData

/// A session holding the bundled datasets with CSV output, running statements as typed at the prompt.
struct BundledSession {
    let session: Session

    init() {
        session = Session()
        _ = BundledData.load(into: session, output: BufferedOutput())
        session.settings.format = .csv
    }

    /// Standard output and standard error of `text`, which must succeed.
    func run(_ text: String) -> (output: String, errors: String) {
        let sink = BufferedOutput()
        #expect(session.run(SourceFile(name: "<prompt>", text: text), mode: .interactive, output: sink) == .success, "\(text): \(sink.errors)")
        return (sink.output, sink.errors)
    }

    /// The rendered errors of `text`, which must fail.
    func errors(_ text: String) -> String {
        let sink = BufferedOutput()
        #expect(session.run(SourceFile(name: "<prompt>", text: text), mode: .interactive, output: sink) == .failure, "\(text) should fail")
        return sink.errors
    }

    /// Expects that sqlite3, running the SQL of `query` (sqlite dialect) on the bundled files,
    /// gives the rows tally gives, and that there are more than `rows` of them.
    func expectSQLiteAgrees(_ query: String, moreThan rows: Int) throws {
        let native = SQLiteOracle.lines(run(query).output).dropFirst()
        _ = run("set dialect sqlite")
        let sql = run("sql " + query).output
        let sqlite = try SQLiteOracle.run([sql.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: [";"])])[0]
        #expect(native.count > rows)
        #expect(native.count == sqlite.count && zip(native, sqlite).allSatisfy(SQLiteOracle.sameRow), "\(sql)\n\(native)\n\(sqlite)")
    }
}
