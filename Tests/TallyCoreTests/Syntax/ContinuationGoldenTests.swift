import Testing
@testable import TallyCore

/// What `Parser.continuation` says (interactive and script mode) for every run of lines of every
/// example script, from its first line and from each line alone, and for texts with errors in
/// them, checked against `Tests/Goldens/continuations.txt`; and where `StatementAssembler` cuts each
/// script. Work on the speed of these decisions must not change any of them.
@Suite struct ContinuationGoldenTests {
    /// Texts where an error, a quote or a comment sits before, inside or after an unfinished statement.
    static let texts = [
        "apps where (", "apps where 'x", "apps where x = 1 )\nwhere", "$ apps where", "apps where x =\n", "bogus words here and",
        "apps where x = 1; places where", "apps limit 3 limit", "apps where x in (1,\n2,", "apps where x = 'a\nb' and",
        "apps where (x = 1\nand", "apps sort by\n", "apps where x = 1 # and\n", "apps where x = 1 -- and", "apps where x = @ and",
        "let = apps where", "apps where x = 1 and\n)", "apps group by\nx show", "select * from apps where", "apps where x = 1;;\napps and",
        "apps where ((((", "apps where x between 1 and", "apps where x between", "set format", "load \"a.csv\" as", "check apps is",
        "apps where x = \"unclosed", "apps where x = `name", "apps where not", "apps where x = 1\n\n\nwhere y =",
    ]

    /// One line per text: the answer in interactive mode, then in script mode (`-` when it wants nothing).
    static func answers(_ text: String) -> String {
        let interactive = Parser.continuation(text) ?? "-"
        let script = Parser.continuation(text, mode: .script) ?? "-"
        return "\(String(reflecting: text)) → \(interactive) | \(script)\n"
    }

    /// The file's answers for its first k lines (every k), for each line alone, and the assembler's pieces.
    static func transcript(of path: String) -> String {
        let text = TestFiles.read(path) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var report = "== " + path.dropFirst(GrammarExamplesTests.root.count) + "\n"
        for count in 1...lines.count {
            let prefix = lines.prefix(count).joined(separator: "\n")
            report += "\(count): \(Parser.continuation(prefix) ?? "-") | \(Parser.continuation(prefix, mode: .script) ?? "-")"
            report += " / alone: \(Parser.continuation(lines[count - 1]) ?? "-")\n"
        }
        var assembler = StatementAssembler()
        var pieces = lines.compactMap { assembler.add($0)?.firstLine }
        if let last = assembler.finish() { pieces.append(last.firstLine) }
        return report + "pieces start at lines " + pieces.map(String.init).joined(separator: " ") + "\n"
    }

    @Test func continuationsAreUnchanged() {
        let report = Self.texts.map(Self.answers).joined() + GrammarExamplesTests.exampleFiles.map(Self.transcript).joined()
        GoldenFile.check(report, against: "continuations.txt")
    }
}
