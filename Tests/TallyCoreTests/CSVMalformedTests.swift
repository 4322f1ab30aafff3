import Foundation
import Testing
@testable import TallyCore

/// Broken and hostile input: each ends in one `load-…` diagnostic with the whole message and location.
@Suite struct CSVMalformedTests {
    private func location(_ line: Int, _ column: Int, _ path: String = "bad.csv") -> Diagnostic.FileLocation {
        Diagnostic.FileLocation(path: path, line: line, column: column)
    }

    private func rendered(_ diagnostic: Diagnostic?) -> String {
        guard let diagnostic else { return "loaded" }
        return DiagnosticRenderer().render(diagnostic, in: nil)
    }

    @Test func tooFewFields() {
        let error = CSVTestSupport.loadError("a,b,c\n1,2,3\n4,5\n6,7,8\n")
        #expect(error?.code == "load-field-count")
        #expect(rendered(error) == "error: line 3 of 'bad.csv' has 2 fields, the header has 3\n --> bad.csv:3:4\n")
    }

    @Test func tooManyFields() {
        let error = CSVTestSupport.loadError("a,b\r\n1,2\r\n\"x\",2,\"3\"\r\n")
        #expect(error?.message == "line 3 of 'bad.csv' has 3 fields, the header has 2")
        #expect(error?.fileLocation == location(3, 7))
    }

    @Test func fieldCountCountsPhysicalLines() {
        let error = CSVTestSupport.loadError("a,b\n\"multi\nline\",1\n1\n")
        #expect(error?.message == "line 4 of 'bad.csv' has 1 field, the header has 2")
        #expect(error?.fileLocation == location(4, 2))
    }

    @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() {
        let error = CSVTestSupport.loadError("a,b\n1,\"abc\n2,3\n4,5\n")
        #expect(error?.code == "load-unterminated-quote")
        #expect(rendered(error) == "error: a quoted field in 'bad.csv' is never closed\n --> bad.csv:2:3\n")
    }

    @Test func textAfterClosingQuote() {
        let error = CSVTestSupport.loadError("a,b\n1,\"x\" y\n")
        #expect(error?.code == "load-text-after-quote")
        #expect(error?.message == "unexpected text after a closing quote in 'bad.csv'")
        #expect(error?.fileLocation == location(2, 7))
    }

    @Test func spacesAfterClosingQuoteAreDropped() throws {
        let table = try CSVTestSupport.load("a,b\n1,\"x\"  \n\"y\" ,2\n").table
        #expect(CSVTestSupport.strings(table, "a") == ["1", "y"])
        #expect(CSVTestSupport.strings(table, "b") == ["x", "2"])
    }

    @Test func bareQuoteInUnquotedFieldIsData() throws {
        let table = try CSVTestSupport.load("a,b\n1,ab\"c\n2,5\"\n").table
        #expect(CSVTestSupport.strings(table, "b") == ["ab\"c", "5\""])
    }

    @Test func invalidUTF8NamesTheBadByte() {
        let error = CSVTestSupport.loadError(Array("a,b\nx,caf".utf8) + [0xE9] + Array(",\n".utf8))
        #expect(error?.code == "load-invalid-utf8")
        #expect(rendered(error) == "error: 'bad.csv' is not valid UTF-8\n --> bad.csv:2:6\n")
        let afterMultibyte = CSVTestSupport.loadError(Array("a\né".utf8) + [0xED, 0xA0, 0x80])
        #expect(afterMultibyte?.fileLocation == location(2, 2))
        let overlong = CSVTestSupport.loadError([0x61, 0x0A, 0xC0, 0xAF])
        #expect(overlong?.fileLocation == location(2, 1))
    }

