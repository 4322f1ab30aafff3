import Testing
@testable import TallyCore

/// Parses every `.tally` file under `Grammar/` and `Examples/`: every example must parse cleanly.
@Suite struct GrammarExamplesTests {
    /// The package root, found from this file's path.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        while let last = parts.last, last != "Tests" { parts.removeLast() }
        parts.removeLast()
        return parts.joined(separator: "/")
    }()

    static var exampleFiles: [String] {
        ["Grammar", "Examples"].flatMap { TestFiles.list(in: root + "/" + $0, ending: ".tally") }
    }

    @Test func grammarExamplesExist() {
        #expect(Self.exampleFiles.contains(Self.root + "/Grammar/examples.tally"))
    }

    @Test(arguments: exampleFiles)
    func parses(_ path: String) throws {
        let text = try #require(TestFiles.read(path))
        let source = SourceFile(name: path, text: text)
        let result = Parser.parse(source, mode: .script)
        let report = result.diagnostics.map { DiagnosticRenderer().render($0, in: source) }.joined()
        #expect(report == "")
        #expect(!result.statements.isEmpty)
    }

    @Test func everyStatementKindIsExemplified() throws {
        let text = try #require(TestFiles.read(Self.root + "/Grammar/examples.tally"))
        let statements = Parser.parse(SourceFile(name: "examples", text: text), mode: .script).statements
        let kinds = Set(statements.map { SExpression.of($0).split(separator: " ").first.map(String.init) ?? "" })
        for kind in ["(let", "(load", "(export", "(datasets)", "(describe", "(explain", "(help)", "(help", "(set", "(check", "(cite", "(sql", "(quit)", "(applicants"] {
            #expect(kinds.contains(kind), "no example of \(kind)")
        }
        let clauses = statements.map(SExpression.of).joined(separator: " ")
        for clause in ["(where", "(having", "(since", "(until", "(in 2017)", "(between 2012", "(group-by", "(show", "(sort-by", "(top", "(limit", "(change", "(chart)",
            "(in-group", "(not-in", "(not-between", "(is-missing", "(is-not-missing", "(contains", "(starts-with", "(ends-with", "(count *)", "(as ", "(desc", "(asc", "(not ", "(- ", "(/ ", "(* "]
        {
            #expect(clauses.contains(clause), "no example of \(clause)")
        }
    }
}
