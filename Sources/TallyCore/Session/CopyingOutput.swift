/// An `OutputSink` that passes everything on and keeps a copy of both streams in the order they
/// were written (as a terminal shows them), for the transcript `record` writes.
final class CopyingOutput: OutputSink {
    /// Where everything goes on to.
    private let target: OutputSink
    /// Everything written so far, both streams together.
    private(set) var copied = ""

    /// Creates a sink that copies what it passes on to `target`.
    init(_ target: OutputSink) {
        self.target = target
    }

    func standardOutput(_ text: String) {
        target.standardOutput(text)
        copied += text
    }

    func standardError(_ text: String) {
        target.standardError(text)
        copied += text
    }
}
