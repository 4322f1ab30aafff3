/// The façade of the engine: holds the catalog and settings and runs statements.
///
/// Front ends (the command line, the prompt, tests) hand it text and an `OutputSink`;
/// it parses, binds, executes and renders, and reports how the run ended.
public final class Session {
    /// How a run of statements ended.
    public enum Outcome: Sendable, Equatable {
        /// Every statement ran.
        case success
        /// A statement failed (or a script had syntax errors, or a strict check was not true).
        case failure
        /// `quit` or `exit` was run.
        case quit
    }

    /// The datasets.
    public internal(set) var catalog: Catalog
    /// The settings.
    public var settings: Settings
    /// Set to cancel the statement that is running.
    public let cancellation = CancellationFlag()
    /// The server queries run on instead of the in-memory store, when connected.
    public var remote: RemoteEngine?
    /// The last statement that held a query and parsed, whether it ran or failed: what a clause
    /// typed at the prompt refines. `reset` forgets it. Made from `lastQueryStatement` when asked for,
    /// so that a script's statements are not written out again one by one as they run.
    public var lastQuery: RefinableQuery? {
        lastQueryStatement.map { RefinableQuery(statement: $0.statement, query: $0.query, in: $0.source) }
    }
    /// The statement behind `lastQuery`, its query and the source it was written in.
    var lastQueryStatement: (statement: Statement, query: Query, source: SourceFile)?
    /// The code of the error the last statement run failed with; nil when it did not fail.
    var lastErrorCode: String?
    /// The datasets and settings that `reset` goes back to (see `markStart`).
    var start: (catalog: Catalog, settings: Settings)
    /// The scripts being run by `run`, outermost first, as resolved paths: a script that would run
    /// one of them again is refused.
    var runningScripts: [String] = []
    /// The transcript `record` is writing, if any.
    var transcript: Transcript?

    /// Creates a session over `catalog`.
    public init(catalog: Catalog = Catalog(), settings: Settings = Settings()) {
        self.catalog = catalog
        self.settings = settings
        self.start = (catalog, settings)
    }

    /// Takes the datasets and settings as they are now as the session's start, which `reset`
    /// goes back to; the command line calls it once its datasets are loaded.
    public func markStart() {
        start = (catalog, settings)
    }

    /// Parses all of `source`, then runs its statements in order.
    ///
    /// In `.script` mode a syntax error anywhere means nothing runs, and the first failing
    /// statement stops the run. In `.interactive` mode each statement that fails is reported
    /// and the next one still runs. While `record` is on, each statement and its output go to
    /// the transcript.
    public func run(_ source: SourceFile, mode: Parser.Mode, output: OutputSink) -> Outcome {
        let parsed = Parser.parse(source, mode: mode)
        let renderer = DiagnosticRenderer(colored: settings.colored, width: settings.width)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        for diagnostic in parsed.diagnostics {
            output.standardError(renderer.render(diagnostic, in: source))
        }
        if !errors.isEmpty {
            record(source.text, output: parsed.diagnostics.map { renderer.render($0, in: source) }.joined(), succeeded: false, to: output)
            if mode == .script { return .failure }
        }
        return whileRunning(source) { runStatements(parsed.statements, of: source, mode: mode, output: output, errors: !errors.isEmpty) }
    }

    /// Runs the statements parsed from `source`; `errors` tells whether it had syntax errors.
    private func runStatements(_ statements: [Statement], of source: SourceFile, mode: Parser.Mode, output: OutputSink, errors: Bool) -> Outcome {
        var outcome = Outcome.success
        for statement in statements {
            cancellation.reset()
            let copy = transcript == nil || statement.isRecord ? nil : CopyingOutput(output)
            let result = StatementRunner(session: self, source: source, output: copy ?? output).run(statement)
            if let copy, result != .quit {
                record(source.text(of: statement.span), output: copy.copied, succeeded: result == .success, to: output)
            }
            switch result {
            case .quit: return .quit
            case .failure:
                outcome = .failure
                if mode == .script { return .failure }
            case .success: break
            }
        }
        return errors ? .failure : outcome
    }

    /// Adds a statement and what it wrote to the transcript, if one is being recorded; a transcript
    /// that can no longer be written is stopped with a warning.
    private func record(_ statement: String, output copied: String, succeeded: Bool, to output: OutputSink) {
        guard let transcript else { return }
        do {
            try transcript.add(statement, output: copied, succeeded: succeeded)
        } catch {
            self.transcript = nil
            output.standardError(render(Diagnostic.warning("record-failed", error.message + "; recording stopped")))
        }
    }
}

extension Statement {
    /// Whether this is `record "file"` or `record off`, which a transcript leaves out.
    var isRecord: Bool {
        if case .record = kind { return true }
        return false
    }
}
