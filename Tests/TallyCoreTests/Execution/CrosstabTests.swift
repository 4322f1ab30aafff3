import Testing
@testable import TallyCore

/// `across`: crosstabs of the sample table `t` (see `QueryHarness`: 2010 DEU 10, FRA 5; 2011
/// DEU 7 (repeat), FRA missing; 2012 DEU 3, ITA 8 (other)), every figure worked out by hand,
/// and the bundled data against sqlite3.
@Suite struct CrosstabTests {
    let harness = QueryHarness()

    /// Whether `output` has the lines of `expected`, numbers compared to 1e-9.
    func same(_ output: String, _ expected: [String]) -> Bool {
        let lines = SQLiteOracle.lines(output)
        return lines.count == expected.count && zip(lines, expected).allSatisfy { $0 == $1 || SQLiteOracle.sameRow($0, $1) }
    }

    /// Cells are the sums of n; FRA has no 2012 row (missing, not 0) and a 2011 row whose n is
    /// missing (a sum over no values); rows by total: DEU 20, ITA 8, FRA 5.
    @Test func yearsAsColumnsRowsByTotal() {
        #expect(harness.csv("t group by country across year") == """
            country,2010,2011,2012,total
            DEU,10,7,3,20
            ITA,,,8,8
            FRA,5,,,5

            """)
    }

    /// `count` of a combination without rows is missing too: FRA has no 2012 row.
    @Test func countIsMissingWhereThereAreNoRows() {
        #expect(harness.csv("t group by country across year show count") == """
            country,2010,2011,2012,total
            DEU,1,1,1,3
            FRA,1,1,,2
            ITA,,,1,1

            """)
    }

    /// Columns that are not time go by total: new 10 + 5 + 3 = 18, other 8, repeat 7; rows keyed
    /// by the time column stay in time order.
    @Test func otherColumnsByTotalTimeRowsInOrder() {
        #expect(harness.csv("t group by year across kind") == """
            year,new,other,repeat,total
            2010,15,,,15
            2011,,,7,7
            2012,3,8,,11

            """)
    }

    /// Column totals 15, 7, 11; all 33. DEU 10/15, 7/7, 3/11, 20/33; ITA 8/11, 8/33; FRA 5/15, 5/33.
    @Test func shareOfEachColumn() {
        #expect(same(harness.csv("t group by country across year show share"), [
            "country,2010,2011,2012,total",
            "DEU,\(1000.0 / 15),100,\(300.0 / 11),\(2000.0 / 33)",
            "ITA,,,\(800.0 / 11),\(800.0 / 33)",
            "FRA,\(500.0 / 15),,,\(500.0 / 33)",
        ]))
    }

    /// A median or mean does not add up: the total is the median of the whole row (DEU 10, 7,
    /// 3 → 7), the mean of its values (DEU (1.5 + 2.5 − 1) / 3 = 1); rows by that total.
    @Test func totalOfAnAggregateThatDoesNotAddUp() {
        #expect(harness.csv("t group by country across year show median(n)") == """
            country,2010,2011,2012,total
            ITA,,,8.0,8.0
            DEU,10.0,7.0,3.0,7.0
            FRA,5.0,,,5.0

            """)
        #expect(harness.csv("t group by country across year show avg(x)") == """
            country,2010,2011,2012,total
            ITA,,,4.0,4.0
            DEU,1.5,2.5,-1.0,1.0
            FRA,,0.5,,0.5

            """)
    }

    /// Without `group by`, one row over all kept rows; min rolls up as a min.
    @Test func oneRowWithoutGroups() {
        #expect(harness.csv("t across year show min(x)") == "2010,2011,2012,total\n1.5,0.5,-1.0,-1.0\n")
    }

    /// `top` and `limit` count rows; `sort by` and `having` read the keys and `total`.
    @Test func rowsAreCutSortedAndFiltered() {
        #expect(harness.csv("t group by country across year top 2") == "country,2010,2011,2012,total\nDEU,10,7,3,20\nITA,,,8,8\n")
        #expect(harness.csv("t group by country across year sort by country desc limit 2") == "country,2010,2011,2012,total\nITA,,,8,8\nFRA,5,,,5\n")
        #expect(harness.csv("t group by country across year having total > 6 sort by n") == "country,2010,2011,2012,total\nITA,,,8,8\nDEU,10,7,3,20\n")
    }

    /// JSON names the columns by their values.
    @Test func jsonUsesTheValuesAsNames() {
        harness.session.settings.format = .json
        #expect(harness.run("t group by country across year top 1").output == """
            [
              {"country": "DEU", "2010": 10, "2011": 7, "2012": 3, "total": 20}
            ]

            """)
    }

    /// The chart is a sparkline of each row's cells: DEU 10, 7, 3 → █, 4/7 of the way (▅), ▁.
    @Test func chartIsASparklinePerRow() {
        harness.session.settings.format = .table
        #expect(harness.run("t group by country across year chart").output == """
            3 rows
            ┌─────────┬──────┬──────┬──────┬───────┬─────┐
            │ country │ 2010 │ 2011 │ 2012 │ total │     │
            ├─────────┼──────┼──────┼──────┼───────┼─────┤
            │ DEU     │   10 │    7 │    3 │    20 │ █▅▁ │
            │ ITA     │      │      │    8 │     8 │   ▅ │
            │ FRA     │    5 │      │      │     5 │ ▅   │
            └─────────┴──────┴──────┴──────┴───────┴─────┘

            """)
    }

    /// 51 values of `v` are one column too many; 50 fit.
    @Test func moreThanFiftyColumnsIsAnError() {
        let rows = (1...51).map { "\($0),1" }.joined(separator: "\n")
        let wide = QueryHarness(extra: [(name: "w", csv: "v,n\n" + rows + "\n", info: DatasetInfo())])
        let run = wide.run("w across v")
        #expect(run.outcome != .success)
        #expect(run.errors == """
            error: across v would make 51 columns; at most 50 fit
             --> <test>:1:10
              |
            1 | w across v
              |          ^ 51 different values
              = help: keep fewer values with `where` or a time clause (e.g. `since 2015`), or group by v to see them as rows

            """)
        #expect(wide.csv("w where v <= 50 across v").hasSuffix(",50\n"))
    }

    @Test func errors() {
        #expect(harness.csv("t group by country, year across year").contains("error: year is both a row key and the across key"))
        #expect(harness.csv("t across year change from 2010 to 2012").contains("error: 'across' and 'change' each make columns of years"))
        #expect(harness.csv("t group by country across year show n, count").contains("error: 'across' fills each cell with one number"))
        #expect(harness.csv("t group by country across year show country").contains("error: the cells of 'across' hold an aggregate"))
        #expect(harness.csv("t group by country across year sort by year").contains("error: with 'across', 'sort by' reads the row keys and total"))
        #expect(harness.csv("t group by country across year having count > 1").contains("error: with 'across', 'having' reads the row keys and total"))
    }

    /// `sort by 2011` names a column of values as a number: it would sort by the constant 2011 and
    /// show the rows in key order as if sorted, so it is an error, like any other constant sort key.
    @Test func sortingByAConstantIsAnError() {
        #expect(harness.csv("t group by country across year sort by 2011 desc").contains("error: with 'across', 'sort by' reads the row keys and total, not a column of values"))
        #expect(harness.csv("t group by country across year sort by \"2011\"").contains("error: with 'across', 'sort by' reads the row keys and total, not a column of values"))
        #expect(harness.csv("t group by country sort by 2 desc").contains("error: 'sort by 2' gives every row the same value"))
        #expect(harness.csv("t sort by 1 + 1").contains("tally sorts by names, not by positions"))
    }

    /// A crosstab says where units are mixed: the columns whose sums add persons and cases
    /// (2019: A 10 persons, B 4 cases; 2020: persons only; 2021: 20 persons, 5 cases), or the
    /// total, when the units are the columns; with the unit as a row key nothing is mixed.
    @Test func mixedUnitsPerColumn() {
        let units = QueryHarness(extra: [(
            name: "u", csv: "year,place,unit,v\n2019,A,persons,10\n2019,B,cases,4\n2020,A,persons,12\n2021,A,persons,20\n2021,B,cases,5\n",
            info: DatasetInfo(timeColumn: "year", measures: ["v"], roles: [.unit: ["unit"]]))])
        #expect(units.run("u group by place across year").errors == """
            warning: these sums of v add different units together in 2 of the 3 columns: 2019 (10 persons, 4 cases), 2021 (20 persons, 5 cases)
              = help: one case can cover several persons; add `unit` to `group by` to see them apart, or keep one with `where unit = persons`
              = help: `help mixed units` explains this

            """)
        #expect(units.run("u across unit").errors == """
            warning: the total of each row adds different units together: 42 persons, 9 cases
              = help: one case can cover several persons; read the columns apart, or keep one with `where unit = persons`
              = help: `help mixed units` explains this

            """)
        #expect(units.run("u group by unit across year").errors == "")
    }

    /// `sql` spreads the columns found in the data as conditional aggregates; sqlite3 running
    /// that SQL on the same file gives tally's rows: sums, counts (missing, not 0, without
    /// rows), means (a total computed again), shares, `having`, `top`, columns by total.
    @Test(arguments: [
        "applicants where origin = RU and kind = new and unit = persons since 2014 until 2018 group by destination across year top 5",
        "applicants where origin = RU since 2020 group by destination across kind show count having total > 10 sort by destination",
        "applicants where origin = UA in 2022 group by unit across kind show avg(applications)",
        "applicants where origin = RU and kind = new since 2016 until 2019 group by destination across year show share top 4",
        "decisions where origin = GE between 2015 and 2017 across year show sum(recognized) / sum(total) * 100",
    ])
    func sqlAgreesWithSQLite(_ query: String) throws {
        try BundledSession().expectSQLiteAgrees(query, moreThan: 0)
    }

    /// The example: five destinations by total, a column per year 2014–2018 and a total,
    /// every cell and total checked against sqlite3 on the same file.
    @Test func russianApplicantsByDestinationAcrossYears() throws {
        let query = "applicants where origin = RU and kind = new and unit = persons since 2014 until 2018 group by destination across year top 5"
        let output = BundledSession().run(query).output
        let filter = "origin = 'RUS' AND kind = 'new' AND unit = 'persons' AND year BETWEEN 2014 AND 2018"
        let oracle = try SQLiteOracle.run([
            "SELECT destination, sum(applications) AS t FROM applicants WHERE \(filter) GROUP BY destination ORDER BY t DESC, destination LIMIT 5",
            "SELECT destination, year, sum(applications) FROM applicants WHERE \(filter) GROUP BY destination, year",
        ])
        var cells: [String: String] = [:]
        for line in oracle[1] {
            let fields = SQLiteOracle.fields(line)
            cells[fields[0] + "/" + fields[1]] = fields[2]
        }
        let expected = ["destination,2014,2015,2016,2017,2018,total"] + oracle[0].map { line in
            let fields = SQLiteOracle.fields(line)
            let years = (2014...2018).map { cells[fields[0] + "/\($0)"] ?? "" }
            return ([fields[0]] + years + [fields[1]]).joined(separator: ",")
        }
        #expect(oracle[0].count == 5)
        #expect(SQLiteOracle.lines(output) == expected)
    }
}
