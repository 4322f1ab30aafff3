import Testing
@testable import TallyCore

/// A value compared for equality with a text column that holds no such value (a typo, a wrong
/// case) is warned about where it is written, wherever it stands: an `in` list, an `or`, a `!=`.
/// The figures were read with sqlite3 from applicants.csv: in 2017, origin RUS, kind new has
/// 17,579 applications, appeal 3,659, repeat 2,530, other 45 (23,813 in all).
@Suite struct AbsentValueTests {
    let bundled = BundledSession()

    /// The warning for `written` at `column` (1-based) of the statement, suggesting `meant`.
    func warning(_ statement: String, _ written: String, at column: Int, meant: String) -> String {
        """
        warning: '\(written)' is not a value of kind, so it matches no row
         --> <prompt>:1:\(column)
          |
        1 | \(statement)
          | \(String(repeating: " ", count: column - 1))\(String(repeating: "^", count: written.count)) did you mean '\(meant)'?
          = help: kind holds: appeal, new, other, repeat

        """
    }

    @Test func misspeltValueInAListIsWarnedAbout() {
        let query = "applicants where origin = RU and kind in (new, apeal) in 2017 show sum(applications)"
        let run = bundled.run(query)
        #expect(run.output == "sum(applications)\n17579\n")
        #expect(run.errors.hasPrefix(warning(query, "apeal", at: 48, meant: "appeal")))
    }

    @Test func misspeltValueInAnOrIsWarnedAbout() {
        let query = "applicants where origin = RU and (kind = new or kind = apeal) in 2017 show sum(applications)"
        let run = bundled.run(query)
        #expect(run.output == "sum(applications)\n17579\n")
        #expect(run.errors.hasPrefix(warning(query, "apeal", at: 56, meant: "appeal")))
    }

    @Test func wrongCaseAfterNotEqualIsWarnedAbout() {
        let query = "applicants where origin = RU and kind != New in 2017 show sum(applications)"
        let run = bundled.run(query)
        #expect(run.output == "sum(applications)\n23813\n")
        #expect(run.errors.hasPrefix(warning(query, "New", at: 42, meant: "new")))
        let notIn = "applicants where origin = RU and kind not in (New) in 2017 show sum(applications)"
        #expect(bundled.run(notIn).errors.hasPrefix(warning(notIn, "New", at: 47, meant: "new")))
    }

    /// The warning says why an `=` keeps nothing, so no note repeats it.
    @Test func equalityThatKeepsNothingIsWarnedOnce() {
        let query = "applicants where kind = nwe show count"
        let run = bundled.run(query)
        #expect(run.output == "count\n0\n")
        #expect(run.errors == warning(query, "nwe", at: 25, meant: "new"))
    }

    @Test func presentValuesPatternsAndOtherColumnsAreNotWarnedAbout() {
        for query in [
            "applicants where origin = RU and kind in (new, appeal) in 2017 show sum(applications)",
            "applicants where kind contains apeal or kind starts with Nw show count",
            "applicants where kind > \"b\" and kind < \"z\" in 2017 show count",
            "applicants where origin = RU and destination != Russia in 2017 show count",
            "applicants where applications != 3 and year in (1999, 2017) show count",
        ] {
            #expect(!bundled.run(query).errors.contains("not a value of"), "\(query)")
        }
    }
}
