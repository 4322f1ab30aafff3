import Foundation

/// The built `tally` executable, run as a child process with pipes for its streams.
///
/// The binary is the one `swift build` left in `.build/debug` of this checkout (found from this
/// file's path), or `$TALLY_BINARY`; building it is `swift build`'s job, not the tests'.
enum TallyBinary {
    /// What one run produced.
    struct Run {
        /// The exit status.
        var status: Int32
        /// Everything written to standard output.
        var output: String
        /// Everything written to standard error.
        var errors: String
    }

    /// The root of the package checkout.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The path of the executable under test.
    static var path: String {
        ProcessInfo.processInfo.environment["TALLY_BINARY"] ?? packageRoot + "/.build/debug/tally"
    }

    /// Runs tally (or `executable`, with `$TALLY` naming tally) with `arguments`, feeding it `input`
    /// on standard input (an empty pipe by default, so it is never a terminal), in `directory`, with
    /// `environment` added. With `mergingErrors`, standard error goes to the same pipe as standard
    /// output, interleaved as a terminal would show them.
    static func run(
        _ arguments: [String], input: String = "", executable: String? = nil, directory: String? = nil,
        environment: [String: String] = [:], mergingErrors: Bool = false
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? path)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["NO_COLOR"] = "1"
        merged.removeValue(forKey: "TALLY_DATA_DIR")
        merged["TALLY"] = path
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = mergingErrors ? stdout : stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = mergingErrors ? Data() : stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}

/// A temporary folder for one test's files, removed when the test is done with it.
final class TemporaryFolder {
    /// The folder's path.
    let path: String

    /// Creates a fresh folder under the system's temporary directory.
    init() throws {
        path = NSTemporaryDirectory() + "tally-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
