#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// Runs standard input as a stream of statements: each runs as soon as it is complete, so an
    /// endless input runs in bounded memory. A statement that fails (a syntax error included) stops
    /// the run; the statements before it have run.
    func runStandardInput() -> Session.Outcome {
        var reader = ScriptReader(descriptor: STDIN_FILENO)
        var assembler = StatementAssembler()
        do throws(ScriptReader.ReadError) {
            while let line = try reader.nextLine() {
                if let piece = assembler.add(line) {
                    let outcome = run(SourceFile(name: Self.standardInputName, text: piece.text, firstLine: piece.firstLine))
                    if outcome != .success { return outcome }
                }
                if assembler.pendingBytes > ScriptReader.maxBytes {
                    throw ScriptReader.ReadError(reason: "a statement is longer than \(ScriptReader.maxBytes >> 20) MiB")
                }
            }
        } catch {
            return unreadable(Self.standardInputName, error)
        }
        guard let piece = assembler.finish() else { return Session.Outcome.success }
        return run(SourceFile(name: Self.standardInputName, text: piece.text, firstLine: piece.firstLine))
    }

    /// Reads and runs the script at `path` (`-` is standard input, read whole).
    private func runScript(path: String) -> Session.Outcome {
        let name = path == "-" ? Self.standardInputName : path
        do throws(ScriptReader.ReadError) {
            return run(SourceFile(name: name, text: try ScriptReader.read(path: path), path: path == "-" ? nil : path))
        } catch {
            return unreadable(name, error)
        }
    }

    /// Reports a script that cannot be read.
    private func unreadable(_ name: String, _ error: ScriptReader.ReadError) -> Session.Outcome {
        let diagnostic = Diagnostic.error("script-unreadable", "cannot read script '\(name)': \(error.reason)")
        output.standardError(DiagnosticRenderer(colored: session.settings.colored).render(diagnostic, in: nil))
        output.flush()
        return .failure
    }

    /// Runs one source in script mode and flushes what it wrote.
    private func run(_ source: SourceFile) -> Session.Outcome {
        let outcome = session.run(source, mode: .script, output: output)
        output.flush()
        return outcome
    }
}
