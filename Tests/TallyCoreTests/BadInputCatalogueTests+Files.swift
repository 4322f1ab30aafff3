import Foundation
import Testing
@testable import TallyCore

/// The bad-input catalogue, files that exports must treat with care: targets refused or kept as they
/// were, modes, links and names kept, and nothing an attacker planted followed.
extension BadInputCatalogueTests {
    /// Runs `text` in a fresh session over the bundled data and returns what it wrote to standard error.
    static func run(_ text: String) -> String {
        let output = BufferedOutput()
        _ = session.run(SourceFile(name: "<catalogue>", text: text), mode: .script, output: output)
        return output.errors
    }

    /// A fresh folder for one test.
    static func scratchFolder() -> String {
        let path = NSTemporaryDirectory() + "tally-files-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func refusedTargetsKeepTheirContent() throws {
        for name in ["read-only.csv", "linked.csv"] {
            _ = Self.run("export countries to \"\(Self.folder)/\(name)\"")
            #expect(TestFiles.read(Self.folder + "/" + name) == "old\n")
        }
        #expect(TestFiles.read(Self.folder + "/linked-too.csv") == "old\n")
    }

    @Test func exportKeepsTheModeOfTheFileItReplaces() throws {
        let folder = Self.scratchFolder()
        let path = folder + "/private.csv"
        FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(Self.run("export countries limit 1 to \"\(path)\"").hasPrefix("exported 1 row"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(TestFiles.read(path)?.hasPrefix("iso3,") == true)
    }

    @Test func exportWritesThroughASymbolicLink() throws {
        let folder = Self.scratchFolder()
        FileManager.default.createFile(atPath: folder + "/real.csv", contents: Data("old\n".utf8))
        symlink("real.csv", folder + "/link.csv")
        #expect(Self.run("export countries limit 1 to \"\(folder)/link.csv\"").hasPrefix("exported 1 row"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv") == "real.csv")
        #expect(TestFiles.read(folder + "/real.csv")?.hasPrefix("iso3,") == true)
    }

    /// Another user's links at every temporary name tally might pick must not redirect the write.
    @Test func exportFollowsNoPlantedLink() throws {
        let folder = Self.scratchFolder()
        let victim = folder + "/victim.txt"
        FileManager.default.createFile(atPath: victim, contents: Data("precious\n".utf8))
        symlink(victim, folder + "/out.csv.tally-tmp-\(getpid())")
        #expect(Self.run("export countries limit 1 to \"\(folder)/out.csv\"").hasPrefix("exported 1 row"))
        #expect(TestFiles.read(victim) == "precious\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["out.csv", "out.csv.tally-tmp-\(getpid())", "victim.txt"])
    }

    @Test func exportToANameNearTheLimit() throws {
        let folder = Self.scratchFolder()
        let name = String(repeating: "a", count: 251) + ".csv"
        #expect(Self.run("export countries limit 1 to \"\(folder)/\(name)\"").hasPrefix("exported 1 row"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [name])
    }

    @Test func cancelledWriteLeavesTheTargetAndNoTemporaryFile() throws {
        let folder = Self.scratchFolder()
        let path = folder + "/out.csv"
        FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: Diagnostic.self) { try FileWriter.write(String(repeating: "x", count: 3 << 20), to: path, cancellation: flag) }
        #expect(TestFiles.read(path) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.csv"])
    }
}

/// The bad-input catalogue, work that must not grow faster than its input.
@Suite struct BoundedWorkTests {
    @Test func headerNamesGiveLiteralNamesFirst() {
        #expect(HeaderNormalizer.normalize(["a", "a", "a_2", "A", " 2019", ""]) == ["a", "a_3", "a_2", "a_4", "_2019", "column_6"])
    }

