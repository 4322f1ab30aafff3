/// Where a session writes: results to standard output, everything else to standard error.
public protocol OutputSink: AnyObject {
    /// Writes result text (tables, CSV, JSON, help).
    func standardOutput(_ text: String)
    /// Writes diagnostics, notes, caveats, timings and one-line reports of `load`, `let`, `set`.
    func standardError(_ text: String)
}

/// An `OutputSink` that keeps everything in memory, for tests and embedding.
public final class BufferedOutput: OutputSink {
    /// Everything written to standard output.
    public private(set) var output = ""
    /// Everything written to standard error.
    public private(set) var errors = ""

    /// Creates an empty buffer.
    public init() {}

    public func standardOutput(_ text: String) { output += text }
    public func standardError(_ text: String) { errors += text }
}
