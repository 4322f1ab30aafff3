import Testing
@testable import TallyCore

/// `change`, `check` and caveats on small tables, every figure worked out by hand.
///
/// Sample `t` (see `QueryHarness`): 2010 DEU 10, FRA 5; 2011 DEU 7, FRA missing; 2012 DEU 3, ITA 8.
/// `z`: zeros and a negative value. `u`: a unit column and an incomplete year (2021).
@Suite struct LiteracyTests {
    static let zeros = """
        year,g,v
        2000,a,0
        2001,a,5
        2000,b,4
        2001,b,4
        2000,c,2
        2001,c,-1

        """

    static let units = """
        year,place,unit,v
        2019,A,persons,10
        2019,B,cases,4
        2020,A,persons,12
        2021,A,persons,20
        2021,B,cases,5

        """

    let harness = QueryHarness(extra: [
        (name: "z", csv: LiteracyTests.zeros, info: DatasetInfo(timeColumn: "year", measures: ["v"])),
        (name: "u", csv: LiteracyTests.units,
         info: DatasetInfo(timeColumn: "year", measures: ["v"], roles: [.unit: ["unit"]], incompleteYear: 2021)),
        (name: "plain", csv: "a,b\n1,2\n", info: DatasetInfo()),
    ])

    // MARK: change

