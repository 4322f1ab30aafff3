import Testing
@testable import TallyCore
import TallyData

/// A session holding the bundled datasets with CSV output, running statements as typed at the prompt.
struct BundledSession {
    let session: Session

    init() {
        session = Session()
        _ = BundledData.load(into: session, output: BufferedOutput())
        session.settings.format = .csv
    }

    /// Standard output and standard error of `text`, which must succeed.
    func run(_ text: String) -> (output: String, errors: String) {
        let sink = BufferedOutput()
        #expect(session.run(SourceFile(name: "<prompt>", text: text), mode: .interactive, output: sink) == .success, "\(text): \(sink.errors)")
        return (sink.output, sink.errors)
    }

    /// The rendered errors of `text`, which must fail.
    func errors(_ text: String) -> String {
        let sink = BufferedOutput()
        #expect(session.run(SourceFile(name: "<prompt>", text: text), mode: .interactive, output: sink) == .failure, "\(text) should fail")
        return sink.errors
    }
}
