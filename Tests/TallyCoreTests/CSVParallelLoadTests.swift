import Foundation
import Testing
@testable import TallyCore

/// The block-and-part loader: any block size, part size and thread count gives the same table, the
/// one the written values call for; columns that turn text late keep their spelling; errors keep
/// their place and precedence however the file is cut.
@Suite struct CSVParallelLoadTests {
    /// One thread and one block, the reference.
    static let whole = LoadTuning(blockBytes: 1 << 24, partBytes: 1 << 24, threads: 1)
    /// Cuts that cross every field and record many times, on two threads.
    static let tiny = LoadTuning(blockBytes: 97, partBytes: 13, threads: 2)
    /// Small blocks of several parts each, on two threads.
    static let small = LoadTuning(blockBytes: 4096, partBytes: 700, threads: 2)

    private func load(_ text: String, _ tuning: LoadTuning) throws(Diagnostic) -> Table {
        try CSVLoader.load(bytes: Array(text.utf8), path: "p.csv", name: "p", info: DatasetInfo(), limits: .standard, tuning: tuning).table
    }

    private func error(_ text: String, _ tuning: LoadTuning) -> Diagnostic? {
        do {
            _ = try load(text, tuning)
            return nil
        } catch {
            return error
        }
    }

    /// A file of `rows` rows with integers, decimals, quoted names (commas, doubled quotes, line
    /// breaks), booleans with gaps, `NA` in a number column, a column that is integers until its last
    /// row, and one of only tokens and gaps until its last row; also returns each column's written
    /// values (unquoted) for checking.
    private func generated(rows: Int) -> (text: String, values: [[String]]) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let names = ["Burundi", "Rep. of Moldova", "Korea, Rep.", "say \"hi\"", "two\nlines", "Côte d'Ivoire", ""]
        var text = "id,amount,name,flag,count,late,tokens\n"
        var values = Array(repeating: [String](), count: 7)
        for row in 0..<rows {
            let amount = ["\(next(1000)).\(next(100))", "-0.\(next(10))01", "\(next(9) + 1)e\(next(5))", "\(next(50))", "0.1"][next(5)]
            let name = names[next(names.count)]
            let flag = ["true", "FALSE", ""][next(3)]
            let count = next(10) == 0 ? "NA" : "\(next(100_000) - 50_000)"
            let late = row == rows - 1 ? "x" : ["+\(next(9))", "\(next(99))", "007"][min(next(3), 1)]
            let tokens = row == rows - 1 ? "b" : ["NA", "", "null"][next(3)]
            let quoted = name.contains(where: { ",\"\n".contains($0) }) || next(2) == 0
            let written = quoted ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
            text += "\(row),\(amount),\(written),\(flag),\(count),\(late),\(tokens)\n"
            if next(50) == 0 { text += "\n" }
            for (column, value) in [String(row), amount, name, flag, count, late, tokens].enumerated() {
                values[column].append(value)
            }
        }
        return (text, values)
    }

    /// Whether two tables hold the same columns: names, types, values (decimals bit for bit),
    /// dictionaries in the same order, and the same missing rows.
    private func identical(_ a: Table, _ b: Table) -> Bool {
        guard a.rowCount == b.rowCount, a.columns.count == b.columns.count else { return false }
        for (x, y) in zip(a.columns, b.columns) {
            guard x.name == y.name, x.originalName == y.originalName, x.validity == y.validity else { return false }
            switch (x.data, y.data) {
            case (.integer(let p), .integer(let q)): if p != q { return false }
            case (.decimal(let p), .decimal(let q)): if p.map(\.bitPattern) != q.map(\.bitPattern) { return false }
            case (.boolean(let p), .boolean(let q)): if p != q { return false }
            case (.days(let p), .days(let q)): if p != q || x.type != y.type { return false }
            case (.text(let p, let d), .text(let q, let e)): if p != q || d.values != e.values { return false }
            default: return false
            }
        }
        return true
    }

    @Test func anyCutsAndThreadsGiveTheSameTable() throws {
        let (text, values) = generated(rows: 3000)
        let reference = try load(text, Self.whole)
        for tuning in [Self.tiny, Self.small, LoadTuning.standard] {
            #expect(identical(reference, try load(text, tuning)))
        }
        let path = try CSVTestSupport.write(Array(text.utf8), named: "generated.csv")
        let limits = CSVLimits(maxFieldBytes: 64, maxColumns: 10, chunkBytes: 29)
        #expect(identical(reference, try CSVLoader.load(path: path, name: "p", info: DatasetInfo(), limits: limits, tuning: Self.small).table))

        #expect(reference.rowCount == 3000)
        #expect(reference.columns.map(\.type) == [.integer, .decimal, .text, .boolean, .integer, .text, .text])
        guard case .decimal(let amounts) = reference.columns[1].data else { Issue.record("amount should be decimal"); return }
        #expect(amounts.map(\.bitPattern) == values[1].map { (Double($0) ?? .nan).bitPattern })
        #expect(CSVTestSupport.strings(reference, "name") == values[2])
        #expect(CSVTestSupport.strings(reference, "flag") == values[3].map { $0.isEmpty ? "" : $0.lowercased() })
        #expect(CSVTestSupport.strings(reference, "count") == values[4].map { $0 == "NA" ? "" : $0 })
        #expect(CSVTestSupport.strings(reference, "late") == values[5])
        #expect(CSVTestSupport.strings(reference, "tokens") == values[6])
        guard case .text(_, let dictionary) = reference.columns[2].data else { Issue.record("name should be text"); return }
        var firstSeen: [String] = []
        for name in values[2] where !name.isEmpty && !firstSeen.contains(name) { firstSeen.append(name) }
        #expect(dictionary.values == firstSeen)
    }

    @Test func aColumnThatTurnsTextLateKeepsItsSpelling() throws {
        let text = "n,t,k\n1,NA,1\n+2,,2\n3.50,null,3\n1e3,N/A,4\nx,b,5\n"
        for tuning in [Self.whole, Self.tiny] {
            let table = try load(text, tuning)
            #expect(CSVTestSupport.strings(table, "n") == ["1", "+2", "3.50", "1e3", "x"])
            #expect(CSVTestSupport.strings(table, "t") == ["NA", "", "null", "N/A", "b"])
            #expect(table.columns.map(\.type) == [.text, .text, .integer])
            #expect(table.columns[1].missingCount == 1)
        }
    }

    /// ISO dates are read into day numbers as the file is parsed: a column of dates with gaps is a
    /// date column under any cut; one that turns into datetimes, `NA` or an impossible date in its last
    /// row (a later block) becomes a datetime or keeps its spelling as text, as a whole-file read would.
    @Test func dateColumnsUnderAnyCut() throws {
        let known = ["1970-01-01", "2000-03-01", "0001-01-01", "9999-12-31", "2024-02-29"]
        let dayNumbers: [Int32] = [0, 11_017, -719_162, 2_932_896, 19_782]
        var text = "day,when,late,wrong\n"
        var days: [String] = []
        for row in 0..<600 {
            let day = row % 7 == 3 ? "" : known[row % known.count]
            days.append(day)
            let last = row == 599
            text += "\(day),\(last ? "2024-03-01T10:30:00Z" : "2024-03-01"),\(last ? "NA" : "2024-01-0\(row % 9 + 1)"),\(last ? "1900-02-29" : "1900-02-28")\n"
        }
        let reference = try load(text, Self.whole)
        for tuning in [Self.tiny, Self.small, LoadTuning.standard] { #expect(identical(reference, try load(text, tuning))) }
        #expect(reference.columns.map(\.type) == [.date, .datetime, .text, .text])
        guard case .days(let stored) = reference.columns[0].data else { Issue.record("day should be stored as days"); return }
        for (row, day) in days.enumerated() where !day.isEmpty {
            let expected = dayNumbers[known.firstIndex(of: day) ?? 0]
            if stored[row] != expected { Issue.record("row \(row): \(day) stored as \(stored[row]), not \(expected)") }
        }
        #expect(reference.columns[0].missingCount == days.filter(\.isEmpty).count)
        #expect(CSVTestSupport.strings(reference, "day") == days)
        #expect(CSVTestSupport.strings(reference, "when").last == "2024-03-01 10:30:00")
        #expect(CSVTestSupport.strings(reference, "late").suffix(2) == ["2024-01-05", "NA"])
        #expect(CSVTestSupport.strings(reference, "wrong").suffix(2) == ["1900-02-28", "1900-02-29"])
    }

    @Test func quotedLineBreaksAcrossEveryCut() throws {
        let text = "a,b\n" + (0..<200).map { "\"\($0)\n\n\n\",\"x\ny\"" }.joined(separator: "\n")
        let reference = try load(text, Self.whole)
        #expect(reference.rowCount == 200)
        #expect(CSVTestSupport.strings(reference, "a")[199] == "199\n\n\n")
        for tuning in [Self.tiny, Self.small] { #expect(identical(reference, try load(text, tuning))) }
    }

    @Test func errorsKeepTheirPlaceAndPrecedence() {
        let rows = (0..<300).map { "\($0),x" }.joined(separator: "\n")
        let cases = [
            "a,b\n" + rows + "\n1,2,3\n",
            "a,b\n" + rows + "\n1,\"open\n" + rows,
            "a,b\n1,2,3\n" + rows + "\n\u{1}\u{0}\n",
            "a,b\n1,\"x\"y\n" + rows,
        ]
        for text in cases {
            let expected = error(text, Self.whole)
            #expect(expected != nil)
            #expect(error(text, Self.tiny) == expected)
            #expect(error(text, Self.small) == expected)
        }
        #expect(error(cases[0], Self.tiny)?.message == "line 302 of 'p.csv' has 3 fields, the header has 2")
        #expect(error(cases[2], Self.tiny)?.message == "'p.csv' is not a text CSV file (it contains NUL bytes)")
        var invalid = Array(("a,b\n1,\"x\"y\n" + rows + "\n").utf8)
        invalid.append(0xFF)
        let failure = CSVTestSupport.loadError(invalid)
        #expect(failure?.code == "load-invalid-utf8")
        #expect(failure?.fileLocation == Diagnostic.FileLocation(path: "bad.csv", line: 303, column: 1))
    }

    /// With `TALLY_LOAD_CHECK_FILE` set, loads that file on one thread and on two and compares.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TALLY_LOAD_CHECK_FILE"] != nil, "set TALLY_LOAD_CHECK_FILE to a CSV file"))
    func namedFileLoadsTheSameOnOneAndTwoThreads() throws {
        let path = try #require(ProcessInfo.processInfo.environment["TALLY_LOAD_CHECK_FILE"])
        var one = LoadTuning.standard
        one.threads = 1
        let first = try CSVLoader.load(path: path, name: "t", info: DatasetInfo(), limits: .standard, tuning: one).table
        let second = try CSVLoader.load(path: path, name: "t", info: DatasetInfo(), limits: .standard, tuning: .standard).table
        #expect(first.rowCount > 0)
        #expect(identical(first, second))
    }
}