    /// 1 MB header words took 14.6 s and 16,384 identical headers 10.5 s when normalising was quadratic.
    @Test func headerNamesTakeLinearTime() {
        let clock = ContinuousClock()
        let long = clock.measure { #expect(HeaderNormalizer.normalize([String(repeating: "a", count: 1 << 20)])[0].utf8.count == 1 << 20) }
        let many = clock.measure { #expect(Set(HeaderNormalizer.normalize(Array(repeating: "a", count: 16_384))).count == 16_384) }
        #expect(long < .seconds(2))
        #expect(many < .seconds(2))
    }

    /// The temporary file of an export keeps as much of the target's name as fits, cut between
    /// characters; the name was once shortened a character at a time, each step counting it again.
    @Test func temporaryNameOfALongTargetTakesLinearTime() {
        #expect(FileWriter.temporaryStem(of: "abc", room: 235) == "abc")
        #expect(FileWriter.temporaryStem(of: "abc", room: 2) == "ab")
        #expect(FileWriter.temporaryStem(of: "ae\u{301}b", room: 2) == "a")
        #expect(FileWriter.temporaryStem(of: "ae\u{301}b", room: 4) == "ae\u{301}")
        let decomposed = String(repeating: "e\u{301}", count: 1 << 14)
        let clock = ContinuousClock()
        var stem: Substring = ""
        let elapsed = clock.measure { stem = FileWriter.temporaryStem(of: decomposed, room: 235) }
        #expect(stem == Substring(String(repeating: "e\u{301}", count: 78)))
        #expect(elapsed < .seconds(1))
    }

    /// A year of -9223372036854775808 (pandas' missing-date marker) beside real years: the
    /// missing-years caveat once enumerated every year between them.
    @Test func missingYearsCaveatIsBounded() throws {
        let session = Session()
        let report = try CSVLoader.load(bytes: Array("year,n\n-9223372036854775808,1\n2017,2\n2019,3\n".utf8), path: "t.csv", name: "t")
        session.add(report, output: BufferedOutput())
        let output = BufferedOutput()
        #expect(session.run(SourceFile(name: "<test>", text: "t group by year show sum(n)"), mode: .script, output: output) == .success)
        #expect(output.output.contains("-9223372036854775808"))
        #expect(!output.errors.contains("missing-years"))
    }

    @Test func historyStartUpReadsOnlyTheTail() throws {
        let path = NSTemporaryDirectory() + "tally-history-\(UUID().uuidString)"
        defer { unlink(path) }
        var text = ""
        for index in 0..<400_000 { text += "#\(1_700_000_000 + index)\napplicants where year = \(index)\n" }
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let clock = ContinuousClock()
        var entries: [String] = []
        let elapsed = clock.measure { entries = HistoryFile.recentEntries(path: path, limit: 1000) }
        #expect(elapsed < .milliseconds(50))
        #expect(entries.count == 1000)
        #expect(entries.first == "applicants where year = 399000")
        #expect(entries.last == "applicants where year = 399999")
        #expect(HistoryFile.recentEntries(path: "/dev/zero", limit: 10) == [])
    }

    @Test func streamPiecesEndWhereStatementsEnd() {
        var assembler = StatementAssembler()
        let lines = ["-- a comment", "", "countries", "  where region = Europe", "  show count", "countries where (", "name = Aruba", ")", "applicants"]
        var pieces = lines.compactMap { assembler.add($0) }
        if let last = assembler.finish() { pieces.append(last) }
        #expect(pieces == [
            StatementAssembler.Piece(text: "countries\n  where region = Europe\n  show count", firstLine: 3),
            StatementAssembler.Piece(text: "countries where (\nname = Aruba\n)", firstLine: 6),
            StatementAssembler.Piece(text: "applicants", firstLine: 9),
        ])
    }

    @Test func longStatementsAreCheckedWithoutReparsing() {
        var assembler = StatementAssembler()
        _ = assembler.add("applicants where year in (")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for index in 0..<20_000 {
                _ = assembler.add("\(2000 + index % 20),")
                if !assembler.wantsMore { Issue.record("ended early at \(index)") }
            }
        }
        _ = assembler.add("2017)")
        #expect(!assembler.wantsMore)
        #expect(elapsed < .seconds(10))
    }
}

/// The bad-input catalogue, loads that wait or are stopped: a FIFO nobody writes to waits until
/// Ctrl-C, and a cancelled load leaves the catalog as it was.
@Suite struct CancelledLoadTests {
    @Test func fifoWithoutAWriterWaitsUntilCancelled() throws {
        let path = NSTemporaryDirectory() + "tally-fifo-\(UUID().uuidString)"
        try #require(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let session = Session()
        let before = BadInputCatalogueTests.fingerprint(session.catalog)
        let flag = session.cancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { flag.cancel() }
        let error = #expect(throws: Diagnostic.self) { _ = try CSVLoader.load(path: path, name: "f", cancellation: flag) }
        #expect(error?.code == "cancelled")
        #expect(error?.message == "load of '\(path)' cancelled while waiting for something to write to it")
        #expect(BadInputCatalogueTests.fingerprint(session.catalog) == before)
    }

    @Test func cancelledLoadStops() throws {
        let flag = CancellationFlag()
        flag.cancel()
        let path = BadInputCatalogueTests.folder + "/two-mb.csv"
        let error = #expect(throws: Diagnostic.self) { _ = try CSVLoader.load(path: path, name: "t", cancellation: flag) }
        #expect(error?.code == "cancelled")
    }
}

/// The bad-input catalogue, a file that changes while it is loaded.
@Suite struct ChangedFileTests {
    @Test func aFileChangedDuringTheLoadIsNoticed() throws {
        let path = NSTemporaryDirectory() + "tally-changing-\(UUID().uuidString).csv"
        defer { unlink(path) }
        FileManager.default.createFile(atPath: path, contents: Data("a\n1\n".utf8))
        let reader = try FileReader(path: path, limits: .standard)
        try reader.checkUnchanged()
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.close()
        #expect(throws: LoadError.changed) { try reader.checkUnchanged() }
        #expect(LoadError.changed.diagnostic(path: "x.csv", bytes: []).message == "'x.csv' changed while it was being loaded")
    }
}