    /// DEU 10 → 3; FRA only in 2010, ITA only in 2012. Overall change (3 + 8) − (10 + 5) = −4,
    /// so DEU's −7 is 175% of it; the groups missing a year have no change and sort last.
    @Test func changeWithGroupsMissingInAYear() {
        let run = harness.run("t group by country change from 2010 to 2012")
        #expect(run.output == """
            country,n_2010,n_2012,change,change_pct,contribution_pct
            DEU,10,3,-7,-70.0,175.0
            FRA,5,,,,
            ITA,,8,,,

            """)
        #expect(run.errors == """
            note: 2 groups have no value in 2010 or 2012, so contribution_pct does not add up to 100: FRA, ITA
              = help: a group missing in a year shows an empty cell, not 0: the source reported nothing; `help missing groups` explains this
            warning: percent change from a base under 100: DEU 10 → 3 (-70.0%)
              = help: from a small base a few more make a large percent; read the change itself; `help small base` explains this

            """)
    }

    /// FRA's 2011 row has a missing n: its 2011 sum is missing (no values), not 0.
    /// Overall: 7 − 15 = −8, DEU's −3 is 37.5% of it.
    @Test func changeSkipsMissingValues() {
        #expect(harness.csv("t group by country change from 2010 to 2011") ==
            "country,n_2010,n_2011,change,change_pct,contribution_pct\nDEU,10,7,-3,-30.0,37.5\nFRA,5,,,,\n")
    }

    /// Without keys: one row over all kept rows; its contribution is the whole change.
    @Test func changeWithoutGroups() {
        #expect(harness.csv("t change from 2010 to 2012") ==
            "n_2010,n_2012,change,change_pct,contribution_pct\n15,11,-4,-26.666666666666668,100.0\n")
    }

    /// A base of 0 gives a missing percent; a change of 0 is 0%; a fall below 0 is −150%.
    /// Overall 8 − 6 = 2: contributions 250, 0, −150.
    @Test func changeFromZeroAndToNegative() {
        #expect(harness.csv("z group by g change from 2000 to 2001") ==
            "g,v_2000,v_2001,change,change_pct,contribution_pct\na,0,5,5,,250.0\nb,4,4,0,0.0,0.0\nc,2,-1,-3,-150.0,-150.0\n")
        #expect(harness.csv("z where g = b change from 2000 to 2001") ==
            "v_2000,v_2001,change,change_pct,contribution_pct\n4,4,0,0.0,\n")
    }

    /// A group key on the time column is dropped; a `show` item chooses the aggregate; a
    /// count in a year without rows is missing, not 0.
    @Test func changeOfACount() {
        #expect(harness.csv("t group by year, kind change from 2010 to 2012 show count") ==
            "kind,count_2010,count_2012,change,change_pct,contribution_pct\nnew,2,1,-1,-50.0,\nother,,1,,,\n")
    }

    @Test func changeWithHavingSortAndTop() {
        #expect(harness.csv("z group by g change from 2000 to 2001 having v_2001 >= 4 sort by g desc") ==
            "g,v_2000,v_2001,change,change_pct,contribution_pct\nb,4,4,0,0.0,0.0\na,0,5,5,,250.0\n")
        #expect(harness.csv("z group by g change from 2000 to 2001 top 1") ==
            "g,v_2000,v_2001,change,change_pct,contribution_pct\na,0,5,5,,250.0\n")
    }

    @Test func changeYearExcludedByATimeClause() {
        #expect(harness.csv("t since 2011 change from 2010 to 2012") == """
            FAILED
            error: 2010 is left out by 'since 2011'
             --> <test>:1:26
              |
            1 | t since 2011 change from 2010 to 2012
              |                          ^^^^ 'change' needs the rows of this year
              = help: drop the time clause: 'change' keeps only the rows of its two years anyway

            """)
    }

    @Test func changeErrors() {
        #expect(harness.csv("t change from 2010 to 2010") == """
            FAILED
            error: 'change' needs two different years
             --> <test>:1:23
              |
            1 | t change from 2010 to 2010
              |                       ^^^^ the same year as after 'from'

            """)
        #expect(harness.csv("plain change from 2010 to 2012") == """
            FAILED
            error: plain has no time column
             --> <test>:1:7
              |
            1 | plain change from 2010 to 2012
              |       ^^^^^^ 'change' compares two years of one
              = help: declare one with `load … with time COLUMN`

            """)
        #expect(harness.csv("t change from 2010 to 2012 show n, count") == """
            FAILED
            error: 'change' compares one aggregate, and this show has 2 items
             --> <test>:1:36
              |
            1 | t change from 2010 to 2012 show n, count
              |                                    ^^^^^ show only one aggregate
              = help: e.g. `show recognized` or `show count`; group by other columns to split it

            """)
    }

    // MARK: check

    /// An ungrouped query without `show` checks the sum of the default measure: 10 + 5 in 2010.
    @Test func checkTrueRoughlyFalse() {
        #expect(harness.csv("check t in 2010 is 15") == "checked,claim,value,difference,verdict\n\"n, row 1\",15,15,0,true\n")
        #expect(harness.csv("check t in 2010 is 15.5") == "checked,claim,value,difference,verdict\n\"n, row 1\",15.5,15.0,-0.5,roughly\n")
        #expect(harness.csv("check t in 2010 is 17") == "checked,claim,value,difference,verdict\n\"n, row 1\",17,15,-2,false\n")
        #expect(harness.csv("check t in 2010 is 17 within 20%") == "checked,claim,value,difference,verdict\n\"n, row 1\",17,15,-2,roughly\n")
        #expect(harness.csv("check t show count is 6") == "checked,claim,value,difference,verdict\n\"count, row 1\",6,6,0,true\n")
    }

    /// DEU's share is 20 / 33 = 60.606…%: true at the claim's precision (60.6, 61), roughly
    /// within 5% (60), false outside 1% (62).
    @Test func checkRoundsAtTheClaimsPrecision() {
        #expect(harness.csv("check t group by country show share is 60.6%").hasSuffix(",true\n"))
        #expect(harness.csv("check t group by country show share is 61%").hasSuffix(",true\n"))
        #expect(harness.csv("check t group by country show share is 60%").hasSuffix(",roughly\n"))
        #expect(harness.csv("check t group by country show share is 62% within 1%").hasSuffix(",false\n"))
        #expect(harness.csv("check t group by country show n, share is 20") == "checked,claim,value,difference,verdict\n\"n of DEU, row 1\",20,20,0,true\n")
    }

    /// A claim with `%` checks the first percent item, not the first column: DEU's share is
    /// 20 / 33 = 60.61%, its n 20. Without `%` the first item after the keys is checked.
    @Test func percentClaimChecksTheFirstPercentItem() {
        #expect(harness.csv("check t group by country show n, share is 60.6%") == """
            checked,claim,value,difference,verdict
            "share of DEU, row 1",60.6%,60.60606060606061,0.0060606061,true

            """)
        #expect(harness.csv("check t group by country show count, n, share is 60.6") == """
            checked,claim,value,difference,verdict
            "count of DEU, row 1",60.6,3.0,-57.6,false

            """)
        #expect(harness.csv("check t group by country show n, rank is 50%") == """
            checked,claim,value,difference,verdict
            "n of DEU, row 1",50%,20,-30,false

            """)
    }

    /// A claim that is not a finite number, or so small that it reads as 0, is an error, not a verdict.
    @Test func claimOutOfRangeIsAnError() {
        #expect(harness.csv("check t in 2010 is 1e400") == """
            FAILED
            error: the number 1e400 is too large to compare
             --> <test>:1:20
              |
            1 | check t in 2010 is 1e400
              |                    ^^^^^ write the figure as the source gives it, e.g. 38.7 or 12600

            """)
        #expect(harness.csv("check t group by country show share is -1e400%") == """
            FAILED
            error: the number -1e400 is too large to compare
             --> <test>:1:40
              |
            1 | check t group by country show share is -1e400%
              |                                        ^^^^^^ write the figure as the source gives it, e.g. 38.7 or 12600

            """)
        #expect(harness.csv("check t in 2010 is 15 within 1e999%") == """
            FAILED
            error: the number 1e999 is too large to compare
             --> <test>:1:30
              |
            1 | check t in 2010 is 15 within 1e999%
              |                              ^^^^^ write the figure as the source gives it, e.g. 38.7 or 12600

            """)
        #expect(harness.csv("check t in 2010 is 1e-9223372036854775808") == """
            FAILED
            error: the number 1e-9223372036854775808 is too small: it would be read as 0
             --> <test>:1:20
              |
            1 | check t in 2010 is 1e-9223372036854775808
              |                    ^^^^^^^^^^^^^^^^^^^^^^ write the figure as the source gives it, e.g. 38.7 or 12600

            """)
        #expect(harness.csv("check t in 2010 is 0.0e-999") == """
            checked,claim,value,difference,verdict
            "n, row 1",0.0e-999,15.0,15.0,false

            """)
    }

    @Test func checkOfAChangeUsesItsPercent() {
        #expect(harness.csv("check t where country = DEU change from 2010 to 2012 is -70%") ==
            "checked,claim,value,difference,verdict\n\"change_pct, row 1\",-70%,-70.0,0.0,true\n")
        #expect(harness.csv("check t group by country change from 2010 to 2012 is 5%") == """
            FAILED
            error: this change query has 3 groups, and check needs one
             --> <test>:1:7
              |
            1 | check t group by country change from 2010 to 2012 is 5%
              |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ which group?
              = help: narrow it with `where` until one group is left

            """)
        #expect(harness.csv("check z where g = a change from 2000 to 2001 is 10%") == """
            FAILED
            error: change_pct is missing in the result, so there is nothing to check
             --> <test>:1:7
              |
            1 | check z where g = a change from 2000 to 2001 is 10%
              |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ missing
              = help: a percent change from 0 is missing; check the change itself

            """)
    }

    @Test func strictFailsOnAnythingButTrue() {
        let strict = QueryHarness()
        strict.session.settings.strict = true
        let passed = strict.run("check t show count is 6")
        #expect(passed.outcome == .success)
        let failed = strict.run("check t show count is 6.2\nt show count")
        #expect(failed.outcome == .failure)
        #expect(failed.output == "checked,claim,value,difference,verdict\n\"count, row 1\",6.2,6.0,-0.2,roughly\n")
        #expect(failed.errors == """
            error: the check answered 'roughly', and --strict accepts only 'true'
             --> <test>:1:20
              |
            1 | check t show count is 6.2
              |                    ^^^^^^ not true

            """)
    }

    @Test func claimPrecision() {
        func check(_ text: String) -> ClaimCheck {
            let value: Value = text.contains(where: { ".eE".contains($0) }) ? .decimal(Double(text) ?? 0) : .integer(Int64(text) ?? 0)
            return ClaimCheck(claim: NumberLiteral(text: text, value: value), isPercent: false, tolerance: nil)
        }
        #expect(check("38.7").places == 1)
        #expect(check("12600").places == 0)
        #expect(check("1.5e2").places == 0)
        #expect(check("2.5e-1").places == 2)
        #expect(check("1e-9223372036854775808").places == 15)
        #expect(check("1.5e9223372036854775807").places == 0)
        #expect(check("38.7").verdict(for: 38.72) == .true)
        #expect(check("38.7").verdict(for: 38.76) == .roughly)
        #expect(check("268").verdict(for: 265.37) == .roughly)
        #expect(check("268").verdict(for: 250) == .false)
        #expect(check("0").verdict(for: 0.4) == .true)
        #expect(check("0").verdict(for: 1) == .false)
    }

    // MARK: caveats

    /// A: 10 + 12 + 20 = 42 persons; B: 4 + 5 = 9 cases; 2021 is incomplete.
    @Test func mixedUnitsAndIncompleteYear() {
        let run = harness.run("u group by place")
        #expect(run.output == "place,v\nA,42\nB,9\n")
        #expect(run.errors == """
            warning: these sums of v add different units together: 42 persons, 9 cases
              = help: one case can cover several persons; add `unit` to `group by` to see them apart, or keep one with `where unit = persons`
              = help: `help mixed units` explains this
            warning: the result includes 2021, which is incomplete in the source: its figures cover only part of the year
              = help: compare whole years, e.g. `until 2020`; `help incomplete year` explains this

            """)
    }

    @Test func noCaveatWhenUnitsAreKeptApartOrNotSummed() {
        #expect(harness.run("u until 2020 where unit = persons group by place").errors == "")
        #expect(harness.run("u until 2020 group by place, unit").errors == "")
        #expect(harness.run("u until 2020 show year, v").errors == "")
    }

    /// B has rows in 2019 and 2021 only.
    @Test func missingYearsInATimeSeries() {
        let run = harness.run("u where place = B group by year")
        #expect(run.output == "year,v\n2019,4\n2021,5\n")
        #expect(run.errors.contains("""
            note: the time series has no rows for some years: 2020
              = help: a missing year is not a zero: nothing was reported; a line drawn across it hides the gap; `help missing years` explains this

            """))
        #expect(harness.run("u group by year, place until 2020").errors.contains("missing-years") == false)
        #expect(harness.run("u group by place, year").errors.contains("no rows for some years: B: 2020"))
    }

    @Test func caveatsGoToStandardErrorInEveryFormat() {
        let run = harness.run("set format json\nu group by place")
        #expect(run.output == "[\n  {\"place\": \"A\", \"v\": 42},\n  {\"place\": \"B\", \"v\": 9}\n]\n")
        #expect(run.errors.contains("warning: these sums of v add different units together"))
    }

    // MARK: explain

    @Test func explainRestatesTheQueryAndItsCaveats() {
        #expect(harness.run("explain u where place = B group by year").output == """
            From u, take the rows where place = B; for each year, compute the total of v; in year order.
            1. start from u  → 5 rows
            2. keep rows where place = B  → 2 rows
            3. group by year  → 2 rows
            4. sort by year
            5. show year, v  → 2 rows
            caveats:
              - incomplete-year: the result includes 2021, which is incomplete in the source: its figures cover only part of the year
              - missing-years: the time series has no rows for some years: 2020

            """)
        #expect(harness.run("explain t group by country change from 2010 to 2012 top 1").output == """
            From t, take all rows; for each country, compare the total of n in 2010 with 2012: the change, the change in percent, and each group's part of the overall change; largest change first; keep the 1 largest.
            1. start from t  → 6 rows
            2. keep rows of 2010 and 2012 (year = 2010 or 2012)  → 4 rows
            3. group by country, one column per year  → 3 rows
            4. compute change = n_2012 − n_2010; change_pct = change as a percent of n_2010 (missing when it is 0 or missing); contribution_pct = change as a percent of the change of all groups together
            5. sort by change, largest first
            6. keep the 1 largest changes  → 1 row
            7. show country, n_2010, n_2012, change, change_pct, contribution_pct  → 1 row
            caveats:
              - small-base: percent change from a base under 100: DEU 10 → 3 (-70.0%)

            """)
    }
}
