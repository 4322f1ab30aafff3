import Testing
@testable import TallyCore

/// `HashJoin` on sources large enough to be probed in two parts and many batches, against a
/// plain reading of the rules: a row matches every other row whose keys are all present and
/// equal by value, in file order.
@Suite struct HashJoinTests {
    /// Rows in the source: more than `Parallel.partCount`'s threshold, and not a whole number of batches.
    static let sourceRows = 150_001

    /// A source with a text key (some blank), a whole-number key and a decimal key, made by a
    /// fixed rule; the same shape as `other`.
    static let source = table("source", rows: sourceRows) { i in
        let code = i % 11 == 0 ? "" : "c\(i % 53)"
        return "\(code),\(1990 + i % 37),\(Double(i % 7) / 2 - 0.5),\(Int64(i % 5 - 1) * 3_000_000_000_000)"
    }

    /// The other side: every (code, year) pair of a subset once, so a lookup on both keys is
    /// unique; codes c0…c39 (c40…c52 never match) and years 1995…2029; `half` and `wide` unique too.
    static let unique = table("other", rows: 40 * 35) { i in
        "c\(i % 40),\(1995 + i / 40),\(Double(i) / 2),\(Int64(i) * 3_000_000_000_000)"
    }

    /// Loads `rows` lines made by `line` under the header `code,year,half,wide`.
    static func table(_ name: String, rows: Int, _ line: (Int) -> String) -> Table {
        let text = "code,year,half,wide\n" + (0..<rows).map(line).joined(separator: "\n") + "\n"
        do {
            return try CSVLoader.load(bytes: Array(text.utf8), path: "\(name).csv", name: name).table
        } catch {
            Issue.record("the test table does not load: \(error.message)")
            return Table(name: name, columns: [], rowCount: 0, info: DatasetInfo())
        }
    }

    /// The values of `names` in a row, nil when one is missing: the key a row matches by.
    static func key(_ table: Table, _ names: [String], _ row: Int) -> [Value]? {
        var key: [Value] = []
        for name in names {
            guard let index = table.columnIndex(named: name) else { return nil }
            let value = table.columns[index].value(at: row)
            if value.isMissing { return nil }
            key.append(value.asDouble.map { .decimal($0) } ?? value)
        }
        return key
    }

    /// Every other row of each key, in file order.
    static func rowsByKey(_ table: Table, _ names: [String]) -> [[Value]: [Int32]] {
        var rows: [[Value]: [Int32]] = [:]
        for row in 0..<table.rowCount {
            if let key = key(table, names, row) { rows[key, default: []].append(Int32(row)) }
        }
        return rows
    }

    /// Records the first position where `actual` differs from `expected`, if any (a whole
    /// diff of two 150,000-row selections would take minutes to print).
    static func expectSame(_ actual: Selection, _ expected: Selection, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        let first = zip(actual, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actual.count, expected.count)
        let shown = { (rows: Selection) in first < rows.count ? String(rows[first]) : "none" }
        Issue.record("\(what) \(first) is \(shown(actual)), not \(shown(expected)) (\(actual.count) rows, \(expected.count) expected)", sourceLocation: sourceLocation)
    }

    func matcher(_ source: Table, _ other: Table, on names: [String]) throws -> HashJoin {
        let keys = try names.map { name in
            let left = try #require(source.columnIndex(named: name)), right = try #require(other.columnIndex(named: name))
            return JoinKeyColumns(left: source.columns[left], right: other.columns[right])
        }
        return HashJoin(keys: keys)
    }