/// The bad-input catalogue, Ctrl-C outside the executor's main loops: in the caveat loops (mixed units,
/// the partial period's date range) and in tab completion.
@Suite struct CancelledCaveatAndCompletionTests {
    /// A table of `rows` rows whose amounts `n` are in two units, alternately.
    static func mixedUnits(rows: Int) throws -> Catalog {
        var csv = "unit,n\n"
        for row in 0..<rows { csv += (row % 2 == 0 ? "cases" : "persons") + ",\(row)\n" }
        let info = DatasetInfo(measures: ["n"], roles: [.unit: ["unit"]])
        var catalog = Catalog()
        _ = catalog.add(try CSVLoader.load(bytes: Array(csv.utf8), path: "t.csv", name: "t", info: info).table, origin: .loaded)
        return catalog
    }

    /// The mixed-units caveat once summed every kept row without looking at the flag.
    @Test func mixedUnitsCaveatStopsWhenCancelled() throws {
        let caveats = try Self.caveatsOrCancelled("t show sum(n)", in: try Self.mixedUnits(rows: 10_000))
        #expect(caveats.map(\.code) == ["mixed-units"])
        // 0 + 2 + … + 9998 in cases, 1 + 3 + … + 9999 in persons.
        #expect(caveats.first?.message.contains("25,000,000 persons") == true, "\(caveats)")
        #expect(caveats.first?.message.contains("24,995,000 cases") == true, "\(caveats)")
    }

    /// The caveats of query `text` over `catalog`, after checking that they stop with "cancelled" when
    /// the flag is already set.
    static func caveatsOrCancelled(_ text: String, in catalog: Catalog) throws -> [Diagnostic] {
        let file = SourceFile(name: "<test>", text: text)
        let query = try #require(Parser.parse(file, mode: .script).statements.first.flatMap(RefinableQuery.query(of:)))
        let plan = try Binder.bind(query, in: file, catalog: catalog)
        let result = try Executor.run(plan).table
        let flag = CancellationFlag()
        flag.cancel()
        let error = #expect(throws: Diagnostic.self) { _ = try Executor.localFindings(of: plan, result: result, cancellation: flag) }
        #expect(error?.code == "cancelled")
        return try Executor.localFindings(of: plan, result: result).caveats
    }

    /// The partial-period caveat once read the whole date range without looking at the flag.
    @Test func partialPeriodCaveatStopsWhenCancelled() throws {
        var csv = "day,n\n"
        for row in 0..<10_000 { csv += ["2024-01-15", "2024-02-01", "2024-03-10"][row % 3] + ",1\n" }
        var catalog = Catalog()
        _ = catalog.add(try CSVLoader.load(bytes: Array(csv.utf8), path: "t.csv", name: "t").table, origin: .loaded)
        let caveats = try Self.caveatsOrCancelled("t group by month(day) show sum(n) limit 5", in: catalog)
        #expect(caveats.map(\.code) == ["partial-period"])
        #expect(
            caveats.first?.message
                == "the first month, 2024-01, has rows from 2024-01-15 and the last, 2024-03, until 2024-03-10: if the data stop there, their figures cover only part of the month")
    }

    /// Lookups, joins and parenthesised sources once ran to the end whatever the flag said; each
    /// now stops with "cancelled" (a parenthesised side while the query is bound, lookups and
    /// joins while it runs), and runs without the flag.
    @Test(arguments: [
        "applicants lookup population on destination = country, year group by year show sum(population)",
        "applicants join decisions on origin, destination, year show sum(applications)",
        "(applicants group by destination, year) lookup population on destination = country, year show sum(population)",
        "applicants where kind = new lookup (population group by country show max(population) as peak) on destination = country show max(peak)",
    ])
    func combiningStopsWhenCancelled(_ text: String) throws {
        let file = SourceFile(name: "<test>", text: text)
        let query = try #require(Parser.parse(file, mode: .script).statements.first.flatMap(RefinableQuery.query(of:)))
        let catalog = BadInputCatalogueTests.session.catalog
        let flag = CancellationFlag()
        flag.cancel()
        let error = #expect(throws: Diagnostic.self) {
            _ = try Executor.run(try Binder.bind(query, in: file, catalog: catalog, cancellation: flag), cancellation: flag)
        }
        #expect(error?.code == "cancelled")
        #expect(try Executor.run(Binder.bind(query, in: file, catalog: catalog)).table.rowCount > 0)
    }

    /// Completing a value of a column of 200,000 distinct values gives up, offering nothing, once the
    /// flag is set; without it, it offers every value that fits.
    @Test func completionGivesUpWhenCancelled() throws {
        var csv = "id\n"
        for row in 0..<200_000 { csv += "r\(row)\n" }
        var catalog = Catalog()
        _ = catalog.add(try CSVLoader.load(bytes: Array(csv.utf8), path: "big.csv", name: "big").table, origin: .loaded)
        let line = "big where id = r1"
        // r1, r10…r19, r100…r199, r1000…r1999, r10000…r19999, r100000…r199999.
        #expect(Completer(catalog: catalog).complete(line: line, cursor: line.utf8.count).count == 111_111)
        let flag = CancellationFlag()
        flag.cancel()
        #expect(Completer(catalog: catalog, cancellation: flag).complete(line: line, cursor: line.utf8.count) == [])
    }
}
