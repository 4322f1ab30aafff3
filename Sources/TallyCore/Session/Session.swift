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

    /// Creates a session over `catalog`.
    public init(catalog: Catalog = Catalog(), settings: Settings = Settings()) {
        self.catalog = catalog
        self.settings = settings
    }

    /// Parses all of `source`, then runs its statements in order.
    ///
    /// In `.script` mode a syntax error anywhere means nothing runs, and the first failing
    /// statement stops the run. In `.interactive` mode each statement that fails is reported
    /// and the next one still runs.
    public func run(_ source: SourceFile, mode: Parser.Mode, output: OutputSink) -> Outcome {
        let parsed = Parser.parse(source, mode: mode)
        let renderer = DiagnosticRenderer(colored: settings.colored, width: settings.width)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        for diagnostic in parsed.diagnostics {
            output.standardError(renderer.render(diagnostic, in: source))
        }
        if !errors.isEmpty && mode == .script { return .failure }
        var outcome = Outcome.success
        for statement in parsed.statements {
            cancellation.reset()
            let result = StatementRunner(session: self, source: source, output: output).run(statement)
            switch result {
            case .quit: return .quit
            case .failure:
                outcome = .failure
                if mode == .script { return .failure }
            case .success: break
            }
        }
        return errors.isEmpty ? outcome : .failure
    }
}
