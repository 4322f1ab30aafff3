import Foundation
import Testing
@testable import TallyCore
import TallyData

/// The bad-input catalogue: statements and files that must each end in one clear error, the exact error
/// they give (code, first line and location line of the drawn diagnostic), and a session left as it was.
///
/// Every case runs in one session holding the bundled datasets and a loaded dataset `mine`; after each,
/// the catalog must hold the same datasets with the same contents, and the memory budget is reset.
@Suite(.serialized) struct BadInputCatalogueTests {
    /// One bad input and what it must give.
    struct Case: CustomTestStringConvertible {
        /// The statements, as typed into a script.
        var input: String
        /// The diagnostic's stable code.
        var code: String
        /// The first line of the drawn diagnostic.
        var message: String
        /// The second line, when there is one: the location (` --> file:line:col`), or the first help.
        var secondLine: String?

        var testDescription: String { input.count > 80 ? String(input.prefix(77)) + "…" : input }
    }

    /// The fixture folder: bad files made once per run.
    static let folder: String = {
        let path = NSTemporaryDirectory() + "tally-catalogue-\(getpid())"
        // A folder left by an earlier run whose process had the same id holds files the catalogue
        // changed (exports over `linked.csv`, a broken hard link): start from nothing.
        try? FileManager.default.removeItem(atPath: path)
        let files: [(String, [UInt8])] = [
            ("good.csv", Array("a,b\n1,x\n2,y\n".utf8)),
            ("empty.csv", []),
            ("blank.csv", Array("\u{FEFF}\n\n\r\n".utf8)),
            ("gzip.csv", [0x1F, 0x8B, 0x08, 0x00, 0x00]),
            ("book.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]),
            ("nul.csv", Array("a,b\n1,".utf8) + [0] + Array("\n".utf8)),
            ("latin1.csv", Array("name\nM".utf8) + [0xFC] + Array("nchen\n".utf8)),
            ("short-row.csv", Array("a,b,c\n1,2,3\n4,5\n".utf8)),
            ("long-row.csv", Array("a,b\n1,2,3\n".utf8)),
            ("open-quote.csv", Array("a,b\n1,\"never closed\n".utf8)),
            ("after-quote.csv", Array("a,b\n\"x\"y,2\n".utf8)),
            ("wide.csv", Array((Array(repeating: "c", count: 16_385).joined(separator: ",") + "\n").utf8)),
            ("where.csv", Array("a\n1\n".utf8)),
            ("2019.csv", Array("a\n1\n".utf8)),
            ("two-mb.csv", Array(("n\n" + String(repeating: "12345\n", count: 350_000)).utf8)),
            ("controls.csv", Array("label,n\n\"\u{1B}]2;PWNED\u{7}\",1\n\"\u{1B}[2J\u{1B}[H fake: 0 rows\",2\n\u{202E}evil,3\n".utf8)),
            ("late-nul.csv", Array(("n\n" + String(repeating: "1\n", count: 40_000) + "2").utf8) + [0] + Array("\n".utf8)),
            ("utf16.csv", [0xFF, 0xFE] + Array("a\n1\n".utf8).flatMap { [$0, 0] }),
            ("read-only.csv", Array("old\n".utf8)),
            ("linked.csv", Array("old\n".utf8)),
        ]
        try? FileManager.default.createDirectory(atPath: path + "/folder.csv", withIntermediateDirectories: true)
        for (name, bytes) in files { FileManager.default.createFile(atPath: path + "/" + name, contents: Data(bytes)) }
        chmod(path + "/read-only.csv", 0o444)
        link(path + "/linked.csv", path + "/linked-too.csv")
        return path
    }()

    /// The catalogue; `d` is the fixture folder.
    static let cases: [Case] = {
        let d = folder
        let chain = "applicants where " + Array(repeating: "year = 1", count: 300).joined(separator: " and ")
        let alternatives = "applicants where " + Array(repeating: "year = 1", count: 300).joined(separator: " or ")
        let sum = "applicants show " + Array(repeating: "year", count: 300).joined(separator: " + ")
        let parentheses = "applicants where " + String(repeating: "(", count: 100_000) + "year = 1"
        let nots = "applicants where " + String(repeating: "not ", count: 100_000) + "year = 1"
        let minuses = "applicants where year = " + String(repeating: "- ", count: 100_000) + "1"
        let mixed = "applicants where " + String(repeating: "not ", count: 200) + "(" + Array(repeating: "year = 1", count: 100).joined(separator: " and ") + ")"
        let long = "applicants where year in (" + Array(repeating: "1", count: 50_001).joined(separator: ",") + ")"
        return [
            // Syntax
            Case(input: "applicants where (origin = RU", code: "unexpected-end", message: "error: expected ')' to close '(' after 'RU'", secondLine: " --> <catalogue>:1:30"),
            Case(input: "applicants where origin = 'RU", code: "unterminated-string", message: "error: unterminated string", secondLine: " --> <catalogue>:1:27"),
            Case(input: "applicants where year = 12abc", code: "invalid-number", message: "error: invalid number '12abc'", secondLine: " --> <catalogue>:1:25"),
            Case(input: "applicants where year & 1", code: "invalid-character", message: "error: unexpected character '&'", secondLine: " --> <catalogue>:1:23"),
            Case(input: "applicants where year = 1 1", code: "unexpected-token", message: "error: expected a clause or the end of the statement, found '1'", secondLine: " --> <catalogue>:1:27"),
            Case(input: "applicants where `` = 1", code: "empty-name", message: "error: a backquoted name cannot be empty", secondLine: " --> <catalogue>:1:18"),
            Case(input: "applicants where origin = and", code: "reserved-word", message: "error: 'and' must be quoted to be used as a value", secondLine: " --> <catalogue>:1:27"),
            Case(input: "applicants where year = 1 and", code: "unexpected-end", message: "error: expected a condition after 'and'", secondLine: " --> <catalogue>:1:30"),
            Case(input: "applicants where \u{1} = 1", code: "invalid-character", message: "error: unexpected character '\\u{1}'", secondLine: " --> <catalogue>:1:18"),
            Case(input: "where origin = RU", code: "missing-dataset", message: "error: expected a dataset before 'where'", secondLine: " --> <catalogue>:1:1"),
            Case(input: "and applicants", code: "unexpected-token", message: "error: a statement cannot start with 'and'", secondLine: " --> <catalogue>:1:1"),
            Case(input: "select * from applicants", code: "sql-habit", message: "error: tally has no SELECT: write the dataset first, e.g. 'applicants where … show …'", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants order by year", code: "sql-habit", message: "error: tally has no 'order by'", secondLine: " --> <catalogue>:1:12"),
            Case(input: "applicants where year is null", code: "sql-habit", message: "error: tally has no 'null'", secondLine: " --> <catalogue>:1:23"),
            Case(input: "applicants top 0", code: "expected-count", message: "error: expected a positive whole number after 'top'", secondLine: " --> <catalogue>:1:16"),
            Case(input: "applicants top -5", code: "expected-count", message: "error: expected a positive whole number after 'top'", secondLine: " --> <catalogue>:1:16"),
            Case(input: "applicants limit 99999999999999999999", code: "expected-count", message: "error: expected a positive whole number after 'limit'", secondLine: " --> <catalogue>:1:18"),
            Case(input: "applicants since 99999999999999999999", code: "expected-year", message: "error: expected a year after 'since'", secondLine: " --> <catalogue>:1:18"),
            Case(input: "applicants since 2012.5", code: "expected-year", message: "error: expected a year after 'since'", secondLine: " --> <catalogue>:1:18"),
            Case(input: "set memory 0", code: "expected-count", message: "error: expected a positive whole number after 'memory'", secondLine: " --> <catalogue>:1:12"),
            Case(input: "set colour on", code: "unknown-setting", message: "error: expected a setting ('timer', 'format', 'dialect', 'memory', 'rows', 'width', 'layout' or 'names') after 'set'", secondLine: " --> <catalogue>:1:5"),
            Case(input: "set format xml", code: "unknown-setting-value", message: "error: expected a format ('table', 'csv', 'tsv', 'json' or 'markdown') after 'format'", secondLine: " --> <catalogue>:1:12"),
            Case(input: "load \"x.csv\" with colour a", code: "unknown-role", message: "error: expected 'time', 'measure' or 'countries' after 'with'", secondLine: " --> <catalogue>:1:19"),
            Case(input: "load \"x.csv\" with time a, time b", code: "duplicate-role", message: "error: the time column is declared twice", secondLine: " --> <catalogue>:1:27"),
            Case(input: "export applicants", code: "unexpected-end", message: "error: expected a clause or 'to' and a file path after 'applicants'", secondLine: " --> <catalogue>:1:18"),
            // Limits
            Case(input: chain, code: "nesting-too-deep", message: "error: expression is nested too deeply (more than 256 levels)", secondLine: " --> <catalogue>:1:3329"),
            Case(input: alternatives, code: "nesting-too-deep", message: "error: expression is nested too deeply (more than 256 levels)", secondLine: " --> <catalogue>:1:3075"),
            Case(input: sum, code: "nesting-too-deep", message: "error: expression is nested too deeply (more than 256 levels)", secondLine: " --> <catalogue>:1:1807"),
            Case(input: parentheses, code: "nesting-too-deep", message: "error: expression is nested too deeply (more than 256 levels)", secondLine: " --> <catalogue>:1:274"),
            Case(input: nots, code: "nesting-too-deep", message: "error: expression is nested too deeply (more than 256 levels)", secondLine: " --> <catalogue>:1:1042"),
            Case(input: minuses, code: "nesting-too-deep", message: "error: expression is nested too deeply (more than 256 levels)", secondLine: " --> <catalogue>:1:537"),
            Case(input: mixed, code: "nesting-too-deep", message: "error: expression is nested too deeply (more than 256 levels)", secondLine: " --> <catalogue>:1:819"),
            Case(input: long, code: "statement-too-long", message: "error: statement is too long (more than 100000 tokens)", secondLine: " --> <catalogue>:1:1"),
            // Names, types and clauses
            Case(input: "aplicants", code: "unknown-dataset", message: "error: unknown dataset 'aplicants'", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants where orign = RU", code: "unknown-column", message: "error: unknown column 'orign' in applicants", secondLine: " --> <catalogue>:1:18"),
            Case(input: "applicants where origin = Atlantis", code: "unknown-country", message: "error: unknown country 'Atlantis' in origin", secondLine: " --> <catalogue>:1:27"),
            Case(input: "applicants show sum(origin)", code: "type-mismatch", message: "error: 'sum' needs numbers, and origin is text", secondLine: " --> <catalogue>:1:21"),
            Case(input: "applicants where origin + 1 = 2", code: "type-mismatch", message: "error: '+' needs numbers, and origin is text", secondLine: " --> <catalogue>:1:18"),
            Case(input: "applicants where year = \"2012\"", code: "type-mismatch", message: "error: cannot compare year (a number) with \"2012\" (text)", secondLine: " --> <catalogue>:1:25"),
            Case(input: "applicants where year", code: "condition-not-boolean", message: "error: this condition is not a yes/no question", secondLine: " --> <catalogue>:1:18"),
            Case(input: "applicants where origin contains year + 1", code: "pattern-not-text", message: "error: the pattern must be a word or a quoted text", secondLine: " --> <catalogue>:1:34"),
            Case(input: "applicants where year contains 1", code: "type-mismatch", message: "error: 'contains' works on text, and year is a number", secondLine: " --> <catalogue>:1:18"),
            Case(input: "applicants where origin in (RU, year + 1)", code: "type-mismatch", message: "error: cannot compare origin (text) with year + 1 (a number)", secondLine: " --> <catalogue>:1:33"),
            Case(input: "applicants between 2017 and 2012", code: "between-reversed", message: "error: the years of 'between' are the wrong way round", secondLine: " --> <catalogue>:1:20"),
            Case(input: "applicants group by origin group by destination", code: "clause-repeated", message: "error: 'group by' is given twice in one query", secondLine: " --> <catalogue>:1:28"),
            Case(input: "applicants having applications > 1", code: "having-without-groups", message: "error: 'having' filters groups, and this query has none", secondLine: " --> <catalogue>:1:19"),
            Case(input: "applicants show origin, count", code: "mixed-aggregate", message: "error: this show mixes aggregates with plain columns, but the query has no group by", secondLine: " --> <catalogue>:1:17"),
            Case(input: "applicants group by origin show destination", code: "column-not-grouped", message: "error: destination is neither a group key nor inside an aggregate", secondLine: " --> <catalogue>:1:33"),
            Case(input: "applicants group by origin show sum(max(applications))", code: "aggregate-in-row-context", message: "error: 'max' summarizes groups and cannot be used here", secondLine: " --> <catalogue>:1:37"),
            Case(input: "applicants show foo(year)", code: "unknown-function", message: "error: unknown function 'foo'", secondLine: " --> <catalogue>:1:17"),
            Case(input: "applicants show count(year, origin)", code: "bad-arguments", message: "error: 'count' takes one column or expression", secondLine: " --> <catalogue>:1:17"),
            Case(input: "applicants group by origin show share(applications)", code: "bad-arguments", message: "error: 'share' takes no arguments", secondLine: " --> <catalogue>:1:33"),
            Case(input: "applicants where sum(applications) > 1", code: "aggregate-in-row-context", message: "error: 'sum' summarizes groups and cannot be used here", secondLine: " --> <catalogue>:1:18"),
            Case(input: "countries top 3", code: "top-without-measure", message: "error: 'top' needs a measure, and countries declares none", secondLine: " --> <catalogue>:1:15"),
            Case(input: "countries since 2012", code: "no-time-column", message: "error: countries has no time column", secondLine: " --> <catalogue>:1:11"),
            Case(input: "applicants since 2013 change from 2012 to 2017", code: "change-year-excluded", message: "error: 2012 is left out by 'since 2013'", secondLine: " --> <catalogue>:1:35"),
            Case(input: "describe nothing", code: "unknown-dataset", message: "error: unknown dataset 'nothing'", secondLine: " --> <catalogue>:1:10"),
            Case(input: "help nonsense", code: "unknown-help-topic", message: "error: no help on 'nonsense'", secondLine: " --> <catalogue>:1:1"),
            Case(input: "let applicants = countries", code: "name-taken", message: "error: 'applicants' is already a bundled dataset", secondLine: " --> <catalogue>:1:5"),
            Case(input: "let mine = countries", code: "name-taken", message: "error: 'mine' is already a loaded dataset", secondLine: " --> <catalogue>:1:5"),
            Case(input: "let x = x", code: "let-self-reference", message: "error: 'let x' cannot use x itself", secondLine: " --> <catalogue>:1:9"),
            Case(input: "check countries group by region show min(name) is 5", code: "check-not-number", message: "error: min(name) is text (\"CRB\"), so it cannot be checked against a number", secondLine: " --> <catalogue>:1:7"),
            Case(input: "check applicants in 2017 is 1e-9223372036854775808", code: "number-out-of-range", message: "error: the number 1e-9223372036854775808 is too small: it would be read as 0", secondLine: " --> <catalogue>:1:29"),
            Case(input: "check applicants in 2017 is 1e400%", code: "number-out-of-range", message: "error: the number 1e400 is too large to compare", secondLine: " --> <catalogue>:1:29"),
            Case(input: "set dialect mysql", code: "unknown-setting-value", message: "error: expected a dialect ('duckdb', 'postgres', 'sqlite' or 'spark') after 'dialect'", secondLine: " --> <catalogue>:1:13"),
            // Arithmetic
            Case(input: "applicants show applications * 9223372036854775807", code: "integer-overflow", message: "error: a whole-number result is too large (beyond ±9,223,372,036,854,775,807)", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants show applications + 9223372036854775807", code: "integer-overflow", message: "error: a whole-number result is too large (beyond ±9,223,372,036,854,775,807)", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants show -(-9223372036854775808) + applications", code: "integer-overflow", message: "error: a whole-number result is too large (beyond ±9,223,372,036,854,775,807)", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants show -9223372036854775808 - applications - 1", code: "integer-overflow", message: "error: a whole-number result is too large (beyond ±9,223,372,036,854,775,807)", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants show sum(applications * 0 + 4611686018427387904)", code: "integer-overflow", message: "error: a sum is too large for a whole number (beyond ±9,223,372,036,854,775,807)", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants group by kind show sum(applications + 9223372036854700000)", code: "integer-overflow", message: "error: a whole-number result is too large (beyond ±9,223,372,036,854,775,807)", secondLine: " --> <catalogue>:1:1"),
            // Files
            Case(input: "load \"\(d)/missing.csv\" as mine", code: "load-missing-file", message: "error: cannot open '\(d)/missing.csv': no such file"),
            Case(input: "load \"\(d)/folder.csv\" as mine", code: "load-directory", message: "error: cannot load '\(d)/folder.csv': it is a directory, not a CSV file"),
            Case(input: "load \"\(d)/empty.csv\" as mine", code: "load-empty", message: "error: '\(d)/empty.csv' is empty: a CSV file needs at least a header line"),
            Case(input: "load \"\(d)/blank.csv\" as mine", code: "load-empty", message: "error: '\(d)/blank.csv' is empty: a CSV file needs at least a header line"),
            Case(input: "load \"\(d)/gzip.csv\" as mine", code: "load-binary", message: "error: '\(d)/gzip.csv' is not a text CSV file (it looks like gzip-compressed data)"),
            Case(input: "load \"\(d)/book.xlsx\" as mine", code: "load-binary", message: "error: '\(d)/book.xlsx' is not a text CSV file (it looks like a zip archive, such as an .xlsx workbook)"),
            Case(input: "load \"\(d)/nul.csv\" as mine", code: "load-binary", message: "error: '\(d)/nul.csv' is not a text CSV file (it contains NUL bytes)"),
            Case(input: "load \"/dev/zero\" as mine", code: "load-binary", message: "error: '/dev/zero' is not a text CSV file (it contains NUL bytes)"),
            Case(input: "load \"\(d)/latin1.csv\" as mine", code: "load-invalid-utf8", message: "error: '\(d)/latin1.csv' is not valid UTF-8", secondLine: " --> \(d)/latin1.csv:2:2"),
            Case(input: "load \"\(d)/short-row.csv\" as mine", code: "load-field-count", message: "error: line 3 of '\(d)/short-row.csv' has 2 fields, the header has 3", secondLine: " --> \(d)/short-row.csv:3:4"),
            Case(input: "load \"\(d)/long-row.csv\" as mine", code: "load-field-count", message: "error: line 2 of '\(d)/long-row.csv' has 3 fields, the header has 2", secondLine: " --> \(d)/long-row.csv:2:5"),
            Case(input: "load \"\(d)/open-quote.csv\" as mine", code: "load-unterminated-quote", message: "error: a quoted field in '\(d)/open-quote.csv' is never closed", secondLine: " --> \(d)/open-quote.csv:2:3"),
            Case(input: "load \"\(d)/after-quote.csv\" as mine", code: "load-text-after-quote", message: "error: unexpected text after a closing quote in '\(d)/after-quote.csv'", secondLine: " --> \(d)/after-quote.csv:2:4"),
            Case(input: "load \"\(d)/wide.csv\" as mine", code: "load-too-many-columns", message: "error: a line of '\(d)/wide.csv' has more than 16384 fields", secondLine: " --> \(d)/wide.csv:1:1"),
            Case(input: "load \"\(d)/good.csv\" as mine with time c", code: "unknown-column", message: "error: \(d)/good.csv has no column 'c'", secondLine: " --> <catalogue>:1:\(d.count + 36)"),
            Case(input: "load \"\(d)/where.csv\"", code: "load-needs-name", message: "error: 'where.csv' does not make a usable dataset name", secondLine: " --> <catalogue>:1:1"),
            Case(input: "load \"\(d)/2019.csv\"", code: "load-needs-name", message: "error: '2019.csv' does not make a usable dataset name", secondLine: " --> <catalogue>:1:1"),
            Case(input: "applicants where destination in (DE, Narnia)", code: "unknown-country", message: "error: unknown country 'Narnia' in destination", secondLine: " --> <catalogue>:1:38"),
            Case(input: "set memory 1\nload \"\(d)/two-mb.csv\" as mine", code: "load-over-budget", message: "error: loading '\(d)/two-mb.csv' would need about 11 MB of memory, more than the memory budget of 1 MB", secondLine: "  = help: raise the budget with `set memory N` (in megabytes), or load a smaller file"),
            Case(input: "export applicants to \"\(d)/out.xlsx\"", code: "export-format", message: "error: cannot tell the format of '\(d)/out.xlsx' from its extension", secondLine: " --> <catalogue>:1:22"),
            Case(input: "export applicants to \"\(d)/no-such-folder/out.csv\"", code: "export-failed", message: "error: cannot write '\(d)/no-such-folder/out.csv': no such file or directory"),
            Case(input: "export applicants to \"\(d)/folder.csv\"", code: "export-failed", message: "error: cannot write '\(d)/folder.csv': is a directory"),
            Case(input: "load \"\(d)/late-nul.csv\" as mine", code: "load-binary", message: "error: '\(d)/late-nul.csv' is not a text CSV file (it contains a NUL byte)", secondLine: " --> \(d)/late-nul.csv:40002:2"),
            Case(input: "load \"\(d)/utf16.csv\" as mine", code: "load-binary", message: "error: '\(d)/utf16.csv' is not a text CSV file (it looks like UTF-16 text; convert it to UTF-8, e.g. with `iconv -f UTF-16 -t UTF-8 FILE > NEW`)"),
            Case(input: "export countries to \"\(d)/read-only.csv\"", code: "export-failed", message: "error: cannot write '\(d)/read-only.csv': the file is read-only", secondLine: "  = help: make it writable (chmod u+w) or export to another name"),
            Case(input: "export countries to \"\(d)/linked.csv\"", code: "export-failed", message: "error: cannot write '\(d)/linked.csv': the file has 2 hard links", secondLine: "  = help: export replaces a file whole, which would split its links; remove the other links or export to another name"),
            Case(input: "export countries to \"\(d)/csv\"", code: "export-format", message: "error: '\(d)/csv' has no extension to tell the format by", secondLine: " --> <catalogue>:1:21"),
        ]
    }()

    /// The session shared by the cases, with the bundled datasets and `mine` loaded; the suite is
    /// serialized, so the cases take turns with it.
    nonisolated(unsafe) static let session: Session = {
        let session = Session()
        let sink = BufferedOutput()
        _ = BundledData.load(into: session, output: sink)
        session.loadDataset(path: folder + "/good.csv", name: "mine", output: sink)
        return session
    }()

    /// What the catalog holds, in a form that changes when any dataset does: name, origin, rows,
    /// columns, and every value of the column summaries.
    static func fingerprint(_ catalog: Catalog) -> [String] {
        catalog.tables.map { table in
            let origin = catalog.entry(named: table.name).map { "\($0.origin)" } ?? "?"
            let columns = table.columns.map { column in
                "\(column.name):\(column.type):\(column.missingCount):" + (0..<min(column.count, 50)).map { column.value(at: $0).description }.joined(separator: "|")
            }
            return "\(table.name) \(origin) \(table.rowCount) " + columns.joined(separator: ";")
        }
    }

    /// The first error `text` gives: a syntax error, or the error of the first statement that fails.
    static func firstError(_ text: String, in session: Session) -> (Diagnostic, SourceFile)? {
        let source = SourceFile(name: "<catalogue>", text: text)
        let parsed = Parser.parse(source, mode: .script)
        if let error = parsed.diagnostics.first(where: { $0.severity == .error }) { return (error, source) }
        for statement in parsed.statements {
            do {
                _ = try StatementRunner(session: session, source: source, output: BufferedOutput()).execute(statement)
            } catch {
                return (error, source)
            }
        }
        return nil
    }

    @Test func catalogueIsLargeAndDistinct() {
        #expect(Self.cases.count >= 60)
        #expect(Set(Self.cases.map(\.input)).count == Self.cases.count)
    }

    /// `text` with the megabytes of a load's memory estimate ("about 11 MB") replaced by "N": the
    /// estimate of the two-megabyte file has come out at 11 and, in a loaded CI run, 12.
    static func estimateMasked(_ text: String) -> String {
        text.replacing(/about [0-9,]+ MB/, with: "about N MB")
    }

    @Test(arguments: cases) func badInputGivesItsError(_ entry: Case) throws {
        let session = Self.session
        let before = Self.fingerprint(session.catalog)
        defer { session.settings.memoryMegabytes = MemoryBudget.machineDefaultMegabytes }
        let found = try #require(Self.firstError(entry.input, in: session), "no error for \(entry.testDescription)")
        let lines = DiagnosticRenderer().render(found.0, in: found.1).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(found.0.code == entry.code)
        #expect(Self.estimateMasked(String(lines[0])) == Self.estimateMasked(entry.message))
        #expect((lines.count > 1 && !lines[1].isEmpty ? String(lines[1]) : nil) == entry.secondLine)
        #expect(Self.fingerprint(session.catalog) == before, "the catalog changed")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: Self.folder)) ?? []
        #expect(leftovers.filter { $0.contains(".tally-") }.isEmpty, "export left a temporary file")
    }

    /// Statements that show the cells of `controls.csv` (`ESC ] 2;PWNED BEL` sets a terminal's
    /// title; `ESC [2J ESC [H` clears the screen to draw a fake result; U+202E reverses what
    /// follows) and what each must show instead of the raw characters.
    static let controlCases: [(statements: [String], shows: String)] = [
        (["controls"], "│ \\e]2;PWNED\\u{7}        │"),
        (["controls group by label chart"], "│ \\e[2J\\e[H fake: 0 rows │"),
        (["set layout vertical", "controls"], "label: \\u{202E}evil\n"),
        (["describe controls"], "│ \\e]2;PWNED\\u{7} (1), \\e[2J\\e[H fake: 0 rows (1), "),
        (["controls where `\u{1B}]2;PWNED\u{7}` = 1"], "error: unknown column '\\e]2;PWNED\\u{7}' in controls\n"),
        (["explain controls where label = \"\u{1B}[2J\""], "keep rows where label = \"\\e[2J\""),
        (["set format markdown", "controls"], "| \\u{202E}evil | 3 |"),
        (["set format json", "controls"], "{\"label\": \"\\u001b]2;PWNED\\u0007\", \"n\": 1}"),
        (["let `a\u{1B}[2Jb` = controls limit 1"], "let a\\e[2Jb: 1 row, 2 columns\n"),
        (["let `a\u{1B}[2Jb` = controls limit 1", "drop `a\u{1B}[2Jb`"], "dropped a\\e[2Jb\n"),
        (["export controls limit 1 show n to \"\(folder)/x\u{1B}]0;PWNED\u{7}.csv\""], "exported 1 row, 1 column to \(folder)/x\\e]0;PWNED\\u{7}.csv\n"),
        (["record \"\(folder)/r\u{1B}[2J.tally\"", "record off"], "stopped recording: 0 statements in \(folder)/r\\e[2J.tally;"),
        (["\"\u{1B}[2J\""], "\\e[2J\n"),
    ]

    /// Control characters from data or typed text never reach the terminal raw, in tables,
    /// charts, the vertical layout, `describe`, errors, `explain`, Markdown and JSON, nor in
    /// what `let`, `drop`, `export` and `record` say or the calculator prints.
    @Test(arguments: controlCases.indices) func controlCharactersAreShownNotObeyed(_ index: Int) {
        let (statements, shows) = Self.controlCases[index]
        let session = Session()
        let output = BufferedOutput()
        _ = session.loadDataset(path: Self.folder + "/controls.csv", name: "controls", output: output)
        _ = session.run(SourceFile(name: "<controls>", text: statements.joined(separator: "\n")), mode: .interactive, output: output)
        let shown = output.output + output.errors
        #expect(!shown.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\u{202E}" }, "\(statements)")
        #expect(shown.contains(shows), "\(statements): \(shown)")
    }

    /// CSV and TSV are data: they keep the bytes (decided in Grammar/README.md), and an SVG
    /// chart shows the escapes.
    @Test func dataFormatsKeepTheBytesAndChartsShowEscapes() throws {
        let session = Session()
        let output = BufferedOutput()
        _ = session.loadDataset(path: Self.folder + "/controls.csv", name: "controls", output: output)
        let svg = Self.folder + "/controls.svg"
        _ = session.run(SourceFile(name: "<controls>", text: "set format csv\ncontrols\nexport controls group by label to \"\(svg)\""), mode: .script, output: output)
        #expect(output.output.contains("\n\u{1B}]2;PWNED\u{7},1\n"))
        let chart = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(!chart.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(chart.contains("\\e]2;PWNED\\u{7}"))
    }
}