    @Test func emptyFiles() {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n".utf8)] {
            let error = CSVTestSupport.loadError(bytes)
            #expect(error?.code == "load-empty")
            #expect(error?.message == "'bad.csv' is empty: a CSV file needs at least a header line")
        }
    }

    @Test func binaryData() {
        let gzip = CSVTestSupport.loadError([0x1F, 0x8B, 0x08, 0x00, 0x41])
        #expect(rendered(gzip) == "error: 'bad.csv' is not a text CSV file (it looks like gzip-compressed data)\n")
        let zip = CSVTestSupport.loadError([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], path: "book.xlsx")
        #expect(zip?.message == "'book.xlsx' is not a text CSV file (it looks like a zip archive, such as an .xlsx workbook)")
        let nul = CSVTestSupport.loadError(Array("a,b\n1,".utf8) + [0] + Array("\n".utf8))
        #expect(nul?.code == "load-binary")
        #expect(nul?.message == "'bad.csv' is not a text CSV file (it contains NUL bytes)")
    }

    @Test func devZeroStopsAtTheFirstChunk() {
        #expect(throws: Diagnostic(code: "load-binary", message: "'/dev/zero' is not a text CSV file (it contains NUL bytes)")) {
            try CSVLoader.load(path: "/dev/zero", name: "z")
        }
    }

    @Test func missingFileAndDirectory() throws {
        #expect(throws: Diagnostic(code: "load-missing-file", message: "cannot open '/nonexistent/x.csv': no such file")) {
            try CSVLoader.load(path: "/nonexistent/x.csv", name: "x")
        }
        let directory = try CSVTestSupport.temporaryDirectory().path
        #expect(throws: Diagnostic(code: "load-directory", message: "cannot load '\(directory)': it is a directory, not a CSV file")) {
            try CSVLoader.load(path: directory, name: "x")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file"))
    func unreadableFile() throws {
        let path = try CSVTestSupport.write(Array("a\n1\n".utf8), named: "secret.csv")
        #expect(chmod(path, 0) == 0)
        defer { _ = chmod(path, 0o600) }
        #expect(throws: Diagnostic(code: "load-unreadable", message: "cannot read '\(path)': permission denied")) {
            try CSVLoader.load(path: path, name: "x")
        }
    }

    @Test func fieldLongerThanTheLimit() {
        var limits = CSVLimits()
        limits.maxFieldBytes = 8
        let unquoted = CSVTestSupport.loadError(Array("a,b\n1,123456789\n".utf8), limits: limits)
        #expect(unquoted?.message == "a field of 'bad.csv' is longer than 8 bytes")
        #expect(unquoted?.fileLocation == location(2, 3))
        let quoted = CSVTestSupport.loadError(Array("a,b\n1,\"1234\n56789\"\n".utf8), limits: limits)
        #expect(quoted?.code == "load-field-too-long")
        #expect(quoted?.fileLocation == location(2, 3))
    }

    @Test func lineLongerThanTheLimitStopsTheReader() throws {
        let path = try CSVTestSupport.write(Array("a,b\n1,2\n".utf8) + Array(repeating: 0x78, count: 100), named: "long.csv")
        let limits = CSVLimits(maxFieldBytes: 16, maxColumns: 10, chunkBytes: 8)
        #expect(throws: Diagnostic(
            code: "load-line-too-long", message: "a line of '\(path)' is longer than 16 bytes",
            fileLocation: Diagnostic.FileLocation(path: path, line: 3, column: 1))) {
            try CSVLoader.load(path: path, name: "x", info: DatasetInfo(), limits: limits)
        }
    }

    /// An endless single line from a pipe ends with an error at the real 64 MiB limit instead of a hang.
    @Test func endlessLineFromAPipeStopsAtTheLimit() throws {
        let fifo = try CSVTestSupport.temporaryDirectory().appendingPathComponent("endless.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "yes abcdefgh | tr -d '\\n' > '\(fifo)' 2>/dev/null"]
        try writer.run()
        #expect(throws: Diagnostic(
            code: "load-line-too-long", message: "a line of '\(fifo)' is longer than 64 MiB",
            fileLocation: Diagnostic.FileLocation(path: fifo, line: 1, column: 1))) {
            try CSVLoader.load(path: fifo, name: "x")
        }
        writer.waitUntilExit()
    }

    @Test func tooManyColumns() {
        var limits = CSVLimits()
        limits.maxColumns = 4
        let error = CSVTestSupport.loadError(Array("a,b\n1,2,3,4,5,6\n".utf8), limits: limits)
        #expect(error?.code == "load-too-many-columns")
        #expect(error?.message == "a line of 'bad.csv' has more than 4 fields")
        #expect(error?.fileLocation == location(2, 1))
    }

    /// Many short random inputs over CSV's special bytes: each loads into equal-length columns or ends in
    /// a `load-…` diagnostic; none traps (the debug build checks every index).
    @Test func randomInputsLoadOrFailCleanly() {
        let alphabet: [UInt8] = Array("a,\"\n\r;\t1.-eNA ".utf8) + [0xC3, 0xA9, 0xEF, 0xBB, 0xBF]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 58)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            do {
                let table = try CSVLoader.load(bytes: bytes, path: "r.csv", name: "r").table
                #expect(table.columns.allSatisfy { $0.count == table.rowCount && ($0.validity?.count ?? table.rowCount) == table.rowCount })
            } catch {
                #expect(error.code.hasPrefix("load-"))
            }
        }
    }
}
