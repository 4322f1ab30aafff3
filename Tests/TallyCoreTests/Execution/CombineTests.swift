import Foundation
import Testing
@testable import TallyCore

/// `lookup`, `join`, parenthesised sources and qualified names on the bundled data, each
/// figure compared with sqlite3 joining the same CSV files.
@Suite struct CombineTests {
    let bundled = BundledSession()

    /// The issue's query: the share of Russians among all new applicants per destination in 2017.
    static let shareOfAll = "applicants where origin = RU and kind = new in 2017 group by destination lookup (destination_totals where kind = new in 2017 group by destination) as all_origins on destination show applications, all_origins.applications, applications / all_origins.applications * 100 as pct_of_all top 5"

    @Test func parsesLookupJoinAndParenthesisedSources() {
        #expect(parsed("applicants lookup population on destination = country, year show applications")
            == "(applicants (lookup population (on (= destination country) year)) (show applications))")
        #expect(parsed("(applicants where origin = RU) join (decisions in 2017) as d on origin")
            == "((applicants (where (= origin RU))) (join (decisions (in 2017)) (as d) (on origin)))")
        #expect(parsed("let t = (destination_totals in 2017)") == "(let t ((destination_totals (in 2017))))")
        #expect(parsed("applicants lookup (destination_totals\n  group by destination) as all on destination")
            == "(applicants (lookup (destination_totals (group-by destination)) (as all) (on destination)))")
    }

    @Test func syntaxErrorsPointAtWhatIsMissing() {
        #expect(rendered("applicants lookup population show applications", mode: .interactive) == """
            error: expected 'on' and the key column after 'population'
             --> <prompt>:1:30
              |
            1 | applicants lookup population show applications
              |                              ^^^^

            """)
        #expect(rendered("applicants join on origin", mode: .interactive).hasPrefix("error: expected a dataset after 'join'"))
        #expect(codes("applicants lookup (population in 2017 on country") == ["unexpected-token"])
    }

    @Test func shareOfAllApplicantsAgreesWithSQLite() throws {
        let expected = try SQLiteOracle.run(["""
            select a.destination, sum(a.applications), t.total, sum(a.applications) * 100.0 / t.total
            from applicants a left join (select destination, sum(applications) total from destination_totals
              where kind = 'new' and year = 2017 group by destination) t on t.destination = a.destination
            where a.origin = 'RUS' and a.kind = 'new' and a.year = 2017
            group by a.destination order by sum(a.applications) desc, a.destination limit 5
            """])
        let rows = bundled.run(Self.shareOfAll).output.split(separator: "\n").dropFirst().map(String.init)
        #expect(rows.count == 5)
        #expect(zip(rows, expected[0]).allSatisfy(SQLiteOracle.sameRow), "tally: \(rows)\nsqlite: \(expected[0])")
        #expect(rows.first?.hasPrefix("DEU,4884,198308,2.46") == true, "\(rows.first ?? "")")
    }

    @Test func joinThatFansOutSaysHowManyRowsCountTwice() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from (select a.rowid from applicants a join decisions d
              on d.origin = a.origin and d.destination = a.destination and d.year = a.year
              where a.year = 2017 group by a.rowid having count(*) > 1)
            """])
        let count = Int(expected.first?.first ?? "") ?? -1
        #expect(count > 0)
        let errors = bundled.run("applicants in 2017 join decisions on origin, destination, year group by destination show applications, sum(total)").errors
        #expect(errors.contains("warning: \(NumberFormat.grouped(Int64(count))) rows of applicants were counted more than once"), "\(errors)")
    }

    /// Summing a column of the other side counts each of its rows once per source row it matched.
    @Test func joinThatFansOutTheOtherSideSaysSoToo() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from (select d.rowid from applicants a join decisions d
              on d.origin = a.origin and d.destination = a.destination and d.year = a.year
              where a.year = 2017 group by d.rowid having count(*) > 1)
            """])
        let count = Int(expected.first?.first ?? "") ?? -1
        #expect(count > 0)
        let errors = bundled.run("applicants in 2017 join decisions on origin, destination, year group by destination show sum(total)").errors
        #expect(errors.contains("warning: \(NumberFormat.grouped(Int64(count))) rows of decisions were counted more than once"), "\(errors)")
        #expect(!errors.contains("rows of applicants were counted"), "only decisions' column is summed")
    }

    /// A joined column shown outside an aggregate (one value per group) is not summed, so the
    /// other side's repeated rows distort nothing and no fan-out caveat is due.
    @Test func aRepeatedRowThatIsNotSummedIsNoFanOut() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from applicants a join population p on p.country = a.destination and p.year = a.year
              where a.year = 2017 and a.origin = 'RUS' and a.destination = 'DEU'
            """])
        let result = bundled.run("applicants join population on destination = country, year where origin = RU and destination = DE in 2017 group by destination show count, population.population, max(population.population)")
        #expect(result.output.contains("DEU,\(expected.first?.first ?? "?"),82657002,82657002"), "\(result.output)")
        #expect(!result.errors.contains("counted more than once"), "\(result.errors)")
    }

    /// `sum(population)` over applicants' rows adds a country's population once per row that
    /// looked it up: a per-capita rate from it is too small, and tally says so.
    @Test func summingALookedUpColumnThatSeveralRowsLookedUpWarns() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from (select p.rowid from applicants a join population p
              on p.country = a.destination and p.year = a.year
              where a.year = 2017 and a.origin = 'RUS' group by p.rowid having count(*) > 1)
            """])
        let count = Int(expected.first?.first ?? "") ?? -1
        #expect(count > 1)
        let summed = bundled.run("applicants where origin = RU in 2017 group by destination lookup population on destination = country, year show sum(applications) / sum(population) * 100000 as per_100k top 3").errors
        #expect(summed.contains("warning: an aggregate of population counts a row of population once for every kept row that looked it up, and \(count) rows of population were looked up by more than one of the same group (destination, year: "), "\(summed)")
        // Shown once per group, or summed over rows that each look up a row of their own, it is right.
        for query in ["applicants where origin = RU in 2017 group by destination, year lookup population on destination = country, year show sum(applications) / population * 100000 as per_100k top 3",
                      "applicants where origin = RU and kind = new and unit = persons in 2017 group by destination lookup population on destination = country, year show sum(applications) / sum(population) * 100000 as per_100k top 3",
                      "applicants where origin = RU in 2017 lookup population on destination = country, year group by destination show max(population), count(population) top 3"] {
            let errors = bundled.run(query).errors
            #expect(!errors.contains("repeated-lookup") && !errors.contains("looked up by more than one"), "\(query)\n\(errors)")
        }
    }

    /// A row of the other side counts twice only when two kept rows of one group came from it:
    /// summed per origin, each destination's population is added once (none repeats within an
    /// origin), though 54 populations were looked up by several origins; summed over all rows, it
    /// repeats. The same for a join's source rows, grouped by a column of the other side that
    /// tells their matches apart. Counts from sqlite3.
    @Test func repeatsAreCountedWithinAGroup() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from (select p.rowid from applicants a join population p on p.country = a.destination and p.year = a.year
              where a.year = 2017 and a.kind = 'new' and a.unit = 'persons' group by p.rowid having count(*) > 1)
            """, """
            select count(*) from (select p.rowid from applicants a join population p on p.country = a.destination and p.year = a.year
              where a.year = 2017 and a.kind = 'new' and a.unit = 'persons' group by a.origin, p.rowid having count(*) > 1)
            """, """
            select count(*) from (select a.rowid from applicants a join decisions d on a.origin = d.origin and a.destination = d.destination
              and a.year = d.year where a.year = 2017 and a.kind = 'new' group by a.rowid having count(*) > 1)
            """, """
            select count(distinct ar) from (select a.rowid ar from applicants a join decisions d on a.origin = d.origin
              and a.destination = d.destination and a.year = d.year where a.year = 2017 and a.kind = 'new' group by a.rowid, d.unit having count(*) > 1)
            """])
        let counts = expected.map { Int($0.first ?? "") ?? -1 }
        #expect(counts == [counts[0], 0, counts[2], 0] && counts[0] > 1 && counts[2] > 1, "\(counts)")
        let lookup = "applicants where kind = new and unit = persons in 2017 lookup population on destination = country, year"
        #expect(bundled.run(lookup + " show sum(population)").errors.contains(
            "and \(counts[0]) rows of population were looked up by more than one (destination, year: "))
        let perOrigin = bundled.run(lookup + " group by origin show sum(population) top 3").errors
        #expect(!perOrigin.contains("repeated-lookup") && !perOrigin.contains("looked up by more than one"), "\(perOrigin)")
        let join = "applicants where kind = new in 2017 join decisions on origin, destination, year"
        #expect(bundled.run(join + " show sum(applications)").errors.contains(
            "warning: \(counts[2]) rows of applicants were counted more than once"))
        let perUnit = bundled.run(join + " group by decisions.unit show sum(applications)").errors
        #expect(!perUnit.contains("counted more than once"), "\(perUnit)")
    }

    @Test func lookupOfADuplicatedKeyShowsTheKey() {
        #expect(bundled.errors("applicants lookup decisions on origin, destination, year top 3") == """
            error: a lookup needs one row per key, and decisions has 2 rows with origin = ARM, destination = AUS, year = 2002
             --> <prompt>:1:19
              |
            1 | applicants lookup decisions on origin, destination, year top 3
              |                   ^^^^^^^^^ 2 rows share one key
              = help: aggregate it first, e.g. `lookup (decisions group by origin, destination, year) as decisions_totals on origin, destination, year`
              = help: or use `join` to keep every match (each source row then counts once per match)

            """)
    }

    /// A time series looked up without its time column: the help picks its latest year (from
    /// sqlite3), or matches the year too when the source has one, and never suggests adding up
    /// its years; the suggested lookup runs.
    @Test func lookupOfATimeSeriesWithoutItsYearSuggestsOneYear() throws {
        let expected = try SQLiteOracle.run(["select max(year) from population", """
            select c.name from countries c join population p on p.country = c.iso3
              where p.year = (select max(year) from population) order by cast(p.population as integer) desc limit 1
            """])
        let latest = expected[0].first ?? "", largest = expected[1].first ?? ""
        let countries = bundled.errors("countries lookup population on iso3 = country show name")
        #expect(countries.contains("help: population has a row per year: pick one, e.g. `lookup (population in \(latest)) as population_\(latest) on iso3 = country`"), "\(countries)")
        #expect(!countries.contains("group by"))
        let applicants = bundled.errors("applicants lookup population on destination = country show applications")
        #expect(applicants.contains("population has a row per year: match it too (`on destination = country, year`), or pick one"), "\(applicants)")
        let picked = bundled.run("countries lookup (population in \(latest)) as population_\(latest) on iso3 = country show name, population sort by population desc limit 1")
        #expect(!largest.isEmpty && picked.output.contains(largest), "\(picked)")
    }

    /// The query's conditions read only applicants, so the lookup reads only the rows they keep.
    @Test func explainNamesBothDatasetsTheKeyAndTheMatches() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from applicants where origin = 'RUS' and kind = 'new' and year = 2017
              and destination in (select destination from destination_totals where kind = 'new' and year = 2017)
            """, """
            select count(*) from applicants where origin = 'RUS' and kind = 'new' and year = 2017
              and destination not in (select destination from destination_totals where kind = 'new' and year = 2017)
            """])
        let matched = NumberFormat.grouped(Int64(expected[0].first ?? "") ?? -1)
        let unmatched = NumberFormat.grouped(Int64(expected[1].first ?? "") ?? -1)
        let text = bundled.run("explain " + Self.shareOfAll).output
        #expect(text.contains("look up (destination_totals where kind = new in 2017 group by destination) as all_origins on destination for each row of applicants: \(matched) rows matched, \(unmatched) rows without a match"), "\(text)")
        #expect(matched != "0" && matched != "-1")
    }

    /// Conditions on the source alone that keep more than half of its rows (8,921 and 7,026 of
    /// 12,405 here) are not copied before the lookup or join: it reads every row and carries the
    /// kept ones through. What `explain` and the caveats count is still of the kept rows only.
    @Test func conditionsKeepingMostRowsCountOnlyTheirRowsThroughLookupsAndJoins() throws {
        let answers = try SQLiteOracle.run(["""
            select count(*), count(p.country) from applicants a left join population p on p.country = a.destination and p.year = a.year
            where a.kind <> 'appeal' and a.year >= 2005
            """, """
            select count(distinct p.country || p.year) from applicants a join population p on p.country = a.destination and p.year = a.year
            where a.kind <> 'appeal' and a.year >= 2005
            """, """
            select count(*), sum(m > 0), sum(m > 1), sum(m) from (select (select count(*) from decisions d
              where d.origin = a.origin and d.destination = a.destination and d.year = a.year) m
            from applicants a where a.applications > 10 and a.kind <> 'appeal')
            """, """
            select count(distinct d.rowid) from applicants a join decisions d on d.origin = a.origin and d.destination = a.destination and d.year = a.year
            where a.applications > 10 and a.kind <> 'appeal'
            """]).map { $0.first.map(SQLiteOracle.fields) ?? [] }
        let number = { (text: String?) in NumberFormat.grouped(Int64(text ?? "") ?? -1) }
        let (kept, matched) = (Int(answers[0].first ?? "") ?? 0, Int(answers[0].last ?? "") ?? 0)
        #expect(kept > 12_405 / 2 && kept < 12_405 && matched < kept)
        let lookup = bundled.run("explain applicants where kind != appeal since 2005 lookup population on destination = country, year group by year show sum(applications)").output
        #expect(lookup.contains("\(number(answers[0].last)) rows matched, \(NumberFormat.grouped(Int64(kept - matched))) rows without a match"), "\(lookup)")
        #expect(lookup.contains("\(number(answers[1].first)) rows of population used"), "\(lookup)")
        #expect(lookup.contains("- unmatched-lookup: \(NumberFormat.grouped(Int64(kept - matched))) kept rows have no match"), "\(lookup)")
        let join = bundled.run("explain applicants where applications > 10 and kind != appeal join decisions on origin, destination, year show sum(applications)").output
        let fields = answers[2].compactMap { Int($0) }
        #expect(fields.count == 4 && fields[0] > 12_405 / 2)
        if fields.count == 4 {
            #expect(join.contains("join decisions on origin, destination, year: \(number(String(fields[1]))) rows of applicants matched, \(number(String(fields[0] - fields[1]))) did not"), "\(join)")
            #expect(join.contains("\(number(answers[3].first)) rows of decisions matched"), "\(join)")
            #expect(join.contains("; \(number(String(fields[2]))) rows of applicants matched more than once  → \(number(String(fields[3]))) rows"), "\(join)")
        }
    }

    /// A looked-up measure (population) is written with separators, in rows and when grouped, as
    /// the source's own measures are; sqlite3 gives the figure.
    @Test func aLookedUpMeasureIsWrittenWithSeparators() throws {
        let expected = try SQLiteOracle.run(["select population from population where country = 'ARG' and year = 2017"])
        let figure = NumberFormat.grouped(Int64(expected[0].first ?? "") ?? -1)
        #expect(figure.contains(","))
        _ = bundled.run("set format table")
        let rows = bundled.run("applicants where origin = RU and kind = new in 2017 and destination = AR lookup population on destination = country, year show destination, population").output
        #expect(rows.contains("│ Argentina   │ \(figure) │"), "\(rows)")
        let grouped = bundled.run("applicants where origin = RU and kind = new in 2017 and destination = AR lookup population on destination = country, year group by destination show population").output
        #expect(grouped.contains("│ Argentina   │ \(figure) │"), "\(grouped)")
    }

    @Test func keptRowsWithoutAMatchAreACaveat() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from applicants a where a.year = 2019 and a.origin = 'RUS'
              and not exists (select 1 from population p where p.country = a.destination and p.year = a.year)
            """])
        let count = Int(expected.first?.first ?? "") ?? -1
        let result = bundled.run("applicants lookup population on destination = country, year where origin = RU in 2019 group by destination show applications, population")
        if count > 0 {
            #expect(result.errors.contains("warning: \(count) kept \(count == 1 ? "row has" : "rows have") no match in population"), "\(result.errors)")
        } else {
            #expect(!result.errors.contains("no match"))
        }
    }

    /// Each lookup or join is an operator the executor runs: binding reads only the other side's
    /// names, types and dictionaries, so the bound plan holds no combined rows (and `sql` makes
    /// none); running it makes them, and sqlite3 gives the same sum.
    @Test func lookupsAndJoinsAreMadeWhenTheQueryRuns() throws {
        let text = "applicants where origin = RU join decisions on origin, destination, year lookup population on destination = country, year show sum(total), count(population)"
        let file = SourceFile(name: "<test>", text: text)
        let query = try #require(Parser.parse(file, mode: .script).statements.first.flatMap(RefinableQuery.query(of:)))
        let plan = try Binder.bind(query, in: file, catalog: bundled.session.catalog)
        let combines = plan.root.executionOrder.compactMap { node -> Combine? in
            if case .combine(let combine) = node { return combine }
            return nil
        }
        #expect(combines.map(\.combination.kind) == [.join, .lookup] && combines.allSatisfy { $0.table.rowCount == 0 })
        #expect(combines.map(\.table.columns.count) == [9, 10])
        let expected = try SQLiteOracle.run(["""
            select sum(d.total), count(p.population) from applicants a join decisions d
              on d.origin = a.origin and d.destination = a.destination and d.year = a.year
            left join population p on p.country = a.destination and p.year = a.year
            where a.origin = 'RUS'
            """]).first?.first.map(SQLiteOracle.fields)
        let result = try Executor.run(plan)
        #expect(result.table.rowCount == 1 && (0..<2).map { CellFormatter.raw(result.table.columns[$0].value(at: 0)) } == expected, "\(String(describing: expected))")
    }

    @Test func countryKeysMatchByResolvedCode() throws {
        let path = NSTemporaryDirectory() + "tally-combine-\(UUID().uuidString).csv"
        try Data("code,year,visitors\nRU,2017,5\nDE,2017,7\nXX,2017,1\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = bundled.run("load \"\(path)\" as visits with time year, countries code")
        let rows = bundled.run("visits lookup population on code = country, year show code, population").output
        // The figures of 2017,RUS and 2017,DEU in population.csv; XX is no country.
        #expect(rows == "code,population\nRU,145293260\nDE,82657002\nXX,\n", "\(rows)")
    }

    @Test func aQualifierNamingASideWinsOverACountryAttribute() {
        let withSide = bundled.run("applicants lookup countries as destination on destination = iso3 where origin = RU and destination = DE in 2017 and kind = new show destination.eu_joined, destination.region").output
        #expect(withSide == "destination.eu_joined,destination.region\n1958,Europe\n", "\(withSide)")
        #expect(bundled.errors("applicants where origin = RU show destination.eu_joined").contains("a country has no attribute 'eu_joined'"))
    }

    @Test func aLookedUpColumnThatVariesInAGroupIsAnError() {
        let errors = bundled.errors("applicants lookup population on destination = country, year where origin = RU group by destination show applications, population")
        #expect(errors.contains("error: population has more than one value in a group (destination = "), "\(errors)")
    }

    /// Rows 2, 3 and 4 of `src` have no `k` in `o3` (by hand), so the other side's key, named
    /// qualified, is missing there rather than a copy of the source's key.
    @Test func anUnmatchedRowHasNoOtherSideKey() {
        let harness = QueryHarness(extra: [
            (name: "src", csv: "k,v\n9,1\n9,2\n9,3\n8,4\n1,5\n", info: DatasetInfo()),
            (name: "o3", csv: "k,v\n1,100\n5,200\n9,300\n", info: DatasetInfo())])
        #expect(harness.csv("src lookup o3 on v = k show v, o3.k, o3.v") == "v,o3.k,o3.v\n1,1,100\n2,,\n3,,\n4,,\n5,5,200\n")
        #expect(harness.csv("src lookup o3 on v = k where o3.k is not missing show count") == "count\n2\n")
        #expect(harness.csv("src lookup o3 on v = k where o3.k is missing show count") == "count\n3\n")
        // Unqualified, `k` is still the source's key.
        #expect(harness.csv("src lookup o3 on k show k, o3.v") == "k,o3.v\n9,300\n9,300\n9,300\n8,\n1,100\n")
    }

    /// No `k` of `src` (9, 8, 1) is in `nomatch` (100), by hand: the join makes no row, and says so.
    @Test func aJoinThatPairsNothingSaysWhy() {
        let harness = QueryHarness(extra: [
            (name: "src", csv: "k,v\n9,1\n9,2\n9,3\n8,4\n1,5\n", info: DatasetInfo()),
            (name: "nomatch", csv: "k,w\n100,1\n", info: DatasetInfo())])
        let grouped = harness.run("src join nomatch on k group by k show sum(v)")
        #expect(grouped.output == "k,sum(v)\n")
        #expect(grouped.errors == """
            note: joining nomatch on k found no match for any of the 5 rows of src: no value of the key is on both sides
              = help: a join keeps only the rows with a match on both sides; `lookup` keeps every row, its looked-up values missing where nothing matches
              = help: `src group by k` and `nomatch group by k` show the values each side has

            """)
        let counted = harness.run("src where v = 2 join (nomatch where w > 5) as n on k show count")
        #expect(counted.output == "count\n0\n")
        #expect(counted.errors.hasPrefix("note: joining (nomatch where w > 5) as n on k found no match for the 1 row of src: (nomatch where w > 5) as n has no rows\n"), "\(counted.errors)")
        // A filter that left no row to join is the reason, not the join.
        #expect(harness.run("src join nomatch on k where k = 100 show count").errors.hasPrefix("note: `k = 100` matches no row of src"))
        #expect(harness.run("src lookup nomatch on k show count").errors.contains("no match in nomatch"))
    }

    @Test func theUnmatchedRowsOfALookupAgreeWithSQLite() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from applicants a left join population p on p.country = a.destination and p.year = a.year
            where a.origin = 'RUS' and a.year between 2023 and 2025 and p.country is null
            """])
        let count = expected.first?.first ?? "?"
        #expect(count != "0")
        let output = bundled.run("applicants where origin = RU between 2023 and 2025 lookup population as p on destination = country, year where p.country is missing show count").output
        #expect(output == "count\n\(count)\n", "\(output)")
    }
}

