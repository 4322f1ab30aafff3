import Foundation
import Testing
import TallyData
@testable import TallyCore

/// Every lesson of `Examples/workshop/` (new ones too, found by listing the folder), typed at the
/// prompt line by line: each statement's last line shows the same result as the statement has in
/// the script, whose output `ExampleGoldenTests` checks against the golden files.
///
/// The script's results statement by statement come from `run`, which prints each statement
/// before its result; the typed lines go through `PromptInput`, as the prompt sends them. Both run
/// in a fresh session on the bundled data, with exported files sent to a temporary folder.
@Suite struct WorkshopLessonTests {
    static let folder = CSVTestSupport.packageRoot.path + "/Examples/workshop"
    static let lessons = TestFiles.list(in: folder, ending: ".tally").map { String($0.dropFirst(folder.count + 1)) }

    /// What one statement (or one typed line) wrote.
    struct Written: Equatable {
        var output = ""
        var errors = ""
    }

    /// A sink that starts a new `Written` at each statement `run` prints (`→ …`); what comes
    /// before the first (a file that cannot be read) is `before`.
    final class StatementSplitter: OutputSink {
        var before = Written()
        var statements: [Written] = []
        func standardOutput(_ text: String) {
            if statements.isEmpty { before.output += text } else { statements[statements.count - 1].output += text }
        }
        func standardError(_ text: String) {
            if text.hasPrefix("→ ") {
                statements.append(Written())
            } else if statements.isEmpty {
                before.errors += text
            } else {
                statements[statements.count - 1].errors += text
            }
        }
    }

    /// A sink for one typed line: the query a refinement prints apart from what runs.
    final class TypedLine: OutputSink {
        var echo = ""
        var written = Written()
        func standardOutput(_ text: String) { written.output += text }
        func standardError(_ text: String) {
            if text.hasPrefix("→ ") { echo += text } else { written.errors += text }
        }
    }

    @Test func thereAreLessons() {
        #expect(Self.lessons.count >= 8)
    }

    @Test(arguments: lessons)
    func typedLineByLineEachStatementEndsWithTheScriptsResult(_ lesson: String) throws {
        let exports = try CSVTestSupport.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: exports) }
        let original = try #require(TestFiles.read(Self.folder + "/" + lesson))
        let text = original.replacingOccurrences(of: " to \"", with: " to \"\(exports)/")
        let script = exports + "/lesson.tally"
        try text.write(toFile: script, atomically: true, encoding: .utf8)

        let splitter = StatementSplitter()
        #expect(Self.session().run(SourceFile(name: "<test>", text: "run \"\(script)\""), mode: .script, output: splitter) == .success)
        #expect(splitter.before == Written(), "\(lesson): \(splitter.before.errors)")
        let golden = TestFiles.read(Self.folder + "/" + lesson.dropLast(".tally".count) + ".out")
        #expect(splitter.statements.map(\.output).joined() == golden, "the script's results differ from \(lesson)'s golden output")

        let source = SourceFile(name: script, text: text)
        let statements = Parser.parse(source, mode: .script).statements
        #expect(statements.count == splitter.statements.count)
        var expected: [Int: Written] = [:]
        for (statement, written) in zip(statements, splitter.statements) {
            let line = source.line(of: max(statement.span.start, statement.span.end - 1))
            expected[line, default: Written()].output += written.output
            expected[line, default: Written()].errors += Self.withoutSourceLines(written.errors)
        }

        let session = Self.session()
        session.settings.interactive = true
        session.settings.interactiveRowLimit = Int.max
        let input = PromptInput(session: session, sourceName: "<prompt>")
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let sink = TypedLine()
            let step = input.enter(String(line), output: sink)
            if case .ran(let typed, _) = step, RefinableQuery.isRefinement(typed) {
                #expect(!sink.echo.isEmpty, "\(lesson):\(index + 1) refined without saying what it runs")
            }
            guard let want = expected[index + 1] else { continue }
            #expect(sink.written.output == want.output, "\(lesson):\(index + 1): the typed statement's result differs from the script's")
            #expect(Self.withoutSourceLines(sink.written.errors) == want.errors, "\(lesson):\(index + 1): warnings differ from the script's")
        }
    }

    /// A session on the bundled data.
    static func session() -> Session {
        let session = Session()
        _ = BundledData.load(into: session, output: BufferedOutput())
        session.markStart()
        return session
    }

    /// Diagnostics without the lines that show where in the source (`--> file:2:3`, the quoted line
    /// and its caret), which differ between a script and the prompt.
    static func withoutSourceLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let trimmed = line.drop { $0 == " " }
            return !(trimmed.hasPrefix("--> ") || trimmed.hasPrefix("|") || trimmed.drop { $0.isNumber }.hasPrefix(" |"))
        }.joined(separator: "\n")
    }
}
