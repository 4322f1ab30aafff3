import Testing
@testable import TallyCore

/// Tab completion at every cursor position of lines that reach each kind of context (statement
/// start, datasets, settings, columns, values and countries, attributes, clause words, comments,
/// quotes, several statements), checked against `Tests/Goldens/completions.txt`, so that work on
/// the completer's speed cannot change what it offers or where the replaced word starts.
@Suite struct CompleterGoldenTests {
    static let lines = [
        "", "ap", "apps ", "apps where ", "apps where origin = ", "apps where origin = \"Ru", "apps where origin in (RUS, ",
        "apps where origin not in (", "apps where year > 2016 and k", "apps where origin is ", "apps where kind contains ",
        "apps group by destination sort by ", "apps group by destination show count, ", "apps show origin.n",
        "apps lookup places as p on origin show p.", "apps join places on ", "apps lookup (", "describe ", "set format ", "set ",
        "set dialect p", "set timer o", "help ", "record ", "load \"x.csv\" ", "let x = apps where ", "explain apps where kind = 'fir",
        "check apps since ", "apps where `kind` = ", "`ap", "apps; places where ", "apps # comment", "apps -- comment\nwhere ",
        "apps where (origin = RUS or ", "apps sort by applications desc, ", "apps where destination = Ger", "apps where origin = Geo",
        "apps where kind = f", "APPS WHERE ORIGIN = ru", "apps where ünï", "apps where origin == 'U", "apps where x <> ",
        "places where name starts with ", "places where iso3 = ", "apps across year show ", "apps group by year show moving average ",
        "sql apps group by ", "export apps to ", "drop pl", "cite ", "apps where kind = \"first time\" and origin in ('GEO', ",
        "apps show sum(applications), up", "apps where (", "apps having ", "apps top 3 ", "apps chart ", "nothing here ",
    ]

    /// Every cursor of `line`, one before its start and a few past its end: where the word starts and what is offered.
    static func transcript(of line: String) -> String {
        let completer = Completer(catalog: CompleterTests.catalog)
        var text = "== \(String(reflecting: line))\n"
        for cursor in [-1] + Array(0...line.utf8.count) + [line.utf8.count + 3] {
            let (start, candidates) = completer.completion(line: line, cursor: cursor)
            text += "\(cursor) @\(start): " + candidates.joined(separator: " | ") + "\n"
        }
        return text
    }

    @Test func completionsAreUnchanged() {
        GoldenFile.check(Self.lines.map(Self.transcript).joined(), against: "completions.txt")
    }
}
