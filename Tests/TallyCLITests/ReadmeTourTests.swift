import Foundation
import Testing

/// Every `$ tally …` command in a console block of README.md runs and prints exactly the
/// lines that follow it (standard output and standard error together, as a terminal shows them),
/// and exits 1 when those lines hold an error, else 0.
@Suite struct ReadmeTourTests {
    struct Example: CustomStringConvertible, Sendable {
        let arguments: [String]
        let expected: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let examples: [Example] = {
        guard let text = try? String(contentsOfFile: TallyBinary.packageRoot + "/README.md", encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var inConsole = false
        var current: (arguments: [String], lines: [String])?
        func finish() {
            if let block = current { examples.append(Example(arguments: block.arguments, expected: block.lines.map { $0 + "\n" }.joined())) }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line == "```console" { inConsole = true; continue }
            guard inConsole else { continue }
            if line == "```" { finish(); inConsole = false; continue }
            if line.hasPrefix("$ tally") {
                finish()
                current = (shellWords(String(line.dropFirst("$ tally".count))), [])
            } else {
                current?.lines.append(line)
            }
        }
        return examples
    }()

    /// Splits a command line into words: single-quoted words keep their spaces.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for character in text {
            if character == "'" { quoted.toggle(); started = true; continue }
            if character == " " && !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    @Test func readmeHasATour() {
        #expect(Self.examples.count >= 5)
    }

    @Test(arguments: examples)
    func commandPrintsWhatTheReadmeShows(_ example: Example) throws {
        let run = try TallyBinary.run(example.arguments, directory: TallyBinary.packageRoot)
        #expect(run.output + run.errors == example.expected)
        let showsAnError = example.expected.split(separator: "\n").contains { $0.hasPrefix("error:") }
        #expect(run.status == (showsAnError ? 1 : 0), "\(example) exited \(run.status)")
    }
}
