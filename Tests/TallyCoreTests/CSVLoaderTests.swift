import Foundation
import Testing
@testable import TallyCore

/// Whole loads: headers, delimiters, line ends, blank lines, streams, and a real UNHCR file.
@Suite struct CSVLoaderTests {
    @Test func headersAreNormalizedAndKeptAsWritten() throws {
        let table = try CSVTestSupport.load("Country of asylum,Year,2019,,Year,year_2, État--Civil ,__\n1,2,3,4,5,6,7,8\n").table
        #expect(table.columns.map(\.name) == [
            "country_of_asylum", "year", "_2019", "column_4", "year_3", "year_2", "état_civil", "column_8",
        ])
        #expect(table.columns.map(\.originalName) == [
            "Country of asylum", "Year", "2019", "", "Year", "year_2", " État--Civil ", "__",
        ])
        #expect(table.column(named: "Country of asylum")?.value(at: 0) == .integer(1))
    }

    @Test func quotedHeaderWithDelimiterAndQuote() throws {
        let table = try CSVTestSupport.load("\"a,b\",\"say \"\"hi\"\"\"\n1,2\n").table
        #expect(table.columns.map(\.name) == ["a_b", "say_hi"])
        #expect(table.columns.map(\.originalName) == ["a,b", "say \"hi\""])
    }

    @Test func delimiterByAgreement() throws {
        #expect(try CSVTestSupport.load("a;b;c\n1;2;3\n").table.columns.count == 3)
        #expect(try CSVTestSupport.load("a\tb\n1\t2\n").table.columns.map(\.name) == ["a", "b"])
        let semicolonWithDecimalCommas = try CSVTestSupport.load("name;value\nx;1,5\ny;2,5\n").table
        #expect(semicolonWithDecimalCommas.columns.map(\.name) == ["name", "value"])
        #expect(CSVTestSupport.strings(semicolonWithDecimalCommas, "value") == ["1,5", "2,5"])
        let tie = try CSVTestSupport.load("a,b;c\n1,2;3\n").table
        #expect(tie.columns.map(\.originalName) == ["a", "b;c"])
        let quotedCommas = try CSVTestSupport.load("a;b\n\"x,y,z\";1\n").table
        #expect(quotedCommas.columns.map(\.name) == ["a", "b"])
    }

    @Test func tsvExtensionMeansTab() throws {
        let table = try CSVTestSupport.load("a,b\tc\n1,2\t3\n", path: "data.TSV").table
        #expect(table.columns.map(\.originalName) == ["a,b", "c"])
        #expect(CSVTestSupport.strings(table, "a_b") == ["1,2"])
    }

    @Test func disagreeingDelimitersFallBackToComma() throws {
        let table = try CSVTestSupport.load("a;b\n1;2;3\n").table
        #expect(table.columns.map(\.originalName) == ["a;b"])
        #expect(CSVTestSupport.strings(table, "a_b") == ["1;2;3"])
    }

    @Test func lineEndsAndNoFinalNewline() throws {
        for text in ["a,b\n1,2\n3,4", "a,b\r\n1,2\r\n3,4\r\n", "a,b\n1,2\r\n3,4\r"] {
            let table = try CSVTestSupport.load(text).table
            #expect(table.rowCount == 2)
            #expect(CSVTestSupport.strings(table, "b") == ["2", "4"])
        }
    }

    /// The scanner reads unquoted fields eight bytes at a time; random unquoted inputs (long runs
    /// of plain bytes between delimiters, `\n`, `\r\n` and lone `\r`) split as a byte-at-a-time
    /// reading of the rules does.
    @Test func unquotedFieldsSplitAsTheRulesSay() throws {
        func reference(_ bytes: [UInt8]) -> [[String]] {
            var records: [[String]] = [], fields: [String] = [], field: [UInt8] = []
            var open = false, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let endsLine = byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] == 0x0A))
                if byte == 0x2C {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field = []
                    open = true
                } else if endsLine {
                    fields.append(String(decoding: field, as: UTF8.self))
                    records.append(fields)
                    fields = []
                    field = []
                    open = false
                    if byte == 0x0D, index + 1 < bytes.count { index += 1 }
                } else {
                    field.append(byte)
                    open = true
                }
                index += 1
            }
            if open { records.append(fields + [String(decoding: field, as: UTF8.self)]) }
            return records
        }
        let alphabet = Array("abcdefgh123456789é,,,\n\n\r".utf8)
        var state: UInt64 = 0x853C_49E6_748F_EA9B
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 57)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let records = try CSVTestSupport.records(bytes).map(\.fields)
            #expect(records == reference(bytes), "\(bytes)")
        }
    }

    @Test func quotedLineBreaksAreKeptByteForByte() throws {
        let table = try CSVTestSupport.load("a,b\r\n\"one\r\ntwo\nthree\",1\r\n").table
        #expect(CSVTestSupport.strings(table, "a") == ["one\r\ntwo\nthree"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let table = try CSVTestSupport.load("\u{FEFF}Date,n\nx,1\n").table
        #expect(table.columns.map(\.name) == ["date", "n"])
    }

    @Test func blankLinesAreSkippedAndCounted() throws {
        let report = try CSVTestSupport.load("\na,b\n1,2\n\n3,4\r\n\r\n")
        #expect(report.table.rowCount == 2)
        #expect(report.notes == ["skipped 3 blank lines"])
        let one = try CSVTestSupport.load("a,b\n1,2\n\n")
        #expect(one.notes == ["skipped 1 blank line"])
    }

    @Test func blankLinesInOneColumnFileAreMissingValues() throws {
        let report = try CSVTestSupport.load("n\n1\n\n2\n")
        #expect(report.notes.isEmpty)
        #expect(report.table.columns[0].type == .integer)
        #expect((0..<3).map { report.table.columns[0].value(at: $0) } == [.integer(1), .missing, .integer(2)])
    }

    @Test func headerOnlyIsATableWithNoRows() throws {
        let table = try CSVTestSupport.load("a,b\n").table
        #expect(table.rowCount == 0)
        #expect(table.columns.map(\.type) == [.text, .text])
        #expect(table.columns.map(\.count) == [0, 0])
    }

    @Test func trailingEmptyFieldAtEndOfFile() throws {
        let table = try CSVTestSupport.load("a,b\n1,").table
        #expect(table.rowCount == 1)
        #expect(table.columns[1].value(at: 0) == .missing)
    }

    @Test func loadsFromAFile() throws {
        let path = try CSVTestSupport.write(Array("year,n\n2020,1\n2021,2\n".utf8), named: "small.csv")
        let report = try CSVLoader.load(path: path, name: "small", info: DatasetInfo(description: "d"))
        #expect(report.table.name == "small")
        #expect(report.table.info.description == "d")
        #expect(CSVTestSupport.strings(report.table, "n") == ["1", "2"])
    }

    @Test func readsAFIFOAsAStream() throws {
        let fifo = try CSVTestSupport.temporaryDirectory().appendingPathComponent("stream.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf 'a,b\\n1,x\\n2,y\\n' > '\(fifo)'"]
        try writer.run()
        let table = try CSVLoader.load(path: fifo, name: "s").table
        writer.waitUntilExit()
        #expect(CSVTestSupport.strings(table, "b") == ["x", "y"])
    }

    @Test func readsInManySmallChunks() throws {
        let text = "a,b\n" + (0..<500).map { "\($0),\"v\n\($0)\"" }.joined(separator: "\n")
        let path = try CSVTestSupport.write(Array(text.utf8), named: "chunks.csv")
        let limits = CSVLimits(maxFieldBytes: 64, maxColumns: 10, chunkBytes: 7)
        let table = try CSVLoader.load(path: path, name: "c", info: DatasetInfo(), limits: limits).table
        #expect(table.rowCount == 500)
        #expect(table.columns[1].value(at: 499) == .text("v\n499"))
    }

    /// The expected numbers come from sqlite3 on the same file:
    /// `sqlite3 :memory: '.mode csv' '.import asylum_applications.csv t' 'select count(*),
    /// sum(cast(applied as integer)), sum(cast(year as integer)), count(distinct coo),
    /// count(distinct coa_name), count(distinct app_type), min(cast(year as integer)),
    /// max(cast(year as integer)), max(cast(applied as integer)) from t'` →
    /// `120597,40727399,242898375,215,186,10,2000,2025,404142`; `select count(*) from t where
    /// coo_iso = 'NA' or coo = 'NA' or app_type = 'NA'` → 358; the last row's `coo_name, applied` →
    /// `Pakistan,5`.
    @Test(.enabled(if: CSVTestSupport.sharedPath("data/unhcr/asylum_applications.csv") != nil, "../shared/data/unhcr is absent"))
    func unhcrAsylumApplications() throws {
        let path = try #require(CSVTestSupport.sharedPath("data/unhcr/asylum_applications.csv"))
        let report = try CSVLoader.load(path: path, name: "applications")
        let table = report.table
        #expect(report.notes.isEmpty)
        #expect(table.rowCount == 120_597)
        #expect(table.columns.map(\.name) == [
            "year", "coo_name", "coo", "coo_iso", "coa_name", "coa", "coa_iso", "procedure_type", "app_type",
            "dec_level", "app_pc", "applied",
        ])
        guard case .integer(let applied) = try #require(table.column(named: "applied")).data,
            case .integer(let years) = try #require(table.column(named: "year")).data
        else {
            Issue.record("year and applied should be integer columns")
            return
        }
        #expect(applied.reduce(0, +) == 40_727_399)
        #expect(applied.max() == 404_142)
        #expect(years.reduce(0, +) == 242_898_375)
        #expect(years.min() == 2000 && years.max() == 2025)
        func distinct(_ name: String) -> Int? {
            guard case .text(_, let dictionary) = table.column(named: name)?.data else { return nil }
            return dictionary.count
        }
        #expect(distinct("coo") == 215)
        #expect(distinct("coa_name") == 186)
        #expect(distinct("app_type") == 10)
        #expect(table.columns.allSatisfy { $0.validity == nil })
        let namibia = (0..<table.rowCount).filter { row in
            ["coo_iso", "coo", "app_type"].contains { table.column(named: $0)?.value(at: row) == .text("NA") }
        }
        #expect(namibia.count == 358)
        #expect(table.column(named: "coo_name")?.value(at: 120_596) == .text("Pakistan"))
        #expect(applied.last == 5)
    }
}