/// The issue's lookup, translated to SQL, gives tally's answer in sqlite3, DuckDB and PostgreSQL.
@Suite struct CombineSQLTests {
    let run = DifferentialRun()

    /// The SQL of `text` in `dialect`, and tally's own CSV rows.
    func translated(_ text: String, _ dialect: SQLDialect) throws -> (sql: String, rows: [String]) {
        let file = SourceFile(name: "<test>", text: text)
        guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else {
            Issue.record("\(text) does not parse")
            return ("", [])
        }
        let plan = try Binder.bind(query, in: file, catalog: run.session.catalog)
        let rows = Array(SQLiteOracle.lines(ResultRenderer(format: .csv).render(try Executor.run(plan))).dropFirst())
        return (try SQLTranslator.translate(plan, to: dialect), rows)
    }

    static let queries = [
        CombineTests.shareOfAll,
        "applicants in 2017 join decisions on origin, destination, year group by destination show applications, sum(total) top 5",
        "applicants where origin = RU in 2016 lookup population on destination = country, year show destination, kind, applications, population.population limit 6",
        "(applicants where origin = RU and kind = new) in 2017 group by destination top 3",
        CountryAttributeTests.pairs[0].tally,
        "applicants where origin = RU in 2017 and destination.subregion = \"Western Europe\" group by destination show destination.region, destination.name, applications",
        "applicants where origin = RU and destination.population < 10000000 in 2017 show destination, destination.iso2, origin.name, applications / destination.population * 100000 as rate limit 8",
        "decisions where destination.region = Europe in 2019 group by destination.subregion show sum(total) / sum(destination.population) * 100000 as per_100k",
        "applicants where applications > 10 and kind != appeal join decisions on origin, destination, year group by year show sum(total) sort by year limit 5",
        "applicants where kind != appeal since 2005 lookup population on destination = country, year group by year show count(population), max(population.population) sort by year limit 5",
        "applicants where origin = RU between 2023 and 2025 lookup population as p on destination = country, year where p.country is missing group by year show count",
    ]

