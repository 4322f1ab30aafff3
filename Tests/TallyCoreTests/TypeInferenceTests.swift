import Testing
@testable import TallyCore

/// Column types inferred over whole columns, and the values built from the bytes.
@Suite struct TypeInferenceTests {
    private func column(_ text: String, _ name: String = "x") throws -> Column {
        let table = try CSVTestSupport.load(text).table
        return try #require(table.column(named: name))
    }

    private func values(_ column: Column) -> [Value] { (0..<column.count).map { column.value(at: $0) } }

    /// Dates are read into day numbers as fields are classified; in every year 0001–9999 the edges
    /// of February and of the year agree with `CalendarText.moment` (the reader of datetimes), and
    /// impossible days (`-02-30`, `-13-01`, `-00-10`, year 0000) are text.
    @Test func isoDatesAgreeWithTheCalendarInEveryYear() {
        func classified(_ text: String) -> FieldClassifier.Class {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { FieldClassifier.classify($0, start: 0, length: $0.count) }
        }
        var disagreements: [String] = []
        for year in 0...9999 {
            let digits = String(year)
            let written = String(repeating: "0", count: 4 - digits.count) + digits
            for suffix in ["-01-01", "-02-28", "-02-29", "-02-30", "-03-01", "-12-31", "-13-01", "-00-10", "-06-00"] {
                let text = written + suffix
                let expected = CalendarText.moment(text.utf8).map { FieldClassifier.Class.date(Int32($0.seconds / CivilCalendar.secondsPerDay)) } ?? .text
                if classified(text) != expected { disagreements.append(text) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(classified("1970-01-01") == .date(0) && classified("2024-02-29") == .date(19_782))
        #expect(classified("1900-02-29") == .text && classified("2024-3-01x") == .text && classified("2024-03-1a") == .text)
    }

    @Test func integersWithSigns() throws {
        let x = try column("x\n1\n-2\n+3\n0\n-0\n")
        #expect(x.type == .integer)
        #expect(values(x) == [.integer(1), .integer(-2), .integer(3), .integer(0), .integer(0)])
        #expect(x.validity == nil)
    }

    @Test func sixtyFourBitBoundsStayInteger() throws {
        let x = try column("x\n-9223372036854775808\n9223372036854775807\n")
        #expect(values(x) == [.integer(.min), .integer(.max)])
    }

    @Test func integerBeyondSixtyFourBitsMakesTheColumnDecimal() throws {
        let x = try column("x\n1\n9223372036854775808\n")
        #expect(x.type == .decimal)
        #expect(values(x) == [.decimal(1), .decimal(9223372036854775808.0)])
    }

    @Test func decimalForms() throws {
        let x = try column("x\n1.5\n2\n.5\n3.\n1e3\n-2.5E-3\n+4e+1\n")
        #expect(x.type == .decimal)
        #expect(values(x) == [1.5, 2, 0.5, 3, 1000, -0.0025, 40].map { Value.decimal($0) })
    }

    /// Expected doubles are Swift literals, which the compiler rounds correctly.
    @Test func decimalsAreCorrectlyRounded() throws {
        let x = try column(
            "x\n0.1\n0.30000000000000004\n3.14159265358979323846264338327950288\n9007199254740993.0\n"
                + "2.2250738585072014e-308\n1.7976931348623157e308\n123456.789e-3\n4.9e-324\n")
        #expect(values(x) == [
            0.1, 0.30000000000000004, 3.141592653589793, 9007199254740992.0, 2.2250738585072014e-308,
            1.7976931348623157e308, 123.456789, 4.9e-324,
        ].map { Value.decimal($0) })
    }

    @Test func leadingZeroKeepsTheColumnText() throws {
        let zip = try column("zip\n08123\n1\n", "zip")
        #expect(zip.type == .text)
        #expect(values(zip) == [.text("08123"), .text("1")])
        let fractions = try column("x\n0\n0.5\n-0.25\n")
        #expect(fractions.type == .decimal)
        #expect(try column("x\n1\n-08\n").type == .text)
        #expect(try column("x\n1\n00.5\n").type == .text)
    }

    @Test func nanInfinityHexAndOtherNonNumbersAreText() throws {
        for odd in ["nan", "NaN", "inf", "-Infinity", "0x1F", "1e", "e5", "-", ".", "1.2.3", " 12", "12 ", "1,5", "1e400", "١٢"] {
            let x = try column("x\n1\n\"\(odd)\"\n")
            #expect(x.type == .text, "\(odd)")
            #expect(values(x) == [.text("1"), .text(odd)])
        }
    }

    @Test func quotedNumbersAreNumbers() throws {
        #expect(values(try column("x\n\"12\"\n3\n")) == [.integer(12), .integer(3)])
    }

    @Test func booleansInAnyCase() throws {
        let flag = try column("flag\ntrue\nFALSE\n\nTrue\n", "flag")
        #expect(flag.type == .boolean)
        #expect(values(flag) == [.boolean(true), .boolean(false), .missing, .boolean(true)])
        #expect(try column("x\ntrue\n1\n").type == .text)
        #expect(try column("x\n0\nfalse\n").type == .text)
        #expect(try column("x\ntrue\nyes\n").type == .text)
        #expect(try column("x\ntrue\nNA\n").type == .text)
        #expect(try column("x\nNA\ntrue\n").type == .text)
    }

    @Test func missingTokensAreMissingInNumericColumns() throws {
        let x = try column("x\n1\nNA\nN/A\nnull\n\nNULL\nn/a\n2.5\n")
        #expect(x.type == .decimal)
        #expect(values(x) == [.decimal(1), .missing, .missing, .missing, .missing, .missing, .missing, .decimal(2.5)])
        #expect(x.missingCount == 6)
    }

    @Test func missingTokensAreTextInTextColumns() throws {
        let code = try column("code\nNA\nRU\n\n", "code")
        #expect(code.type == .text)
        #expect(values(code) == [.text("NA"), .text("RU"), .missing])
        let onlyTokens = try column("x\nNA\n\nnull\n")
        #expect(onlyTokens.type == .text)
        #expect(values(onlyTokens) == [.text("NA"), .missing, .text("null")])
    }

    @Test func entirelyEmptyColumnIsTextAndMissing() throws {
        let table = try CSVTestSupport.load("a,b\n1,\n2,\"\"\n").table
        let b = try #require(table.column(named: "b"))
        #expect(b.type == .text)
        #expect(b.missingCount == 2)
        guard case .text(_, let dictionary) = b.data else { Issue.record("not text"); return }
        #expect(dictionary.values == [""], "missing rows hold code 0, so the dictionary keeps one placeholder")
        #expect(table.column(named: "a")?.validity == nil)
    }

    @Test func dictionaryInFirstSeenOrder() throws {
        let x = try column("x\nb\na\nb\n\"x\"\"y\"\nx\"y\nc\n")
        guard case .text(let codes, let dictionary) = x.data else { Issue.record("not text"); return }
        #expect(dictionary.values == ["b", "a", "x\"y", "c"])
        #expect(codes == [0, 1, 0, 2, 2, 3])
    }

    @Test func manyDistinctValuesKeepTheirCodes() throws {
        let text = "x\n" + (0..<5000).map { "v\($0 % 3000)" }.joined(separator: "\n") + "\n"
        let x = try column(text)
        guard case .text(let codes, let dictionary) = x.data else { Issue.record("not text"); return }
        #expect(dictionary.count == 3000)
        #expect(codes == (0..<5000).map { UInt32($0 % 3000) })
        #expect(dictionary.values[2999] == "v2999")
    }

    @Test func classifierReadsBytesDirectly() {
        func classify(_ text: String) -> FieldClassifier.Class {
            Array(text.utf8).withUnsafeBufferPointer { FieldClassifier.classify($0, start: 0, length: $0.count) }
        }
        #expect(classify("42") == .integer(42))
        #expect(classify("-9223372036854775809") == .decimal(-9223372036854775809.0))
        #expect(classify("99999999999999999999999") == .decimal(1e23))
        #expect(classify("1E2") == .decimal(100))
        #expect(classify("N/a") == .missingToken)
        #expect(classify("nA") == .missingToken)
        #expect(classify("N/") == .text)
        #expect(classify("+") == .text)
        #expect(classify("--1") == .text)
    }
}