    @Test(arguments: [["code", "year"], ["year", "code"], ["half"], ["wide"], ["code", "half", "wide"]])
    func aLookupFindsTheOneRowWithEqualKeys(names: [String]) throws {
        let (source, other) = (Self.source, Self.unique)
        let matcher = try matcher(source, other, on: names)
        let byKey = Self.rowsByKey(other, names)
        try #require(byKey.values.allSatisfy { $0.count == 1 })
        #expect(matcher.duplicatedKey() == nil)
        let (rows, counts) = try matcher.lookup(context: ExecutionContext(cancellation: nil))
        var expected = Selection(repeating: -1, count: source.rowCount)
        for row in 0..<source.rowCount {
            if let key = Self.key(source, names, row), let match = byKey[key]?.first { expected[row] = match }
        }
        Self.expectSame(rows, expected, "matched row")
        let used = Set(expected.filter { $0 >= 0 })
        #expect(counts == JoinCounts(
            sourceMatched: expected.count { $0 >= 0 }, sourceUnmatched: expected.count { $0 < 0 },
            otherMatched: used.count, otherUnmatched: other.rowCount - used.count))
        #expect(counts.sourceMatched > 0 && counts.sourceUnmatched > 0)
    }

    @Test(arguments: [["code"], ["year"], ["half"], ["code", "wide"]])
    func aJoinPairsEveryRowWithEveryEqualKey(names: [String]) throws {
        let (source, other) = (Self.source, Self.table("other", rows: 600) { i in "c\(i % 45),\(1980 + i % 50),\(Double(i % 13) / 2),\(Int64(i % 4) * 3_000_000_000_000)" })
        let (pairs, counts) = try { () throws -> ((Selection, Selection), JoinCounts) in
            let joined = try matcher(source, other, on: names).join(context: ExecutionContext(cancellation: nil))
            return ((joined.source, joined.other), joined.counts)
        }()
        let byKey = Self.rowsByKey(other, names)
        var expectedSource = Selection(), expectedOther = Selection()
        var expectedCounts = JoinCounts()
        var used = Set<Int32>()
        for row in 0..<source.rowCount {
            let matches = Self.key(source, names, row).flatMap { byKey[$0] } ?? []
            if matches.isEmpty { expectedCounts.sourceUnmatched += 1 } else { expectedCounts.sourceMatched += 1 }
            if matches.count > 1 { expectedCounts.repeatedSourceRows += 1 }
            expectedCounts.extraRows += max(0, matches.count - 1)
            used.formUnion(matches)
            expectedSource += Array(repeating: Int32(row), count: matches.count)
            expectedOther += matches
        }
        expectedCounts.otherMatched = used.count
        expectedCounts.otherUnmatched = other.rowCount - used.count
        Self.expectSame(pairs.0, expectedSource, "source row")
        Self.expectSame(pairs.1, expectedOther, "other row")
        #expect(counts == expectedCounts)
        #expect(counts.repeatedSourceRows > 0)
    }

    @Test func aRepeatedKeyIsFoundWithItsFirstRowAndCount() throws {
        let other = Self.table("other", rows: 300) { i in "c\(i % 50),\(2000 + i % 7),\(i),\(i)" }
        #expect(try matcher(Self.source, other, on: ["code", "year"]).duplicatedKey() == nil)
        let repeated = try #require(try matcher(Self.source, other, on: ["code"]).duplicatedKey())
        #expect(repeated.row == 0 && repeated.count == 6)
    }

    @Test func aCancelledLookupStops() throws {
        let cancellation = CancellationFlag()
        cancellation.cancel()
        let matcher = try matcher(Self.source, Self.unique, on: ["code", "year"])
        #expect(throws: Diagnostic.self) { try matcher.lookup(context: ExecutionContext(cancellation: cancellation)) }
        #expect(throws: Diagnostic.self) { try matcher.join(context: ExecutionContext(cancellation: cancellation)) }
    }

    /// Gathering a column with missing values at rows that include -1, in both parts.
    @Test func gatheringWithMissingRowsKeepsEachRowsValueAndValidity() throws {
        let column = try #require(Self.source.columns.first { $0.name == "code" })
        let rows = (0..<Self.sourceRows).map { i in Int32(i % 13 == 0 ? -1 : (i * 7_919) % Self.sourceRows) }
        let gathered = column.gatheredOrMissing(rows)
        for (i, row) in rows.enumerated() {
            let expected = row < 0 ? Value.missing : column.value(at: Int(row))
            guard gathered.value(at: i) == expected else {
                Issue.record("row \(i) (from \(row)) is \(gathered.value(at: i)), not \(expected)")
                return
            }
        }
        let present = rows.filter { $0 >= 0 }
        #expect(column.gathered(present).validity?.missingCount == present.count { !column.isValid(Int($0)) })
    }
}
