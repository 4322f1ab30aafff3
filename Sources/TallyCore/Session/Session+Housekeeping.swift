/// `drop`, `reset` and `record`: tidying the session and keeping a transcript of it.
extension Session {
    /// Removes the dataset `name` (a `let`, a loaded or a bundled one: `reset` brings bundled and
    /// command-line datasets back) and says so on standard error.
    func drop(_ name: Name, output: OutputSink) throws(Diagnostic) {
        guard let entry = catalog.remove(named: name.text) else { throw Binder.unknownDataset(name, catalog: catalog) }
        let comesBack = start.catalog.entry(named: name.text) != nil ? " (`reset` brings it back)" : ""
        output.standardError("dropped \(TerminalText.visible(entry.table.name))\(comesBack)\n")
    }

    /// Goes back to the datasets and settings the session started with, and forgets the last
    /// query. The settings that describe the terminal (width, colour, prompt) stay as they are,
    /// and so does a transcript being recorded, which records the `reset` too.
    func reset(output: OutputSink) {
        var restored = start.settings
        restored.interactive = settings.interactive
        restored.colored = settings.colored
        restored.terminalWidth = settings.terminalWidth
        catalog = start.catalog
        settings = restored
        lastQueryStatement = nil
        output.standardError("reset: the datasets and settings are as at the start\n")
    }

    /// `record "path"` starts a transcript in `path` (stopping one being recorded); `record off`
    /// (a nil path) stops it.
    func record(to path: String?, at span: SourceSpan, output: OutputSink) throws(Diagnostic) {
        if let current = transcript {
            transcript = nil
            output.standardError("stopped recording: \(statementCount(current.statements)) in \(TerminalText.visible(current.path)); replay with: run \"\(TerminalText.visible(current.path))\"\n")
        } else if path == nil {
            output.standardError("not recording\n")
        }
        guard let path else { return }
        do {
            transcript = try Transcript(path: path)
        } catch {
            var located = error
            located.span = span
            throw located
        }
        output.standardError("recording to \(TerminalText.visible(path)): each statement with its result; `record off` stops\n")
    }

    /// "1 statement", "12 statements".
    private func statementCount(_ count: Int) -> String {
        "\(NumberFormat.grouped(Int64(count))) statement\(count == 1 ? "" : "s")"
    }
}
