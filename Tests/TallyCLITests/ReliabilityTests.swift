import Foundation
import Synchronization
import Testing

/// Process-level reliability: standard output that fails, standard input read as a stream, scripts
/// that are not text, signals during an export, the history on hang-up, and credentials never shown.
@Suite struct ReliabilityTests {
    /// Runs `command` in bash with `$TALLY` set to the binary under test.
    static func shell(_ command: String, directory: String? = nil) throws -> TallyBinary.Run {
        try TallyBinary.run(["-c", command], executable: "/bin/bash", directory: directory)
    }

    @Test func fullDiskOnStandardOutputExitsOne() throws {
        let run = try Self.shell("\"$TALLY\" -e applicants > /dev/full")
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("tally: cannot write to standard output: No space left on device\n"))
    }

    @Test func closedStandardOutputExitsOne() throws {
        let run = try Self.shell("\"$TALLY\" -e countries >&-")
        #expect(run.status == 1)
        #expect(run.errors.hasSuffix("tally: cannot write to standard output: Bad file descriptor\n"))
    }

    @Test func closedPipeStaysQuiet() throws {
        let run = try Self.shell("\"$TALLY\" -e applicants --format csv | head -c 10 > /dev/null; echo \"${PIPESTATUS[0]}\"")
        #expect(run.output == "141\n")
        #expect(run.errors == "")
    }

    @Test func databasePasswordIsNeverPrinted() throws {
        let run = try TallyBinary.run(["--no-bundled", "--database", "postgresql://ann:s3cret@127.0.0.1:1/x", "-e", "datasets"])
        #expect(run.status == 1)
        #expect(run.errors.contains("postgresql://ann:***@127.0.0.1:1/x"))
        #expect(!run.errors.contains("s3cret"))
    }

    /// A statement on standard input runs before the input ends: as soon as the next line shows it is
    /// complete (a line that does not continue it).
    @Test func standardInputRunsEachStatementAsItArrives() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TallyBinary.path)
        process.arguments = ["--format", "csv"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { try? input.fileHandleForWriting.close() }
        input.fileHandleForWriting.write(Data("countries where iso3 = ABW show name\ncountries where iso3 = AFG\n".utf8))
        let received = Mutex(Data())
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            received.withLock { $0.append(data) }
        }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !received.withLock({ String(decoding: $0, as: UTF8.self) }).contains("Aruba") {
            Thread.sleep(forTimeInterval: 0.05)
        }
        output.fileHandleForReading.readabilityHandler = nil
        #expect(received.withLock { String(decoding: $0, as: UTF8.self) } == "name\nAruba\n")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func standardInputErrorsGiveTheirLine() throws {
        let run = try TallyBinary.run(["--format", "csv"], input: "countries where iso3 = ABW show name\n\n-- a comment\ncountries\n  where nme = 1\ncountries\n")
        #expect(run.status == 1)
        #expect(run.errors.contains(" --> <stdin>:5:9\n"))
        #expect(run.output == "name\nAruba\n")
    }

    @Test func endlessInputOfNulBytesEndsAtOnce() throws {
        let started = Date()
        let run = try TallyBinary.run(["--no-bundled", "/dev/zero"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.status == 1)
        #expect(run.errors == "error: cannot read script '/dev/zero': it contains a NUL byte at line 1, column 1; a script must be text\n")
    }

    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("countries where iso3 = ABW show name\n".utf8), 0, ""),
        ([0xFF, 0xFE, 0x63, 0x00, 0x6F, 0x00], 1,
         "error: cannot read script 'x.tally': it looks like UTF-16 text, and tally reads UTF-8; convert it, e.g. with `iconv -f UTF-16 -t UTF-8 FILE > NEW`\n"),
        (Array("countries\nwhere\n  name = ab".utf8) + [0] + Array("c\n".utf8), 1,
         "error: cannot read script 'x.tally': it contains a NUL byte at line 3, column 12; a script must be text\n"),
    ] as [([UInt8], Int32, String)])
    func scriptEncodings(bytes: [UInt8], status: Int32, errors: String) throws {
        let folder = try TemporaryFolder()
        FileManager.default.createFile(atPath: folder.path + "/x.tally", contents: Data(bytes))
        let run = try TallyBinary.run(["--format", "csv", "x.tally"], directory: folder.path)
        #expect(run.status == status)
        #expect(run.errors == errors)
        #expect(run.output == (status == 0 ? "name\nAruba\n" : ""))
    }

    /// A file of `rows` rows to export, and the folder it is in.
    static func exportFixture(rows: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var csv = "id,grp,value\n"
        for row in 0..<rows { csv += "r\(row),g\(row % 1000),\(row % 97)\n" }
        try folder.write("big.csv", csv)
        try folder.write("out.csv", "old\n")
        return folder
    }

    /// Starts `export big to "out.csv"` in `folder`, its output dropped.
    static func startExport(in folder: TemporaryFolder) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TallyBinary.path)
        process.arguments = ["--no-bundled", "--load", "big=big.csv", "-e", "export big to \"out.csv\""]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The names in `folder` other than the fixture's.
    static func leftovers(in folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "big.csv" && $0 != "out.csv" }
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func signalDuringAnExportLeavesNothingBehind(signal: Int32) throws {
        let folder = try Self.exportFixture(rows: 300_000)
        let process = try Self.startExport(in: folder)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning, try Self.leftovers(in: folder).isEmpty {
            Thread.sleep(forTimeInterval: 0.002)
        }
        try #require(process.isRunning, "the export ended before a signal could reach it")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Self.leftovers(in: folder) == [])
        #expect(try String(contentsOfFile: folder.path + "/out.csv", encoding: .utf8) == "old\n")
    }

    /// kill -9 at random moments of an export: the target is always the old file or the whole new one.
    /// A quick variant; `Scripts/crash-safety.sh` runs the 100-run version.
    @Test func killedExportLeavesTheOldOrTheNewFile() throws {
        let folder = try Self.exportFixture(rows: 20_000)
        let complete = try TallyBinary.run(["--no-bundled", "--load", "big=big.csv", "-e", "export big to \"new.csv\""], directory: folder.path)
        try #require(complete.status == 0)
        let expected = try String(contentsOfFile: folder.path + "/new.csv", encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder.path + "/new.csv")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            try folder.write("out.csv", "old\n")
            let process = try Self.startExport(in: folder)
            Thread.sleep(forTimeInterval: Double.random(in: 0...1.5, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let target = try String(contentsOfFile: folder.path + "/out.csv", encoding: .utf8)
            #expect(target == "old\n" || target == expected)
        }
    }

    /// An 8,000-line statement pasted at the prompt: each line must not parse everything before it
    /// again. 8,826 applicants rows fall in 2000–2019 (sqlite3 on the bundled file).
    @Test func longPastedStatementTakesLinearTime() throws {
        let lines = ["applicants where year in ("] + (0..<8_000).map { "\(2000 + $0 % 20)," } + ["2017) show count"]
        let started = Date()
        let run = try TallyBinary.run(["-i", "--format", "csv"], input: lines.joined(separator: "\n") + "\n")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(run.output == "count\n8826\n")
    }

    @Test func hangingUpThePromptSavesItsHistory() throws {
        let folder = try TemporaryFolder()
        let history = folder.path + "/history"
        let session = try TerminalSession(arguments: ["--no-bundled"], environment: ["TALLY_HISTORY": history])
        try #require(session.waitForLastLine("tally>", timeout: 60))
        try session.type("datasets")
        try session.send("Enter")
        try #require(session.wait(timeout: 60) { $0.contains("0 rows") && $0.hasSuffix("\ntally>") } != nil, "\(session.screen())")
        try session.hangUp()
        // The file may exist before its lines are written: wait for the lines, not for the file.
        let deadline = Date().addingTimeInterval(30)
        func entries() -> [Substring] {
            ((try? String(contentsOfFile: history, encoding: .utf8)) ?? "").split(separator: "\n").filter { !$0.hasPrefix("#") }
        }
        while Date() < deadline, entries().isEmpty {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(entries() == ["datasets"])
    }
}
