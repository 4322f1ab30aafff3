import Testing
@testable import TallyCore

/// Time windows and `across` over the buckets of a date, worked out by hand: the previous
/// period is the previous month, quarter, week or day in time, and a crosstab's columns go in
/// time order.
///
/// `w`: shop A has rows in 2023-11, 2023-12, 2024-01 and 2024-03 (no February); shop B in
/// 2023-12, 2024-02 and 2024-03 (no January); shop C in ISO weeks 2020-W52, 2020-W53 and
/// 2021-W01, which follow each other across the turn of the year.
@Suite struct DateWindowTests {
    static let shops = """
        day,shop,n
        2023-11-30,A,5
        2023-12-15,A,10
        2024-01-10,A,20
        2024-03-05,A,30
        2023-12-01,B,200
        2024-02-20,B,40
        2024-03-31,B,1
        2020-12-22,C,4
        2020-12-29,C,6
        2021-01-05,C,9

        """
    static let events = """
        at,n
        2024-03-01T10:00:00,1
        2024-03-01T11:30:00,2

        """

    let harness = QueryHarness(extra: [
        (name: "w", csv: DateWindowTests.shops, info: DatasetInfo(timeColumn: "day", measures: ["n"])),
        (name: "e", csv: DateWindowTests.events, info: DatasetInfo(timeColumn: "at", measures: ["n"])),
    ])

    /// A's March follows a month without rows, and B's February too: both get no previous and
    /// no growth, and the note names the absent months; the running totals go on.
    @Test func previousMonthIsTheMonthBeforeInTime() {
        let run = harness.run("w where shop != C group by shop, month(day) show sum(n), previous, growth, cumulative")
        #expect(run.output == """
            shop,month(day),sum(n),previous,growth,cumulative
            A,2023-11,5,,,5
            A,2023-12,10,5,100.0,15
            A,2024-01,20,10,100.0,35
            A,2024-03,30,,,65
            B,2023-12,200,,,200
            B,2024-02,40,,,240
            B,2024-03,1,40,-97.5,241

            """)
        #expect(run.errors.contains("note: no previous period to compare with after a gap: A 2024-03 (no rows in 2024-02), B 2024-02 (no rows in 2024-01)"))
        #expect(run.errors.contains("warning: percent change from a base under 100: A 2023-12 5 → 10 (+100.0%), A 2024-01 10 → 20 (+100.0%), B 2024-03 40 → 1 (-97.5%)"))
    }

    /// 2020 has 53 ISO weeks, so 2021-W01 follows 2020-W53; a moving average of 2 over weeks.
    @Test func weeksFollowEachOtherAcrossTheYear() {
        #expect(harness.csv("w where shop = C group by week(day) show sum(n), previous, growth, moving_avg(2)") == """
            week(day),sum(n),previous,growth,moving_avg(2)
            2020-W52,4,,,
            2020-W53,6,4,50.0,5.0
            2021-W01,9,6,50.0,7.5

            """)
    }

    /// Quarters: 2023-Q4 holds 5 + 10 + 200 = 215, 2024-Q1 20 + 40 + 30 + 1 = 91.
    @Test func growthFromOneQuarterToTheNext() {
        #expect(harness.csv("w where shop != C group by quarter(day) show sum(n), growth") == """
            quarter(day),sum(n),growth
            2023-Q4,215,
            2024-Q1,91,\((91.0 - 215) / 215 * 100)

            """)
    }

    /// Days: a day without rows is a gap; a moving average across it says so, naming the days.
    @Test func daysWithAGap() {
        let run = harness.run("w where shop = C group by day show sum(n), previous, moving_avg(2)")
        #expect(run.output == """
            day,sum(n),previous,moving_avg(2)
            2020-12-22,4,,
            2020-12-29,6,,5.0
            2021-01-05,9,,7.5

            """)
        #expect(run.errors.contains("2020-12-29 (no rows in 2020-12-23 to 2020-12-28)"))
        #expect(run.errors.contains("warning: moving_avg(2) spans a gap, so it averages periods further apart: 2020-12-29 averages 2020-12-22 to 2020-12-29"))
    }

    /// Months across go in time order, not by their totals (December's 210 is the largest);
    /// a shop without rows in a month has a missing cell.
    @Test func acrossMonthsInTimeOrder() {
        #expect(harness.csv("w where shop != C group by shop across month(day)") == """
            shop,2023-11,2023-12,2024-01,2024-02,2024-03,total
            B,,200,,40,1,241
            A,5,10,20,,30,65

            """)
    }

    /// Without a period among the keys, the error suggests a bucket of the date; a datetime
    /// column has no previous period (only a previous second), so it gets the same error.
    @Test func windowsNeedAPeriodAmongTheKeys() {
        #expect(harness.run("w group by shop show sum(n), growth").errors.contains("help: add month(day) to the keys: `group by shop, month(day)`"))
        let datetime = harness.run("e group by at show count, previous")
        #expect(datetime.errors.contains("error: 'previous' works along time, and this query is not grouped by month(at)"))
        #expect(harness.csv("e group by day(at) show count, previous") == "day(at),count,previous\n2024-03-01,2,\n")
    }
}
