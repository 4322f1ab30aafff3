import Foundation
import Testing

/// Whether tmux is installed (Debian: `apt-get install tmux`); the prompt tests need it.
let tmuxAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")

/// The interactive prompt end to end, under a pseudo-terminal driven through tmux: typing and
/// running, completion, continuation lines, history across sessions, Ctrl-C, Ctrl-D.
@Suite(.serialized, .enabled(if: tmuxAvailable, "needs tmux"))
struct PromptTests {
    static let prompt = "tally>"

    /// A session with its history in a fresh temporary file.
    static func start(_ arguments: [String] = [], history: String? = nil, folder: TemporaryFolder) throws -> TerminalSession {
        let session = try TerminalSession(
            arguments: arguments, environment: ["TALLY_HISTORY": history ?? folder.path + "/history"])
        #expect(session.waitForLastLine(prompt), "no prompt: \(session.screen())")
        return session
    }

    /// A session with `csv` loaded as the dataset `big`, once its prompt shows (a large file takes a
    /// while in a debug build).
    static func start(loading csv: String, folder: TemporaryFolder) throws -> TerminalSession {
        let path = try folder.write("big.csv", csv)
        let session = try TerminalSession(
            arguments: ["--no-bundled", "--load", "big=\(path)"],
            environment: ["TALLY_HISTORY": folder.path + "/history"])
        let loaded = session.wait(timeout: 180) { $0.hasSuffix("\n" + prompt) || $0.contains("[exit ") }
        try #require(loaded?.hasSuffix("\n" + prompt) == true, "\(session.screen())")
        return session
    }

    @Test func ctrlDLeavesWithStatusZero() throws {
        let folder = try TemporaryFolder()
        let session = try Self.start(["--no-bundled"], folder: folder)
        try session.send("C-d")
        #expect(session.waitForLastLine("[exit 0]"))
    }

    @Test func ctrlCDropsTheLineBeingTyped() throws {
        let folder = try TemporaryFolder()
        let session = try Self.start(["--no-bundled"], folder: folder)
        try session.type("describe abc")
        #expect(session.waitForLastLine("tally> describe abc"))
        try session.send("C-c")
        #expect(session.wait { $0.hasSuffix("tally> describe abc^C\ntally>") } != nil)
        try session.type("x")
        #expect(session.waitForLastLine("tally> x"))
        try session.send("C-u", "C-d")
        #expect(session.waitForLastLine("[exit 0]"))
    }

    @Test func historyIsRecalledInTheNextSession() throws {
        let folder = try TemporaryFolder()
        let history = folder.path + "/history"
        let first = try Self.start(["--no-bundled"], history: history, folder: folder)
        try first.type("describe nothing")
        try first.send("Enter")
        #expect(first.waitForLastLine(Self.prompt))
        try first.send("C-d")
        #expect(first.waitForLastLine("[exit 0]"))

        let second = try Self.start(["--no-bundled"], history: history, folder: folder)
        try second.send("Up")
        #expect(second.waitForLastLine("tally> describe nothing"))
    }

