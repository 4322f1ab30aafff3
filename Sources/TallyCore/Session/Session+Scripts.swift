#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `run "file.tally"`: a script run from the prompt or from another script.
extension Session {
    /// Runs the script at `path` as a script runs (all of its syntax errors first, then statement
    /// by statement), printing each statement on standard error before its result and stopping at
    /// the first that fails. A relative path is taken from the folder of the script that says
    /// `run` (from the working folder at the prompt). A script that is already running (one that
    /// runs itself, directly or through others) is refused.
    func runScript(_ path: String, at pathSpan: SourceSpan, from source: SourceFile, output: OutputSink) throws(Diagnostic) -> Outcome {
        let resolved = Self.resolve(path, from: source)
        let text: String
        do {
            text = try ScriptReader.read(path: resolved)
        } catch {
            throw .error("script-unreadable", "cannot read script '\(resolved)': \(error.reason)", at: pathSpan)
        }
        let identity = Self.identity(of: resolved)
        if let first = runningScripts.firstIndex(of: identity) {
            throw .error(
                "run-cycle", "'\(path)' is already running, so running it again would never end", at: pathSpan,
                label: "a script cannot run itself",
                help: ["running: " + (runningScripts[first...] + [identity]).joined(separator: " → ")])
        }
        let script = SourceFile(name: resolved, text: text, path: resolved)
        return whileRunning(script) {
            let parsed = Parser.parse(script, mode: .script)
            let renderer = DiagnosticRenderer(colored: settings.colored)
            for diagnostic in parsed.diagnostics { output.standardError(renderer.render(diagnostic, in: script)) }
            guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else { return .failure }
            for statement in parsed.statements {
                echo(script.text(of: statement.span), to: output)
                let outcome = StatementRunner(session: self, source: script, output: output).run(statement)
                if outcome != .success { return outcome }
            }
            return .success
        }
    }

    /// Prints a statement that is about to run (by `run`, or refined at the prompt) on standard
    /// error: `→ ` first, wrapped to the width, control characters made visible.
    func echo(_ statement: String, to output: OutputSink) {
        output.standardError(TextWrapper.prose("→ \(TerminalText.visible(statement, keepingLines: true))\n", width: settings.width))
    }

    /// Runs `body` with `source`, when it is a file, counted among the running scripts.
    func whileRunning(_ source: SourceFile, _ body: () -> Outcome) -> Outcome {
        guard let path = source.path else { return body() }
        runningScripts.append(Self.identity(of: path))
        defer { runningScripts.removeLast() }
        return body()
    }

    /// `path` taken from the folder of `source` when it is relative and `source` is a file.
    static func resolve(_ path: String, from source: SourceFile) -> String {
        guard !path.hasPrefix("/"), let file = source.path, let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    /// The file's absolute path with links resolved, so that two spellings of one file are one.
    static func identity(of path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
