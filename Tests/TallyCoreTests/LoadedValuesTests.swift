import Foundation
import Testing
@testable import TallyCore

/// What a loaded file becomes, and what the session says about it: old Mac line ends, whole numbers
/// that change as decimals, `let` replacing a dataset, a decimal year column.
@Suite struct LoadedValuesTests {
    /// Lines ending with a carriage return alone load as lines, from memory and from a file.
    @Test func carriageReturnLineEnds() throws {
        let text = "a,b\r1,2\r3,4\r"
        let table = try CSVTestSupport.load(text).table
        #expect(table.columns.map(\.name) == ["a", "b"])
        #expect(table.rowCount == 2)
        #expect(table.columns[1].value(at: 1) == .integer(4))
        let path = try CSVTestSupport.write(Array("name,n\r\"x, y\",1\rz,2".utf8), named: "mac.csv")
        let fromFile = try CSVLoader.load(path: path, name: "mac").table
        #expect(CSVTestSupport.strings(fromFile, "name") == ["x, y", "z"])
        #expect(fromFile.columns[1].value(at: 1) == .integer(2))
    }

    /// Windows line ends and a final lone `\r` keep loading as before.
    @Test func otherLineEndsAreUnchanged() throws {
        #expect(try CSVTestSupport.load("a,b\r\n1,2\r\n").table.rowCount == 1)
        #expect(try CSVTestSupport.load("a,b\n1,2\r").table.columns[1].value(at: 0) == .integer(2))
    }

    /// 9007199254740993 is 2^53 + 1, which a decimal cannot hold (it becomes 2^53);
    /// 9223372036854775808 (2^63, beyond 64-bit integers) can.
    @Test func wholeNumbersThatChangeAsDecimalsAreReported() throws {
        let report = try CSVTestSupport.load("id,v\n9007199254740993,1\n9223372036854775808,2\n")
        #expect(report.table.columns[0].type == .decimal)
        #expect(report.warnings == [
            "id holds whole numbers too large to keep exactly as decimals, so some changed; the first, in row 1: 9007199254740993 is now 9007199254740992",
        ])
        let beyond = try CSVTestSupport.load("id\n1.5\n9223372036854775809\n")
        #expect(beyond.warnings == [
            "id holds whole numbers too large to keep exactly as decimals, so some changed; the first, in row 2: 9223372036854775809 is now 9223372036854775808",
        ])
        #expect(try CSVTestSupport.load("id\n9223372036854775808\n1.5\n9007199254740992\n").warnings.isEmpty)
        #expect(try CSVTestSupport.load("id\n9007199254740993\n").warnings.isEmpty)
    }

    @Test func letReplacingADatasetSaysSo() {
        let harness = QueryHarness()
        #expect(harness.run("let a = t where kind = new").errors == "let a: 4 rows, 5 columns\n")
        #expect(harness.run("let A = t where kind = other").errors == "replaced a with A: 1 row, 5 columns\n")
        #expect(harness.run("let A = t").errors == "replaced A: 6 rows, 5 columns\n")
    }

    /// A decimal time column is a year: no thousands separators, in any result.
    @Test func decimalYearHasNoThousandsSeparators() {
        let harness = QueryHarness(extra: [
            (name: "d", csv: "year,v\n2017.5,1\n2018,2\n", info: DatasetInfo(timeColumn: "year", measures: ["v"])),
        ])
        harness.session.settings.format = .table
        let rows = harness.run("d show year, v").output
        #expect(rows.contains("│ 2017.50 │"))
        #expect(rows.contains("│ 2018.00 │"))
        #expect(harness.run("d group by year").output.contains("│ 2017.50 │"))
    }
}
