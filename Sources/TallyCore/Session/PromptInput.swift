/// What the prompt makes of the lines typed at it, apart from the terminal so that tests can type
/// at it too.
///
/// It gathers the lines of an unfinished statement (saying what the statement still wants), runs
/// each finished one, and refines the last query with a line that starts with a clause word: it
/// prints the whole query it now runs, then runs it. A block of lines (a paste) runs as a script
/// would: clause lines continue the statement above, and the output comes once.
public final class PromptInput {
    /// What one line led to.
    public enum Step: Equatable, Sendable {
        /// The statement is unfinished; the text says what it still wants (`parenthesis open`).
        case needsMore(String)
        /// Statements ran; `text` is what was typed, one history entry.
        case ran(text: String, outcome: Session.Outcome)
        /// A blank line: nothing ran.
        case nothing
    }

    /// The session statements run in.
    private let session: Session
    /// The name the statements carry in messages.
    private let sourceName: String
    /// The lines of the unfinished statement.
    private var pending = ""
    /// Answers for a long unfinished statement without parsing it again at every line.
    private var shortcut = ContinuationShortcut()
    /// What the unfinished statement wanted when it was last parsed whole.
    private var lastWanted: String?

    /// Creates the input of a prompt over `session`.
    public init(session: Session, sourceName: String) {
        self.session = session
        self.sourceName = sourceName
    }

    /// Takes one line from the line editor. A line that holds line ends is a pasted block (a typed
    /// line never does), which runs as a script. `quit` or `exit` alone on a continuation line leaves.
    public func enter(_ line: String, output: OutputSink) -> Step {
        if line.contains("\n") {
            var block = pending.isEmpty ? line : pending + "\n" + line
            cancel()
            while let last = block.last, last.isWhitespace { block.removeLast() }
            return block.isEmpty ? .nothing : .ran(text: block, outcome: run(block, mode: .script, output: output))
        }
        let word = line.lowercased().filter { !$0.isWhitespace }
        if !pending.isEmpty, word == "quit" || word == "exit" {
            cancel()
            return .ran(text: line, outcome: .quit)
        }
        if pending.isEmpty && line.allSatisfy(\.isWhitespace) { return .nothing }
        pending += pending.isEmpty ? line : "\n" + line
        if shortcut.surelyWantsMore(after: line), let lastWanted { return .needsMore(lastWanted) }
        return complete(output: output, force: false)
    }

    /// Drops the unfinished statement (Ctrl-C).
    public func cancel() {
        pending = ""
        shortcut = ContinuationShortcut()
        lastWanted = nil
    }

    /// At the end of input: runs the unfinished statement, if there is one, so that its error shows.
    public func finish(output: OutputSink) {
        guard !pending.isEmpty else { return }
        _ = complete(output: output, force: true)
    }

    /// Runs the pending text if it is finished (or `force`), refining the last query when it starts
    /// with a clause word; otherwise keeps it and says what it wants.
    private func complete(output: OutputSink, force: Bool) -> Step {
        let text = pending
        let last = RefinableQuery.isRefinement(text) ? session.lastQuery : nil
        if !force, let wanted = Parser.continuation(last?.extended(by: text) ?? text, mode: last == nil ? .interactive : .script) {
            lastWanted = wanted
            return .needsMore(wanted)
        }
        cancel()
        return .ran(text: text, outcome: run(text, mode: .interactive, output: output))
    }

    /// Runs `text` as typed (`.interactive`) or pasted (`.script`); text that starts with a clause
    /// word refines the last query, whose new text is printed first and read as a script. A
    /// refinement that fails on a name it does not know (a typo: `unknown-column`, …) is not
    /// kept: the next line refines the query before it, so the typo does not come back with the
    /// corrected line and every later one. Other failures are kept: the next line may complete
    /// the step (`show share`, then its `group by`).
    private func run(_ text: String, mode: Parser.Mode, output: OutputSink) -> Session.Outcome {
        guard RefinableQuery.isRefinement(text), let last = session.lastQuery else {
            return session.run(SourceFile(name: sourceName, text: text), mode: mode, output: output)
        }
        let statement = last.refined(by: text)
        session.echo(statement, to: output)
        let kept = session.lastQueryStatement
        let outcome = session.run(SourceFile(name: sourceName, text: statement), mode: .script, output: output)
        if outcome == .failure, session.lastErrorCode?.hasPrefix("unknown-") == true { session.lastQueryStatement = kept }
        return outcome
    }
}
