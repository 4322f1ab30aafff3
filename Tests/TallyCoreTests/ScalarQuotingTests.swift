import Testing
@testable import TallyCore

/// Quotes and line breaks followed by a combining mark are one character to Swift but still a
/// quote or a line break to a CSV reader, an SQL engine and tally's lexer: escaping looks at
/// Unicode scalars, so such a value is quoted, doubled and read back whole.
@Suite struct ScalarQuotingTests {
    static let mark = "\u{301}"
    static let values = ["a\"\(mark)b", "line\n\(mark)two", "x,\(mark)y", "plain"]

    /// Each field that holds a quote, a comma or a line break is quoted with its quotes doubled,
    /// and the CSV loader reads every value back as written.
    @Test func csvFieldsWithMarkedQuotesAndLineBreaksRoundTrip() throws {
        let table = Table(name: "t", columns: [.text("v", Self.values.map { $0 })], rowCount: Self.values.count)
        let renderer = DelimitedRenderer(delimiter: ",")
        let rows = (0..<table.rowCount).map { renderer.row($0, of: table) }
        #expect(rows == ["\"a\"\"\(Self.mark)b\"\n", "\"line\n\(Self.mark)two\"\n", "\"x,\(Self.mark)y\"\n", "plain\n"])
        let text = renderer.header(table) + rows.joined()
        let loaded = try CSVLoader.load(bytes: Array(text.utf8), path: "t.csv", name: "t").table
        #expect(loaded.rowCount == Self.values.count)
        #expect((0..<loaded.rowCount).map { loaded.columns[0].value(at: $0) } == Self.values.map { Value.text($0) })
    }

    /// SQL string literals and identifiers double their quote (Spark escapes it) even when a
    /// combining mark follows, so the literal does not end early.
    @Test func sqlQuotesAreDoubledBeforeACombiningMark() {
        #expect(SQLDialect.duckdb.string("it'\(Self.mark)s") == "'it''\(Self.mark)s'")
        #expect(SQLDialect.postgres.string("x'\(Self.mark); drop table t; --") == "'x''\(Self.mark); drop table t; --'")
        #expect(SQLDialect.spark.string("a\\'\(Self.mark)") == "'a\\\\\\'\(Self.mark)'")
        #expect(SQLDialect.sqlite.quote("c\"\(Self.mark)") == "\"c\"\"\(Self.mark)\"")
        #expect(SQLDialect.spark.quote("c`\(Self.mark)") == "`c``\(Self.mark)`")
    }
}
