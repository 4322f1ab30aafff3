import Testing
@testable import TallyCore

/// Sums of whole numbers are exact: grouped and ungrouped sums agree, a finished sum beyond 64
/// bits is an error, and a running total that passes 64 bits on the way is not.
@Suite struct IntegerSumTests {
    /// A table `t` with a key `g` and a whole-number column `x`, from its rows.
    func harness(_ rows: [(String, Int64)]) -> QueryHarness {
        let csv = "g,x\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()
        return QueryHarness(extra: [(name: "s", csv: csv, info: DatasetInfo(description: "sums"))])
    }

    static let overflowMessage = "error: a sum is too large for a whole number"

    /// One 9e18 row, 2,047 zeros, then 2,048 rows of 1e15: 9e18 + 2.048e18 passes Int64.max.
    /// The batch of 1e15s alone looks safe, which is how the grouped sum used to wrap.
    @Test func overflowingFinalSumIsAnErrorGroupedAndNot() {
        let rows = [("a", Int64(9_000_000_000_000_000_000))] + Array(repeating: ("a", Int64(0)), count: 2_047)
            + Array(repeating: ("a", Int64(1_000_000_000_000_000)), count: 2_048)
        let sums = harness(rows)
        #expect(sums.csv("s group by g show sum(x)").contains(IntegerSumTests.overflowMessage))
        #expect(sums.csv("s show sum(x)").contains(IntegerSumTests.overflowMessage))
        #expect(sums.csv("s group by g show sum(x * 1.0) as y") == "g,y\na,1.1048e+19\n")
    }

    @Test func intermediateOverflowIsNotAnError() {
        let sums = harness([("a", 9_000_000_000_000_000_000), ("a", 9_000_000_000_000_000_000), ("a", -9_000_000_000_000_000_000)])
        #expect(sums.csv("s group by g show sum(x)") == "g,sum(x)\na,9000000000000000000\n")
        #expect(sums.csv("s show sum(x)") == "sum(x)\n9000000000000000000\n")
        #expect(sums.csv("s show avg(x)") == "avg(x)\n3e+18\n")
    }

    /// Enough rows to be split across parts and batches: the big values fall in different
    /// parts, and only group `b`'s finished sum is too large.
    @Test func largeTablesAcrossPartsAndGroups() {
        let big: Int64 = 9_000_000_000_000_000_000
        var rows = Array(repeating: ("a", Int64(1)), count: 300_000)
        rows[0].1 = big
        rows[150_000].1 = big
        rows[299_999].1 = -big
        let fits = harness(rows)
        let expected = big + 299_997
        #expect(fits.csv("s group by g show sum(x)") == "g,sum(x)\na,\(expected)\n")
        #expect(fits.csv("s show sum(x)") == "sum(x)\n\(expected)\n")
        rows[150_000].1 = -big
        rows[299_999] = ("b", big)
        rows[299_998] = ("b", big)
        let tooLarge = harness(rows)
        #expect(tooLarge.csv("s group by g show sum(x)").contains(IntegerSumTests.overflowMessage))
        #expect(tooLarge.csv("s where g = a group by g show sum(x)") == "g,sum(x)\na,299996\n")
    }
}
