import Testing
@testable import TallyCore

/// `previous`, `growth`, `cumulative` and `moving_avg(N)`, worked out by hand on small tables,
/// and the example against sqlite3's window functions on the bundled file.
///
/// `t` by year (see `QueryHarness`): 2010 15, 2011 7 (FRA's n is missing), 2012 11.
/// `g`: place A in 2010, 2011, 2013, 2014 (no 2012); place B in 2010 and 2012 (no 2011).
@Suite struct TimeWindowTests {
    static let gaps = """
        year,place,v
        2010,A,100
        2011,A,120
        2013,A,150
        2014,A,300
        2010,B,200
        2012,B,220

        """

    let harness = QueryHarness(extra: [(name: "g", csv: TimeWindowTests.gaps, info: DatasetInfo(timeColumn: "year", measures: ["v"]))])

    /// 15 → 7 is −53.33%, 7 → 11 is +57.14%; running total 15, 22, 33. Both bases are under 100.
    @Test func previousGrowthAndCumulativeByYear() {
        let run = harness.run("t group by year show n, previous, growth, cumulative")
        #expect(run.output == """
            year,n,previous,growth,cumulative
            2010,15,,,15
            2011,7,15,\((7.0 - 15) / 15 * 100),22
            2012,11,7,\((11.0 - 7) / 7 * 100),33

            """)
        #expect(run.errors == """
            warning: percent change from a base under 100: 2011 15 → 7 (-53.3%), 2012 7 → 11 (+57.1%)
              = help: from a small base a few more make a large percent; read the change itself; `help small base` explains this

            """)
    }

    /// The previous period is the previous year in time: after a gap it is missing, not the row
    /// above; each place is its own series. A moving average of 2 over A 2011, 2013 averages
    /// 120 and 150 across the gap (135), with a warning.
    @Test func aGapGivesMissingNotTheRowAbove() {
        let run = harness.run("g group by place, year show v, previous, growth, cumulative, moving_avg(2)")
        #expect(run.output == """
            place,year,v,previous,growth,cumulative,moving_avg(2)
            A,2010,100,,,100,
            A,2011,120,100,20.0,220,110.0
            A,2013,150,,,370,135.0
            A,2014,300,150,100.0,670,225.0
            B,2010,200,,,200,
            B,2012,220,,,420,210.0

            """)
        #expect(run.errors == """
            note: no previous period to compare with after a gap: A 2013 (no rows in 2012), B 2012 (no rows in 2011)
              = help: a period without rows is not a zero: nothing was reported, so there is nothing to compare with; `help previous` explains this
            warning: moving_avg(2) spans a gap, so it averages periods further apart: A 2013 averages 2011–2013, B 2012 averages 2010–2012
              = help: it averages the periods that have rows; `help moving average` explains this

            """)
    }

    /// Windows are computed over all groups before `having`, `top` and `limit` cut them.
    @Test func windowsBeforeTheCut() {
        #expect(harness.csv("t group by year show n, previous having year > 2010 limit 1") == "year,n,previous\n2011,7,15\n")
        #expect(harness.csv("g group by year show v, growth sort by growth desc limit 1") == "year,v,growth\n2014,300,100.0\n")
    }

    @Test func windowsNeedTheTimeColumnAmongTheKeys() {
        let run = harness.run("t group by country show n, growth")
        #expect(run.errors == """
            error: 'growth' works along time, and this query is not grouped by year
             --> <test>:1:28
              |
            1 | t group by country show n, growth
              |                            ^^^^^^ which period comes before?
              = help: add year to the keys: `group by country, year`

            """)
        #expect(harness.csv("t group by year show moving_avg(0)").contains("error: 'moving_avg' takes the number of periods to average"))
        #expect(harness.csv("t group by year show moving_avg(n)").contains("error: 'moving_avg' takes the number of periods to average"))
    }

    /// The translated SQL keeps gaps as gaps: sqlite3 running it on the same file gives tally's
    /// rows, Austria's 2014 (no new applicants in 2013) without a previous year or growth.
    @Test(arguments: [
        "applicants where origin = RU and destination = Austria and kind = new and unit = persons group by year since 2012 until 2016 show applications, previous, growth",
        "applicants where origin = RU and kind = new and unit = persons since 2010 group by destination, year show applications, previous, growth, cumulative, moving_avg(3) having destination in (AT, DE, IL)",
        "decisions where origin = GE group by year, unit show count, growth, moving_avg(2) limit 20",
    ])
    func sqlKeepsGapsAsGaps(_ query: String) throws {
        try BundledSession().expectSQLiteAgrees(query, moreThan: 1)
    }

    /// The example: 745 → 887 is +19.06%, and the running total reaches 9,100 in 2017;
    /// every row checked against sqlite3's `lag` and running `sum` on the same file.
    @Test func russianCasesInTheUnitedStates() throws {
        let session = BundledSession()
        let query = "applicants where origin = RU and destination = US and kind = new and unit = cases since 2012 until 2017 group by year show applications, growth, cumulative"
        let output = session.run(query).output
        let oracle = try SQLiteOracle.run(["""
            SELECT year, s,
              CASE WHEN lag(year) OVER (ORDER BY year) = year - 1 THEN (s - lag(s) OVER (ORDER BY year)) * 100.0 / abs(lag(s) OVER (ORDER BY year)) END,
              sum(s) OVER (ORDER BY year)
            FROM (SELECT year, sum(applications) AS s FROM applicants
                  WHERE origin = 'RUS' AND destination = 'USA' AND kind = 'new' AND unit = 'cases' AND year BETWEEN 2012 AND 2017
                  GROUP BY year)
            ORDER BY year
            """])[0]
        let lines = SQLiteOracle.lines(output)
        #expect(lines.count == 7)
        #expect(zip(lines.dropFirst(), oracle).allSatisfy { SQLiteOracle.sameRow($0, $1) })
        session.session.settings.format = .table
        let table = session.run(query).output
        #expect(table.contains("│ 2013 │          887 │  19.06 │      1,632 │"))
        #expect(table.contains("│ 2017 │        2,722 │  32.07 │      9,100 │"))
    }
}
