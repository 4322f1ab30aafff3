#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore

/// The interactive prompt: reads statements line by line, runs each, and carries on after errors.
///
/// On a terminal it greets with a banner, prompts with `tally> ` (and `   ...> ` while a statement
/// is unfinished, as `StatementAssembler.wantsMore` decides) and edits lines with readline; otherwise
/// it reads plain lines without prompts. Ctrl-C drops the statement being typed or cancels the
/// one running; Ctrl-D, `quit` and `exit` leave.
final class Repl {
    /// The first prompt of a statement.
    static let prompt = "tally> "
    /// The prompt for the further lines of an unfinished statement.
    static let continuationPrompt = "   ...> "
    /// The name statements typed at the prompt carry in messages.
    static let sourceName = "<prompt>"

    /// The session statements run in.
    private let session: Session
    /// Where results and messages go; flushed after each statement.
    private let output: StandardOutput

    /// Creates a prompt over `session`.
    init(session: Session, output: StandardOutput) {
        self.session = session
        self.output = output
    }

    /// Runs until Ctrl-D, the end of input, `quit` or `exit`.
    func run() {
        let onTerminal = Terminal.isTerminal(STDIN_FILENO)
        session.settings.interactive = true
        InterruptHandler.install(cancelling: session.cancellation, graceful: onTerminal)
        let editor = makeEditor(onTerminal: onTerminal)
        if onTerminal {
            output.standardOutput(banner())
            output.flush()
        }
        var pending = ""
        var statement = StatementAssembler()
        while true {
            session.cancellation.reset()
            switch editor.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt) {
            case .interrupted:
                pending = ""
                statement = StatementAssembler()
            case .endOfInput:
                if onTerminal { output.standardOutput("\n") }
                if !pending.isEmpty && !InterruptHandler.terminationRequested { _ = runStatement(pending, editor: editor) }
                editor.saveHistory(output: output)
                output.flush()
                return
            case .line(let line):
                if pending.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
                pending += pending.isEmpty ? line : "\n" + line
                _ = statement.add(line)
                if !statement.wantsMore {
                    let outcome = runStatement(pending, editor: editor)
                    pending = ""
                    statement = StatementAssembler()
                    if outcome == .quit {
                        editor.saveHistory(output: output)
                        output.flush()
                        return
                    }
                }
            }
        }
    }

    /// Adds `text` to the history and runs it.
    private func runStatement(_ text: String, editor: LineEditor) -> Session.Outcome {
        editor.addHistory(text)
        session.settings.terminalWidth = Terminal.width()
        let outcome = session.run(SourceFile(name: Self.sourceName, text: text), mode: .interactive, output: output)
        output.flush()
        return outcome
    }

    /// Readline on a terminal, plain lines otherwise.
    private func makeEditor(onTerminal: Bool) -> LineEditor {
        guard onTerminal else { return PlainLineEditor() }
        let session = self.session
        return ReadlineEditor(historyPath: Self.historyPath(), interrupt: session.cancellation) { line, cursor in
            let completer = Completer(catalog: session.catalog)
            return (completer.wordStart(line: line, cursor: cursor), completer.complete(line: line, cursor: cursor))
        }
    }

    /// The welcome line: version, datasets, and how to get help or leave.
    private func banner() -> String {
        let names = session.catalog.names
        let datasets = names.isEmpty ? "no datasets loaded" : "datasets: " + names.joined(separator: ", ")
        return "tally \(Version.current) — \(datasets). Type help, or quit.\n"
    }

    /// `$TALLY_HISTORY` (empty: no history), else `~/.tally_history`, else none.
    static func historyPath() -> String? {
        if let path = getenv("TALLY_HISTORY") {
            let text = String(cString: path)
            return text.isEmpty ? nil : text
        }
        guard let home = getenv("HOME") else { return nil }
        return String(cString: home) + "/.tally_history"
    }
}
