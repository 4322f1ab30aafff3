import Testing
@testable import TallyCore

/// The incomplete year (2025 in the bundled data) is a caveat only when the rows shown include it:
/// with the year as a group key, `having`, `top` and `limit` may drop it. Read with sqlite3 from
/// applicants.csv: origin RUS, kind new, unit persons has its three largest years in 2013, 2022
/// and 2023, and rows from 2002 to 2025.
@Suite struct IncompleteYearShownTests {
    let bundled = BundledSession()
    let query = "applicants where origin = RU and kind = new and unit = persons group by year"

    @Test func yearsDroppedFromTheShownRowsGiveNoCaveat() {
        let having = bundled.run(query + " having year < 2003")
        #expect(having.output.hasPrefix("year,applications\n2002,") && having.output.split(separator: "\n").count == 2)
        #expect(!having.errors.contains("incomplete-year") && !having.errors.contains("2025"))
        let top = bundled.run(query + " top 3")
        #expect(top.output.split(separator: "\n").dropFirst().map { $0.prefix(4) }.sorted() == ["2013", "2022", "2023"])
        #expect(!top.errors.contains("2025"))
    }

    @Test func shownIncompleteYearKeepsItsCaveat() {
        #expect(bundled.run(query + " since 2023").errors.contains("the result includes 2025, which is incomplete"))
        #expect(bundled.run("applicants where origin = RU and kind = new and unit = persons show sum(applications)")
            .errors.contains("the result includes 2025, which is incomplete"))
    }
}
