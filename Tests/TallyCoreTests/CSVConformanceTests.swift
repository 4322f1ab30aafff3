import Foundation
import Testing
@testable import TallyCore

/// The public csv-spectrum and commons-csv cases in `../shared/csv-suites`, read at test time.
@Suite struct CSVConformanceTests {
    /// The commons-csv parser cases, under `../shared`.
    static let commonsCSV = "csv-suites/commons-csv/CSVFileParser"

    static let spectrumCases = [
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "location_coordinates", "newlines",
        "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ]

    /// Every csv-spectrum file loads to the rows of its JSON (values compared as plain text; a missing
    /// value reads as ""). `location_coordinates.json` is wrong upstream (an object, and another phone
    /// number), so only its other three fields are compared.
    @Test(.enabled(if: CSVTestSupport.sharedPath("csv-suites/csv-spectrum") != nil, "../shared/csv-suites/csv-spectrum is absent"),
          arguments: spectrumCases)
    func csvSpectrum(_ name: String) throws {
        let suite = try #require(CSVTestSupport.sharedPath("csv-suites/csv-spectrum"))
        let report = try CSVLoader.load(path: "\(suite)/csvs/\(name).csv", name: name)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(suite)/json/\(name).json")))
        var rows: [[String: String]]
        if let array = json as? [[String: String]] {
            rows = array
        } else {
            let object = try #require(json as? [String: String])
            rows = [object.filter { $0.key != "Contact Phone Number" }]
        }
        let table = report.table
        #expect(table.rowCount == rows.count)
        #expect(report.notes.isEmpty)
        for (index, row) in rows.enumerated() where index < table.rowCount {
            for (header, expected) in row {
                let column = try #require(table.columns.first { $0.originalName == header }, "no column \(header)")
                #expect(column.value(at: index).description == expected, "\(name) row \(index) column \(header)")
            }
        }
    }

    /// commons-csv `test.csv` read the plain RFC 4180 way matches `test_rfc4180.txt` record for record
    /// (at the scanner, since the file's comment lines have other field counts than its header).
    @Test(.enabled(if: CSVTestSupport.sharedPath(commonsCSV) != nil, "../shared/csv-suites/commons-csv is absent"))
    func commonsCSVRFC4180() throws {
        try compareCommonsCSV(control: "test_rfc4180.txt", skipBlank: false)
    }

    /// With blank lines skipped (tally's policy for multi-column files) it matches `test_default.txt`,
    /// whose setting `IgnoreEmpty=true` is that policy.
    @Test(.enabled(if: CSVTestSupport.sharedPath(commonsCSV) != nil, "../shared/csv-suites/commons-csv is absent"))
    func commonsCSVIgnoreEmpty() throws {
        try compareCommonsCSV(control: "test_default.txt", skipBlank: true)
    }

    /// The byte-order mark before `bom.csv`'s header is skipped: first column `Date`, 251 rows.
    @Test(.enabled(if: CSVTestSupport.sharedPath(commonsCSV) != nil, "../shared/csv-suites/commons-csv is absent"))
    func commonsCSVByteOrderMark() throws {
        let suite = try #require(CSVTestSupport.sharedPath(Self.commonsCSV))
        let table = try CSVLoader.load(path: "\(suite)/bom.csv", name: "bom").table
        #expect(table.rowCount == 251)
        #expect(table.columns.map(\.name) == ["date", "open", "high", "low", "close", "volume"])
        // `Low` holds one `-` (a placeholder, not a number), which makes that column text.
        #expect(table.columns.map(\.type) == [.text, .decimal, .decimal, .text, .decimal, .integer])
        #expect(table.columns[0].value(at: 0) == .text("14-Mar-14"))
        #expect(table.columns[1].value(at: 0) == .decimal(223.80))
        #expect(table.columns[5].value(at: 0) == .integer(79448141))
    }

    private func compareCommonsCSV(control: String, skipBlank: Bool) throws {
        let suite = try #require(CSVTestSupport.sharedPath(Self.commonsCSV))
        let controlLines = try String(contentsOfFile: "\(suite)/\(control)", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = controlLines.dropFirst(2).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: "\(suite)/test.csv")))
        let records = try CSVTestSupport.records(bytes).filter { !(skipBlank && $0.isBlank) }
        let rendered = records.map { "\($0.fields.count):[\($0.fields.joined(separator: ", "))]" }
        #expect(rendered == Array(expected))
    }
}