    @Test func unwritableHistoryIsOneWarning() throws {
        let folder = try TemporaryFolder()
        let history = "/nonexistent/tally-history/h"
        let session = try Self.start(["--no-bundled"], history: history, folder: folder)
        try session.send("C-d")
        let screen = session.wait { $0.hasSuffix("[exit 0]") }
        #expect(screen?.hasSuffix("""
            warning: cannot save the history to \(history): No such file or directory
            [exit 0]
            """) == true)
    }

    // MARK: Depends on the engine (loader, parser, executor)

    @Test func bannerNamesTheDatasets() throws {
        let folder = try TemporaryFolder()
        let session = try Self.start(folder: folder)
        #expect(session.screen() == """
            tally 0.1.0 — datasets: applicants, decisions, destination_totals, countries, population. Type help, or quit.
            tally>
            """)
    }

    @Test func queryTypedAndRun() throws {
        let folder = try TemporaryFolder()
        let session = try Self.start(folder: folder)
        try session.type("countries where iso2 = DE show name")
        try session.send("Enter")
        let screen = session.wait { $0.hasSuffix("\n" + Self.prompt) && $0.contains("Germany") }
        #expect(screen != nil, "\(session.screen())")
        try session.type("quit")
        try session.send("Enter")
        #expect(session.waitForLastLine("[exit 0]"))
    }

    @Test func completesKeywordsColumnsDatasetsAndCountries() throws {
        let folder = try TemporaryFolder()
        let session = try Self.start(folder: folder)
        let cases = [
            ("dest", "tally> destination_totals"),
            ("applicants gr", "tally> applicants group by"),
            ("applicants group by ki", "tally> applicants group by kind"),
            ("applicants where orig", "tally> applicants where origin"),
            ("applicants where origin = Georg", "tally> applicants where origin = Georgia"),
            ("applicants where destination = \"Russian F", "tally> applicants where destination = \"Russian Federation\""),
        ]
        for (typed, completed) in cases {
            try session.type(typed)
            try session.send("Tab")
            #expect(session.waitForLastLine(completed, timeout: 3), "\(typed): \(session.lastLine())")
            try session.send("C-u")
            #expect(session.waitForLastLine(Self.prompt))
        }
    }

    @Test func unfinishedStatementContinuesAndIsOneHistoryEntry() throws {
        let folder = try TemporaryFolder()
        let history = folder.path + "/history"
        let session = try Self.start(history: history, folder: folder)
        try session.type("countries where")
        try session.send("Enter")
        #expect(session.waitForLastLine("   ...> (after 'where': a condition; Ctrl-C cancels)"))
        try session.type("iso2 = DE show name")
        try session.send("Enter")
        #expect(session.wait { $0.hasSuffix("\n" + Self.prompt) && $0.contains("Germany") } != nil)
        try session.send("C-d")
        #expect(session.waitForLastLine("[exit 0]"))
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.split(separator: "\n").filter { !$0.hasPrefix("#") } == ["countries where", "iso2 = DE show name"])
        #expect(saved.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 1)
    }

    @Test func continuationSaysWhatItWaitsForAndQuitLeaves() throws {
        let folder = try TemporaryFolder()
        let session = try Self.start(["--no-bundled"], folder: folder)
        try session.type("t where (a = 1 or")
        try session.send("Enter")
        #expect(session.waitForLastLine("   ...> (parenthesis open; Ctrl-C cancels)"), "\(session.screen())")
        try session.type("quit")
        try session.send("Enter")
        #expect(session.waitForLastLine("[exit 0]"))
    }

    @Test func anUnclosedQuoteIsAnErrorAtTheQuote() throws {
        let folder = try TemporaryFolder()
        let session = try Self.start(folder: folder)
        try session.type("countries where name = 'Germany")
        try session.send("Enter")
        let screen = session.wait { $0.hasSuffix("\n" + Self.prompt) && $0.contains("error") }
        #expect(screen?.hasSuffix("""
            tally> countries where name = 'Germany
            error: unterminated string
             --> <prompt>:1:24
              |
            1 | countries where name = 'Germany
              |                        ^^^^^^^^ the closing ' is missing
            tally>
            """) == true, "\(session.screen())")
    }

    @Test func ctrlCCancelsALongQuery() throws {
        let folder = try TemporaryFolder()
        var csv = "id,grp,value\n"
        csv.reserveCapacity(60_000_000)
        for row in 0..<3_000_000 {
            csv += "r\(row),g\(row % 1000),\(row % 97)\n"
        }
        let session = try Self.start(loading: csv, folder: folder)

        try session.type("big group by id, grp show median(value), distinct(value), count")
        #expect(session.waitForLastLine("tally> big group by id, grp show median(value), distinct(value), count"))
        let typedRow = session.cursorRow()
        try session.send("Enter")
        // The cursor leaves the typed line once tally has taken it: the query is running.
        #expect(session.wait { _ in session.cursorRow() > typedRow } != nil, "the line was not taken")
        let pressed = Date()
        try session.send("C-c")
        #expect(session.wait(timeout: 5) { $0.contains("error: query cancelled") && $0.hasSuffix("\n" + Self.prompt) } != nil, "\(session.screen())")
        #expect(Date().timeIntervalSince(pressed) < 1.0)

        try session.type("big show count")
        try session.send("Enter")
        #expect(session.wait(timeout: 30) { $0.contains("3,000,000") && $0.hasSuffix("\n" + Self.prompt) } != nil)
        try session.send("C-d")
        #expect(session.waitForLastLine("[exit 0]"))
    }

    /// Completing a value of a column of a million distinct values is long work: Ctrl-C during it
    /// gives a fresh prompt at once (the flag was once only looked at after the next key), and the
    /// prompt goes on working. A list of matches too long to show is cut and counted.
    @Test func ctrlCDuringCompletionGivesAFreshPrompt() throws {
        let folder = try TemporaryFolder()
        var csv = "id\n"
        csv.reserveCapacity(9_000_000)
        for row in 0..<1_000_000 { csv += "r\(row)\n" }
        let session = try Self.start(loading: csv, folder: folder)

        try session.type("big where id = r")
        #expect(session.waitForLastLine("tally> big where id = r"))
        try session.send("Tab")
        try session.send("C-c")
        #expect(session.wait(timeout: 5) { $0.hasSuffix("tally> big where id = r^C\ntally>") } != nil, "\(session.screen())")

        try session.type("big where id = r99999")
        try session.send("Tab")
        try session.send("Tab")
        // r99999 and r999990…r999999.
        #expect(session.wait(timeout: 30) { $0.contains("r999995") && $0.hasSuffix("tally> big where id = r99999") } != nil, "\(session.screen())")
        try session.send("C-u")
        try session.type("big where id = r1")
        try session.send("Tab")
        try session.send("Tab")
        // r1, r10…r19, …, r100000…r199999: 111,111 values, 500 listed.
        #expect(session.wait(timeout: 60) { $0.contains("(and 110,611 more; type more of the word to narrow them)") } != nil, "\(session.screen())")
        #expect(session.waitForLastLine("tally> big where id = r1", timeout: 10))
        try session.send("C-u")
        try session.type("big show count")
        try session.send("Enter")
        #expect(session.wait(timeout: 30) { $0.contains("1,000,000") && $0.hasSuffix("\n" + Self.prompt) } != nil, "\(session.screen())")
        try session.send("C-d")
        #expect(session.waitForLastLine("[exit 0]"))
    }

    /// A cell holding `ESC ] 2;PWNED BEL` or `ESC [2J ESC [H fake: 0 rows` is shown as escapes:
    /// the title stays, the screen keeps what was typed, and no fake result is drawn.
    @Test func dataCannotDrawOnTheTerminal() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("evil.csv", "label,n\n\"\u{1B}]2;PWNED\u{7}\",1\n\"\u{1B}[2J\u{1B}[H fake: 0 rows\",2\n")
        let session = try Self.start(["--no-bundled", "--load", "evil=\(csv)"], folder: folder)
        try session.type("evil")
        try session.send("Enter")
        let screen = session.wait { $0.hasSuffix("└────────────────────────┴───┘\ntally>") }
        #expect(screen?.contains("tally> evil\n2 rows\n") == true, "\(session.screen())")
        #expect(screen?.contains("│ \\e]2;PWNED\\u{7}        │ 1 │") == true)
        #expect(screen?.contains("│ \\e[2J\\e[H fake: 0 rows │ 2 │") == true)
        #expect(!session.title().contains("PWNED"))
        try session.send("C-d")
        #expect(session.waitForLastLine("[exit 0]"))
    }
}
