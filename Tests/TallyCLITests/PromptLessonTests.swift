import Foundation
import Testing
import TallyCore

/// Lesson 2 of the workshop at a real prompt (tmux, 80×24): typed line by line, each statement's
/// last line shows the statement's result as the script gives it; pasted whole, the script's
/// output comes once. (`WorkshopLessonTests` types every lesson without a terminal.)
@Suite(.serialized, .enabled(if: tmuxAvailable, "needs tmux"))
struct PromptLessonTests {
    static let folder = TallyBinary.packageRoot + "/Examples/workshop"

    /// The lesson's path, its text, and what each of its statements writes when the script runs
    /// (standard output and standard error as a terminal shows them, told apart by `run`, which
    /// prints each statement before its result), with the line each statement ends on.
    struct Lesson {
        let text: String
        let results: [(endLine: Int, shown: String)]

        init() throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: PromptLessonTests.folder)
            let name = try #require(names.filter { $0.hasPrefix("02-") && $0.hasSuffix(".tally") }.first)
            let path = PromptLessonTests.folder + "/" + name
            text = try String(contentsOfFile: path, encoding: .utf8)
            let run = try TallyBinary.run(["-e", "run \"\(path)\""], mergingErrors: true)
            let source = SourceFile(name: path, text: text)
            let statements = Parser.parse(source, mode: .script).statements
            var results: [(Int, String)] = []
            var rest = Substring(run.output)
            for (index, statement) in statements.enumerated() {
                let echo = "→ " + source.text(of: statement.span) + "\n"
                guard let start = rest.range(of: echo) else { throw LessonError.missingEcho(echo) }
                rest = rest[start.upperBound...]
                let next = index + 1 < statements.count ? rest.range(of: "→ " + source.text(of: statements[index + 1].span) + "\n")?.lowerBound : nil
                let endLine = source.line(of: max(statement.span.start, statement.span.end - 1))
                results.append((endLine, String(rest[..<(next ?? rest.endIndex)])))
            }
            self.results = results
        }
    }

    enum LessonError: Error { case missingEcho(String) }

    /// `text` with every run of blanks and line ends made one space: the terminal wraps long lines.
    static func normalized<Text: StringProtocol>(_ text: Text) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// A prompt at 80×24 on the bundled data.
    static func start(_ folder: TemporaryFolder) throws -> TerminalSession {
        let session = try TerminalSession(environment: ["TALLY_HISTORY": folder.path + "/history"], width: 80, height: 24)
        #expect(session.waitForLastLine(PromptTests.prompt), "no prompt: \(session.screen())")
        return session
    }

    /// The lines of `transcript` that a prompt starts (`tally>` or `...>`).
    static func promptLines(_ transcript: String) -> [Int] {
        transcript.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.hasPrefix("tally>") || $0.element.hasPrefix("   ...>") }.map(\.offset)
    }

    @Test func typedLineByLineEachStepShowsAndEachStatementEndsWithTheScriptsResult() throws {
        let lesson = try Lesson()
        let folder = try TemporaryFolder()
        let session = try Self.start(folder)
        let lines = lesson.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            try session.type(String(line))
            try session.send("Enter")
            let shown = session.wait(timeout: 30) { _ in
                let transcript = session.transcript()
                return Self.promptLines(transcript).count == index + 2 && transcript.hasSuffix("\n" + PromptTests.prompt)
            }
            try #require(shown != nil, "line \(index + 1) did not come back to the prompt: \(session.screen())")
        }
        let transcript = session.transcript().split(separator: "\n", omittingEmptySubsequences: false)
        let prompts = Self.promptLines(transcript.joined(separator: "\n"))
        var refinements = 0
        for (endLine, shown) in lesson.results {
            let step = transcript[(prompts[endLine - 1] + 1)..<prompts[endLine]]
            #expect(Self.normalized(step.joined(separator: "\n")).hasSuffix(Self.normalized(shown)),
                    "line \(endLine) shows:\n\(step.joined(separator: "\n"))\nthe script shows:\n\(shown)")
            if step.first?.hasPrefix("→ ") == true { refinements += 1 }
        }
        #expect(refinements > 0, "no statement of the lesson was built up line by line")
        try session.type("quit")
        try session.send("Enter")
        #expect(session.waitForLastLine("[exit 0]"))
    }

    @Test func pastedWholeTheScriptsOutputComesOnce() throws {
        let lesson = try Lesson()
        let folder = try TemporaryFolder()
        let session = try Self.start(folder)
        try session.paste(lesson.text)
        try session.send("Enter")
        let done = session.wait(timeout: 30) { _ in
            let transcript = session.transcript()
            return Self.promptLines(transcript).count == 2 && transcript.hasSuffix("\n" + PromptTests.prompt)
        }
        try #require(done != nil, "\(session.screen())")
        // The pasted lines are on the screen too, but readline redraws a block taller than the
        // screen in part only; what follows them is the output, which must be the script's, once.
        let transcript = Self.normalized(session.transcript())
        let shown = lesson.results.map(\.shown).joined()
        #expect(transcript.hasSuffix(Self.normalized(shown + PromptTests.prompt)), "\(session.transcript())")
        for result in lesson.results {
            #expect(transcript.components(separatedBy: Self.normalized(result.shown)).count == 2, "not once: \(result.shown)")
        }
    }
}