    @Test func sqliteAgrees() throws {
        let cases = try Self.queries.map { try translated($0, .sqlite) }
        let answers = try SQLiteOracle.run(cases.map(\.sql))
        for (index, item) in cases.enumerated() {
            #expect(!item.rows.isEmpty)
            #expect(answers[index].count == item.rows.count && zip(item.rows, answers[index]).allSatisfy(SQLiteOracle.sameRow),
                    "\(Self.queries[index])\n\(item.sql)\n tally: \(item.rows)\n sqlite: \(answers[index])")
        }
        #expect(answers[0].first?.hasPrefix("DEU,4884,198308,2.46") == true)
        let perCapita = answers[4].map { SQLiteOracle.fields($0) }
        #expect(perCapita.first { $0.first == "DEU" }.flatMap { Double($0[2]) }.map { NumberFormat.fixed($0) } == "5.91")
        #expect(perCapita.first { $0.first == "FIN" }.flatMap { Double($0[2]) }.map { NumberFormat.fixed($0) } == "6.74")
    }

    /// Country attributes of a column that writes countries its own way (ISO-2 codes, a name,
    /// `Tibetan`, which has no ISO code, and a value of no country): the SQL maps each value to
    /// its country's key in `countries` and `population`, and sqlite3 gives tally's rows.
    @Test func attributesOfRecodedValuesAgreeWithSQLite() throws {
        let path = NSTemporaryDirectory() + "tally-attributes-\(UUID().uuidString).csv"
        let csv = "code,year,visitors\nRU,2017,5\nDE,2016,7\nFrance,2017,3\nTibetan,2017,2\nXX,2017,1\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = run.session.run(SourceFile(name: "<test>", text: "load \"\(path)\" as visits with time year, countries code"), mode: .script, output: BufferedOutput())
        let queries = [
            "visits show code, code.name, code.iso2, code.region, code.population, visitors / code.population * 1000000 as per_million",
            "visits where code.subregion is not missing group by code.subregion show sum(visitors), sum(code.population)",
        ]
        let cases = try queries.map { try translated($0, .sqlite) }
        let table = "CREATE TABLE visits(code TEXT, year INTEGER, visitors INTEGER);\n.import --skip 1 \(path) visits\n"
        let answers = try SQLiteOracle.run(cases.map(\.sql), schema: SQLiteOracle.schema + table)
        for (index, item) in cases.enumerated() {
            #expect(answers[index].count == item.rows.count && zip(item.rows, answers[index]).allSatisfy(SQLiteOracle.sameRow),
                    "\(queries[index])\n\(item.sql)\n tally: \(item.rows)\n sqlite: \(answers[index])")
        }
        // Russia in 2017 and Germany in 2016 from population.csv. `France` is no ISO-2 code, so it
        // stands for no country; Tibetan has a region but no ISO code, so `countries` is joined
        // on UNHCR codes for its name and region, on ISO-3 codes for ISO-2.
        #expect(Array(cases[0].rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(5).joined(separator: ",") }) == [
            "RU,Russian Federation,RU,Europe,145293260", "DE,Germany,DE,Europe,82348669", "France,,,,",
            "Tibetan,Tibetan,,Asia and the Pacific,", "XX,,,,",
        ])
        #expect(cases[0].sql.contains("\"tally_j1\".\"unhcr_code\" = (CASE \"tally_b\".\"code\" WHEN 'DE' THEN 'GFR'"), "\(cases[0].sql)")
        #expect(cases[0].sql.contains("\"tally_j2\".\"iso3\" = (CASE \"tally_b\".\"code\" WHEN 'DE' THEN 'DEU'"), "\(cases[0].sql)")
        #expect(cases[0].sql.contains("WHEN 'XX' THEN NULL"), "\(cases[0].sql)")
    }

    @Test(.enabled(if: PythonEngine.hasModule("duckdb"), "python3 cannot import duckdb (pip install duckdb)"))
    func duckDBAgrees() throws {
        let cases = try Self.queries.map { try translated($0, .duckdb) }
        let answers = try PythonEngine.run("duckdb", tables: run.tables, queries: cases.map(\.sql))
        for (index, item) in cases.enumerated() {
            guard case .rows(let rows) = answers[index] else {
                Issue.record("\(Self.queries[index]): \(answers[index])")
                continue
            }
            #expect(rows.count == item.rows.count && zip(item.rows, rows).allSatisfy(SQLiteOracle.sameRow),
                    "\(Self.queries[index])\n\(item.sql)\n tally: \(item.rows)\n duckdb: \(rows)")
        }
    }

    @Test(.enabled(if: postgresReachable, "no PostgreSQL server (set TALLY_POSTGRES_URL)"))
    func postgresAgrees() {
        let native = QueryRun(remote: nil), remote = QueryRun(remote: postgresURL)
        for query in Self.queries {
            let answer = remote.table(query)
            #expect(answer == native.table(query), "\(query)")
            #expect(!answer.contains("error"), "\(answer)")
        }
        // `explain` says what each lookup and join matched, counted in the local copy.
        for query in [CombineTests.shareOfAll, Self.queries[1]] {
            let explained = remote.table("explain " + query)
            #expect(explained == native.table("explain " + query))
            #expect(explained.contains("rows matched") || explained.contains("rows of applicants matched"), "\(explained)")
        }
    }
}
