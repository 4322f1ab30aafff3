import TallyCore

/// Runs scripts, `-e` statements and standard input in script mode (no prompt).
struct ScriptRunner {
    /// The session the statements run in.
    let session: Session
    /// Where results and messages go; flushed after each input.
    let output: StandardOutput

    /// The name `-e` statements carry in messages.
    static let commandLineName = "<command line>"
    /// The name standard input carries in messages.
    static let standardInputName = "<stdin>"

    /// Runs `inputs` in order; stops at the first that fails or quits.
    func run(_ inputs: [CommandLineOptions.Input]) -> Session.Outcome {
        for input in inputs {
            let outcome: Session.Outcome
            switch input {
            case .statement(let text):
                outcome = run(SourceFile(name: Self.commandLineName, text: text))
            case .script(let path):
                outcome = runScript(path: path)
            }
            if outcome != .success { return outcome }
        }
        return .success
    }

    /// Runs all of standard input as one script.
    func runStandardInput() -> Session.Outcome {
        runScript(path: "-")
    }

    /// Reads and runs the script at `path` (`-` is standard input).
    private func runScript(path: String) -> Session.Outcome {
        let name = path == "-" ? Self.standardInputName : path
        do {
            return run(SourceFile(name: name, text: try FileText.read(path: path), path: path == "-" ? nil : path))
        } catch {
            let diagnostic = Diagnostic.error("script-unreadable", "cannot read script '\(name)': \(error.reason)")
            output.standardError(DiagnosticRenderer(colored: session.settings.colored).render(diagnostic, in: nil))
            output.flush()
            return .failure
        }
    }

    /// Runs one source in script mode and flushes what it wrote.
    private func run(_ source: SourceFile) -> Session.Outcome {
        let outcome = session.run(source, mode: .script, output: output)
        output.flush()
        return outcome
    }
}
