import Testing
@testable import TallyCore

/// A parenthesised side's caveats are said only when the answer uses rows they are about.
@Suite struct SideCaveatTests {
    let bundled = BundledSession()

    static let totalsByYear = "lookup (destination_totals group by destination, year) as t on destination, year group by destination show applications, sum(t.applications)"
    static let incomplete2025 = "in (destination_totals group by destination, year): the result includes 2025, which is incomplete"

    @Test func anIncompleteYearTheAnswerNeverReadsIsNotSaid() {
        let errors = bundled.run("applicants in 2017 \(Self.totalsByYear)").errors
        #expect(!errors.contains(Self.incomplete2025), "\(errors)")
        #expect(errors.contains("in (destination_totals group by destination, year): these sums of applications add different units together"),
                "the sums of every row mix units, and the answer reads some: \(errors)")
    }

    @Test func anIncompleteYearTheAnswerReadsIsSaid() {
        let errors = bundled.run("applicants since 2024 \(Self.totalsByYear)").errors
        #expect(errors.contains(Self.incomplete2025), "\(errors)")
    }

    @Test func aParenthesisedSourceSaysItsIncompleteYearOnlyForTheRowsKept() {
        let before = bundled.run("(destination_totals group by year) where year < 2025 show year, applications").errors
        #expect(!before.contains("in (destination_totals group by year): the result includes 2025"), "\(before)")
        let after = bundled.run("(destination_totals group by year) where year > 2023 show year, applications").errors
        #expect(after.components(separatedBy: "the result includes 2025").count == 2, "said once: \(after)")
        // Without the time column the query cannot say it of its own rows, so the source does.
        let summed = bundled.run("(destination_totals group by destination) where applications > 1000000 show destination, applications").errors
        #expect(summed.contains("in (destination_totals group by destination): the result includes 2025"), "\(summed)")
    }

    /// No kept row of 2017 finds a 2016 row, so the answer reads none of the side's sums: their
    /// mixed units are noise, and the rows without a match are the caveat.
    @Test func aSideWhoseRowsNoKeptRowMatchedSaysNothing() {
        let errors = bundled.run("applicants where origin = RU in 2017 lookup (destination_totals in 2016 group by destination, year) as t on destination, year group by destination show applications, sum(t.applications)").errors
        #expect(!errors.contains("warning: in (destination_totals in 2016"), "\(errors)")
        #expect(errors.contains("kept rows have no match in (destination_totals in 2016 group by destination, year) as t"), "\(errors)")
    }

    /// Years missing in a looked-up side's time series are the rows without a match, which the
    /// lookup counts; a parenthesised source's missing years are shown as its rows are.
    @Test func yearsMissingInALookedUpSideAreNotANoteOfTheAnswer() {
        let side = bundled.run("(destination_totals group by destination, year) show destination, year, applications").errors
        #expect(side.contains("note: in (destination_totals group by destination, year): the time series has no rows for some years"), "\(side)")
        let errors = bundled.run("applicants \(Self.totalsByYear)").errors
        #expect(!errors.contains("the time series has no rows"), "\(errors)")
    }
}
