import Testing
@testable import TallyCore

/// Date literals, time clauses on dates, buckets, parts and date arithmetic, on a small daily
/// table whose answers are counted by hand.
@Suite struct DateQueryTests {
    /// Ten days from Thursday 2024-02-27 to 2024-03-04, without 2024-03-02; then 2024-05-01.
    let harness = QueryHarness(extra: [(name: "visits", csv: """
        day,n
        2024-02-27,1
        2024-02-28,2
        2024-02-29,3
        2024-03-01,4
        2024-03-03,5
        2024-03-04,6
        2024-05-01,7
        ,8

        """, info: DatasetInfo(timeColumn: "day"))])

    @Test func stringsComparedWithDatesAreWholePeriods() {
        #expect(harness.csv("visits where day = \"2024-03\" show sum(n)") == "sum(n)\n15\n")
        #expect(harness.csv("visits where day <= \"2024-02\" show sum(n)") == "sum(n)\n6\n", "until the end of February")
        #expect(harness.csv("visits where day > \"2024-02-29\" show sum(n)") == "sum(n)\n22\n")
        #expect(harness.csv("visits where day in (\"2024-02-28\", \"2024-05\") show sum(n)") == "sum(n)\n9\n")
        #expect(harness.csv("visits where day in \"2024-03\" show count") == "count\n3\n")
        #expect(harness.csv("visits where day != \"2024\" show count") == "count\n0\n", "a missing day is never kept")
        #expect(harness.csv("visits where day = \"2024-02-30\"").contains("'2024-02-30' is not a date"))
        #expect(harness.csv("visits where day = 2024").contains("write the period in quotes"))
    }

    @Test func timeClausesTakeYearsMonthsAndDays() {
        #expect(harness.csv("visits since \"2024-03\" show sum(n)") == "sum(n)\n22\n")
        #expect(harness.csv("visits until \"2024-03\" show sum(n)") == "sum(n)\n21\n")
        #expect(harness.csv("visits in 2024 show count") == "count\n7\n")
        #expect(harness.csv("visits between \"2024-02-28\" and \"2024-03-01\" show sum(n)") == "sum(n)\n9\n")
        #expect(harness.csv("visits between \"2024-03\" and \"2024-02\"").contains("the periods of 'between' are the wrong way round"))
        #expect(harness.csv("t since \"2024-03\"").contains("year holds years, so a time clause takes a year"))
    }

    /// Buckets group and sort in time order; parts sort Monday first.
    /// A learner who forgets the quotes around a date is told to add them, in a condition and in
    /// a time clause (where `2024-03-01` would otherwise read as 2024 minus 3 minus 1).
    @Test func unquotedDatesSayToAddQuotes() {
        #expect(harness.csv("visits where day > 2024-02-29 show sum(n)").contains("a date goes in quotes: write \"2024-02-29\""))
        let since = harness.csv("visits since 2024-03-01 show sum(n)")
        #expect(since.contains("a month or a day goes in quotes"), "\(since)")
        #expect(since.contains("write \"2024-03-01\""), "\(since)")
        #expect(harness.csv("visits between 2024-02 and \"2024-03\" show sum(n)").contains("write \"2024-02\""))
        #expect(harness.csv("visits since 2024 - 1 show sum(n)").contains("goes in quotes") == false, "spaced arithmetic is not a date")
    }

    /// On a year column, `2010-01` unquoted was 2010 minus 1: the rows of 2009, none here, given
    /// as a confident empty answer. Written like a month or a day it is an error; with spaces it
    /// is still arithmetic (2011 - 1 is 2010: the two 2010 rows of `t`).
    @Test func aMonthWrittenAgainstAYearIsNotASubtraction() {
        let month = harness.csv("t where year = 2010-01 show count")
        #expect(month.contains("error: 2010-01 reads as a subtraction, not as a month or a day"), "\(month)")
        #expect(month.contains("year holds whole years: write `year = 2010`"), "\(month)")
        #expect(month.contains("put spaces around the minus: `2010 - 01`"), "\(month)")
        #expect(harness.csv("t where n > 2010-01-15").contains("a month or a day goes in quotes, compared with a date column"))
        #expect(harness.csv("t where year = 2011 - 1 show count") == "count\n2\n")
        #expect(harness.csv("t where year = 2011-1 show count") == "count\n2\n", "a one-digit part is arithmetic")
    }

    @Test func bucketsAndParts() {
        #expect(harness.csv("visits group by month(day) show sum(n)") == "month(day),sum(n)\n2024-02,6\n2024-03,15\n2024-05,7\n,8\n")
        #expect(harness.csv("visits group by week(day) show count") == "week(day),count\n2024-W09,5\n2024-W10,1\n2024-W18,1\n,1\n")
        #expect(harness.csv("visits group by quarter(day), year(day) show count") == "quarter(day),year(day),count\n2024-Q1,2024,6\n2024-Q2,2024,1\n,,1\n")
        #expect(harness.csv("visits where weekday(day) = \"Sat\"") == "day,n\n")
        #expect(harness.csv("visits where weekday(day) = Sun show day") == "day\n2024-03-03\n")
        #expect(harness.csv("visits group by weekday(day) show count sort by weekday(day)") == "weekday(day),count\nMon,1\nTue,1\nWed,2\nThu,1\nFri,1\nSun,1\n,1\n")
        #expect(harness.csv("visits where month_number(day) = 3 show count") == "count\n3\n")
        #expect(harness.csv("visits where month(day) in (\"2024-02\", \"2024-05\") show count") == "count\n4\n")
        #expect(harness.csv("visits where weekday(day) not in (Mon, Tue, Wed) show count") == "count\n3\n")
        #expect(harness.csv("visits where weekday(day) = \"Caturday\"").contains("'Caturday' is not a weekday"))
    }

