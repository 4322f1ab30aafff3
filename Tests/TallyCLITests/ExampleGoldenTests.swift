import Foundation
import Testing

/// Every script under `Examples/` (the workshop in `Examples/workshop/` included) runs with its
/// checked-in output: `NAME.tally` beside `NAME.out` (standard output) and `NAME.err` (standard
/// error; absent when empty). Each runs in a fresh temporary folder, so the files it exports do
/// not land in the checkout, with a copy of the CSV files beside it (the data it loads); paths in
/// messages are shown relative to the package root.
/// `TALLY_RECORD=1` rewrites the expectations and fails, so recording is never silent.
@Suite struct ExampleGoldenTests {
    static let examples: [String] = {
        let root = TallyBinary.packageRoot + "/Examples"
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".tally") }.sorted()
    }()

    @Test func thereAreAtLeastFiveExamples() {
        #expect(Self.examples.count >= 5)
    }

    @Test(arguments: examples)
    func exampleMatchesItsExpectedOutput(_ example: String) throws {
        let base = TallyBinary.packageRoot + "/Examples/" + String(example.dropLast(".tally".count))
        let folder = try TemporaryFolder()
        let beside = (TallyBinary.packageRoot + "/Examples/" + example as NSString).deletingLastPathComponent
        for file in try FileManager.default.contentsOfDirectory(atPath: beside) where file.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: beside + "/" + file, toPath: folder.path + "/" + file)
        }
        var run = try TallyBinary.run([TallyBinary.packageRoot + "/Examples/" + example], directory: folder.path)
        run.output = run.output.replacingOccurrences(of: TallyBinary.packageRoot + "/", with: "")
        run.errors = run.errors.replacingOccurrences(of: TallyBinary.packageRoot + "/", with: "")
        if ProcessInfo.processInfo.environment["TALLY_RECORD"] == "1" {
            try run.output.write(toFile: base + ".out", atomically: true, encoding: .utf8)
            if run.errors.isEmpty {
                try? FileManager.default.removeItem(atPath: base + ".err")
            } else {
                try run.errors.write(toFile: base + ".err", atomically: true, encoding: .utf8)
            }
            Issue.record("recorded \(example): TALLY_RECORD=1 rewrites the expectations; run again without it")
            return
        }
        let expectedOutput = try String(contentsOfFile: base + ".out", encoding: .utf8)
        let expectedErrors = (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        #expect(run.status == 0, "\(example) exited \(run.status): \(run.errors)")
        #expect(run.output == expectedOutput, "\(example): standard output differs")
        #expect(run.errors == expectedErrors, "\(example): standard error differs")
    }
}
