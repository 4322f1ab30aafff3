/// Runs one parsed statement against a session and writes what it produces.
struct StatementRunner {
    let session: Session
    let source: SourceFile
    let output: OutputSink

    func run(_ statement: Statement) -> Session.Outcome {
        output.standardError(DiagnosticRenderer().render(.error("unimplemented", "not built yet", at: statement.span), in: source))
        return .failure
    }
}
