import Testing
@testable import TallyCore

/// `count(condition)` counts the rows where the condition holds, and the hint for `sum` of a
/// condition points there. Figures read with sqlite3 from applicants.csv: origin RUS has 958 new,
/// 291 other, 244 appeal and 242 repeat rows, of which 103, 48, 22 and 22 have applications > 1000.
@Suite struct ConditionCountTests {
    let bundled = BundledSession()

    @Test func countOfAConditionCountsTheRowsWhereItHolds() {
        let run = bundled.run("applicants where origin = RU group by kind show count(applications > 1000), count")
        #expect(run.output == """
            kind,count(applications > 1000),count
            new,103,958
            other,48,291
            appeal,22,244
            repeat,22,242

            """)
    }

    @Test func sqlTranslationCountsTheSameRows() throws {
        try bundled.expectSQLiteAgrees("applicants where origin = RU group by kind show count(applications > 1000), count", moreThan: 3)
    }

    @Test func sumOfAConditionPointsToCount() {
        #expect(bundled.errors("applicants where origin = RU group by kind show sum(applications > 1000)")
            .contains("= help: count(applications > 1000) counts the rows where it holds"))
    }
}
