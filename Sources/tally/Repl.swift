#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore

/// The interactive prompt: reads statements line by line, runs each, and carries on after errors.
///
/// On a terminal it greets with a banner, prompts with `tally> ` (and `   ...> ` with what the
/// statement still wants while it is unfinished, as `Parser.continuation` decides) and edits lines
/// with readline; otherwise it reads plain lines without prompts. `PromptInput` decides what the
/// lines mean. Ctrl-C drops the statement being typed or cancels the one running; Ctrl-D, `quit`
/// and `exit` leave.
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
            output.standardOutput(TextWrapper.prose(banner(), width: session.settings.width))
            output.flush()
        }
        let input = PromptInput(session: session, sourceName: Self.sourceName)
        var prompt = Self.prompt
        while true {
            session.cancellation.reset()
            switch editor.readLine(prompt: prompt) {
            case .interrupted:
                input.cancel()
                prompt = Self.prompt
            case .endOfInput:
                if onTerminal { output.standardOutput("\n") }
                if !InterruptHandler.terminationRequested { input.finish(output: output) }
                leave(editor)
                return
            case .line(let line):
                session.settings.terminalWidth = Terminal.width()
                let step = input.enter(line, output: output)
                output.flush()
                prompt = Self.prompt
                switch step {
                case .needsMore(let wanted):
                    prompt = Self.continuationPrompt + "(\(wanted); Ctrl-C cancels) "
                case .ran(let text, let outcome):
                    editor.addHistory(text)
                    if outcome == .quit {
                        leave(editor)
                        return
                    }
                case .nothing:
                    break
                }
            }
        }
    }

    /// Saves the history and writes what is left, before the prompt ends.
    private func leave(_ editor: LineEditor) {
        editor.saveHistory(output: output)
        output.flush()
    }

    /// Readline on a terminal, plain lines otherwise.
    private func makeEditor(onTerminal: Bool) -> LineEditor {
        guard onTerminal else { return PlainLineEditor() }
        let session = self.session
        return ReadlineEditor(historyPath: Self.historyPath(), interrupt: session.cancellation) { line, cursor in
            let completer = Completer(catalog: session.catalog, cancellation: session.cancellation)
            return completer.completion(line: line, cursor: cursor)
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