    @Test func dateArithmetic() {
        #expect(harness.csv("visits in \"2024-03\" show day - date(\"2024-02-01\") as d, day + 1 as next, day - 1 as before") == """
            d,next,before
            29,2024-03-02,2024-02-29
            31,2024-03-04,2024-03-02
            32,2024-03-05,2024-03-03

            """)
        #expect(harness.csv("visits show day * 2").contains("works as date - date (days) and date ± a whole number of days"))
        #expect(harness.csv("date(\"9999-12-31\") + 1").contains("outside the years 0001–9999"))
        #expect(harness.csv("date(\"2024-03-01\") - date(\"2023-03-01\")") == "366\n")
    }

    /// A bucket key reports the periods without rows, and a sparkline spans them.
    @Test func missingPeriodsAreReported() {
        let result = harness.run("visits group by month(day) show sum(n)")
        #expect(result.errors.contains("the time series has no rows for some months: 2024-04"), "\(result.errors)")
        let days = harness.run("visits where day <= \"2024-03\" group by day show sum(n)")
        #expect(days.errors.contains("no rows for some days: 2024-03-02"), "\(days.errors)")
    }

    /// A first or last period that the rows cover only in part is named: the rows run from
    /// Tuesday 2024-02-27 to Wednesday 2024-05-01 (ISO week 2024-W09 is Monday 02-26 to Sunday 03-03).
    @Test func partialPeriodsAreNamed() {
        let months = harness.run("visits group by month(day) show sum(n)")
        #expect(months.errors.contains("warning: the first month, 2024-02, has rows from 2024-02-27 and the last, 2024-05, until 2024-05-01: if the data stop there, their figures cover only part of the month"), "\(months.errors)")
        #expect(harness.run("visits group by year(day)").errors.contains("the only year, 2024, has rows from 2024-02-27 to 2024-05-01"))
        let weeks = harness.run("visits in \"2024-03\" group by week(day)")
        #expect(weeks.errors.contains("the first week, 2024-W09, has rows from 2024-03-01 and the last, 2024-W10, until 2024-03-04"), "\(weeks.errors)")
        #expect(harness.run("visits since \"2024-03\" group by quarter(day)").errors.contains("the first quarter, 2024-Q1, has rows from 2024-03-01 and the last, 2024-Q2, until 2024-05-01"))
        #expect(!harness.run("visits group by day show sum(n)").errors.contains("partial"), "a day is never partial")
        let whole = QueryHarness(extra: [(name: "march", csv: "day,n\n2024-03-01,1\n2024-03-31,2\n", info: DatasetInfo(timeColumn: "day"))])
        #expect(!whole.run("march group by month(day) show sum(n)").errors.contains("partial"), "rows on the first and the last day")
    }

    /// `change from 2023 to 2024` on a date time column compares the days of each year, as
    /// `in 2023` keeps them (it compared the dates with the numbers 2023 and 2024, so it found
    /// no rows). By hand: north 10 + 5 = 15 → 30 (+100%), south 8 → 4 (−50%); the 2025 day and
    /// the missing one are in neither year. Overall 23 → 34, +11: north gives 15 / 11 of it.
    @Test func changeComparesTheYearsOfDates() {
        let dated = QueryHarness(extra: [(name: "b", csv: """
            day,branch,n
            2023-03-01,north,10
            2023-12-31,north,5
            2024-01-01,north,30
            2023-07-04,south,8
            2024-06-30,south,4
            2025-01-01,north,100
            ,south,50

            """, info: DatasetInfo(timeColumn: "day", measures: ["n"]))])
        #expect(dated.csv("b group by branch change from 2023 to 2024") == """
            branch,n_2023,n_2024,change,change_pct,contribution_pct
            north,15,30,15,100.0,136.36363636363635
            south,8,4,-4,-50.0,-36.36363636363637

            """)
        #expect(dated.csv("b change from 2023 to 2024") == "n_2023,n_2024,change,change_pct,contribution_pct\n23,34,11,47.82608695652174,100.0\n")
        #expect(dated.csv("check b where branch = north change from 2023 to 2024 is 100%").contains("true"))
        let months = dated.csv("b change from \"2024-01\" to \"2024-02\"")
        #expect(months.contains("error: 'change' compares two whole years, and '2024-01' is not a year"), "\(months)")
        #expect(months.contains("`b group by month(day) show sum(n), growth`"), "\(months)")
        #expect(dated.csv("b change from \"2023\" to \"2024\"") == dated.csv("b change from 2023 to 2024"))
    }
}
