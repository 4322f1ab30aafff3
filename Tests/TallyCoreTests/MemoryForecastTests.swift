import Foundation
import Testing
@testable import TallyCore

/// The memory budget is checked on what the columns cost by their types, projected from the first
/// blocks, not on the file's size: a narrow numeric file costs four times its bytes, a wide one as
/// much, a file of a few long words almost nothing.
@Suite struct MemoryForecastTests {
    /// Blocks of 1 MiB in four parts (the standard tuning at an eighth of its size): files of a few
    /// MB are checked after their first block, which also holds the delimiter's 1 MiB sample.
    static let tuning = LoadTuning(blockBytes: 1 << 20, partBytes: 256 << 10, threads: 2)

    /// Writes `text` to a fresh temporary file and returns its path.
    static func write(_ text: String) -> String {
        let path = NSTemporaryDirectory() + "tally-memory-\(UUID().uuidString).csv"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    /// Loads `path` under a budget of `megabytes`: the table, or the diagnostic.
    static func load(_ path: String, megabytes: Int64) -> Result<Table, Diagnostic> {
        var limits = CSVLimits.standard
        limits.budgetMegabytes = megabytes
        return Result { () throws(Diagnostic) in
            try CSVLoader.load(path: path, name: "t", info: DatasetInfo(), limits: limits, tuning: tuning).table
        }
    }

    /// The megabytes an over-budget error says the load would need.
    static func neededMegabytes(_ error: Diagnostic) -> Int? {
        guard let range = error.message.range(of: "would need about ") else { return nil }
        return Int(error.message[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber))
    }

    /// `v` and 1,500,000 lines of `1`: 3 MB of file, 11.4 MiB of 64-bit integers. The old estimate,
    /// twice the file (5.7 MiB), let it load under a 6 MB budget. Besides the integers the load holds
    /// its first block (2 MiB: the delimiter's sample and a block) and that block's rows as integers
    /// again in the parts' chunks (8 MiB, and room to grow), so up to 32 MB.
    @Test func narrowNumericFileCostsItsIntegers() throws {
        let path = Self.write("v\n" + String(repeating: "1\n", count: 1_500_000))
        defer { unlink(path) }
        guard case .failure(let error) = Self.load(path, megabytes: 6) else {
            Issue.record("loaded under a 6 MB budget")
            return
        }
        #expect(error.code == "load-over-budget")
        #expect(error.message == "loading '\(path)' would need about \(Self.neededMegabytes(error) ?? 0) MB of memory, more than the memory budget of 6 MB")
        #expect(error.help == ["raise the budget with `set memory N` (in megabytes), or load a smaller file"])
        let needed = try #require(Self.neededMegabytes(error))
        #expect((12...32).contains(needed), "\(error.message)")
        #expect(try Self.load(path, megabytes: 48).get().rowCount == 1_500_000)
    }

    /// 2,000 columns of 500 rows of `7`: 2 MB of file, 7.6 MiB of integers. Each part of a block
    /// holds a chunk per column too.
    @Test func wideFileCostsEveryColumn() throws {
        let header = (0..<2_000).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "7", count: 2_000).joined(separator: ",")
        let path = Self.write(header + "\n" + String(repeating: row + "\n", count: 500))
        defer { unlink(path) }
        guard case .failure(let error) = Self.load(path, megabytes: 6) else {
            Issue.record("loaded under a 6 MB budget")
            return
        }
        #expect(error.code == "load-over-budget")
        let needed = try #require(Self.neededMegabytes(error))
        #expect((8...24).contains(needed), "\(error.message)")
        let table = try Self.load(path, megabytes: 48).get()
        #expect(table.columns.count == 2_000)
        #expect(table.rowCount == 500)
    }

    /// 200,000 rows of four long words: 6.6 MB of file, 0.8 MB of codes. The old estimate refused it
    /// under 13 MB.
    @Test func fewLongWordsCostTheirCodes() throws {
        let words = (0..<4).map { "a-rather-long-category-name-\($0)" }
        let path = Self.write("name\n" + (0..<200_000).map { words[$0 % 4] + "\n" }.joined())
        defer { unlink(path) }
        let table = try Self.load(path, megabytes: 8).get()
        #expect(table.rowCount == 200_000)
        guard case .text(_, let dictionary) = table.columns[0].data else {
            Issue.record("not text")
            return
        }
        #expect(dictionary.values == words)
    }

    /// Distinct values cost their strings too: 200,000 identifiers of 21 characters cost an arena
    /// copy, an end offset, hash slots and a string of their own each (about 150 bytes), 29 MB.
    @Test func distinctValuesCostTheirStrings() throws {
        let path = Self.write("id\n" + (0..<200_000).map { "identifier-\(1_000_000_000 + $0)\n" }.joined())
        defer { unlink(path) }
        guard case .failure(let error) = Self.load(path, megabytes: 16) else {
            Issue.record("loaded under a 16 MB budget")
            return
        }
        let needed = try #require(Self.neededMegabytes(error))
        #expect((24...48).contains(needed), "\(error.message)")
        #expect(try Self.load(path, megabytes: 96).get().rowCount == 200_000)
    }
}
