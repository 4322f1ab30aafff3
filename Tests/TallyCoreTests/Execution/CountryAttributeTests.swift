import Foundation
import Testing
@testable import TallyCore
import TallyData

/// Country attributes (`destination.region`, `destination.population`) on the bundled data,
/// each result compared with sqlite3 joining the same CSV files by hand.
@Suite struct CountryAttributeTests {
    /// EU membership in 2017 spelled out: joined by then and not yet left.
    static let euIn2017 = "c.eu_joined <= 2017 and (c.eu_left is null or c.eu_left > 2017)"

    static let pairs: [(tally: String, sql: String)] = [
        ("applicants where origin = RU and kind = new in 2017 and destination in EU group by destination show applications, applications / destination.population * 100000 as per_100k sort by per_100k desc",
         "select a.destination, sum(a.applications), sum(a.applications) * 100000.0 / p.population r from applicants a join countries c on c.iso3 = a.destination left join population p on p.country = a.destination and p.year = a.year where a.origin = 'RUS' and a.kind = 'new' and a.year = 2017 and \(euIn2017) group by a.destination order by r desc nulls last, a.destination"),
        ("applicants where origin = RU in 2017 group by destination.region",
         "select c.region, sum(a.applications) s from applicants a left join countries c on c.iso3 = a.destination where a.origin = 'RUS' and a.year = 2017 group by c.region order by s desc, c.region"),
        ("applicants where destination.subregion = \"Western Europe\" in 2016 group by destination show destination.name, applications",
         "select a.destination, c.name, sum(a.applications) s from applicants a join countries c on c.iso3 = a.destination where c.subregion = 'Western Europe' and a.year = 2016 group by a.destination order by s desc, a.destination"),
        ("destination_totals where destination.population < 1000000 in 2019 show destination, destination.iso2, applications",
         "select d.destination, c.iso2, d.applications from destination_totals d join population p on p.country = d.destination and p.year = d.year left join countries c on c.iso3 = d.destination where p.population < 1000000 and d.year = 2019 order by d.rowid"),
    ]

    let session: Session = {
        let session = Session()
        _ = BundledData.load(into: session, output: BufferedOutput())
        session.settings.format = .csv
        return session
    }()

    /// Runs `text`; the output, the errors, and whether it succeeded.
    func run(_ text: String) -> (output: String, errors: String, succeeded: Bool) {
        let sink = BufferedOutput()
        let outcome = session.run(SourceFile(name: "<test>", text: text), mode: .script, output: sink)
        return (sink.output, sink.errors, outcome == .success)
    }

    @Test func attributesAgreeWithSQLite() throws {
        let expected = try SQLiteOracle.run(Self.pairs.map(\.sql))
        #expect(expected.count == Self.pairs.count, "sqlite3 must answer every query")
        for (index, pair) in Self.pairs.enumerated() where index < expected.count {
            let result = run(pair.tally)
            #expect(result.succeeded, "\(pair.tally): \(result.errors)")
            let rows = result.output.split(separator: "\n").dropFirst().map(String.init)
            let same = rows.count == expected[index].count && zip(rows, expected[index]).allSatisfy(SQLiteOracle.sameRow)
            #expect(same, "\(pair.tally)\n tally:  \(rows.prefix(6))\n sqlite: \(expected[index].prefix(6))")
            #expect(!rows.isEmpty, "\(pair.tally) should have rows")
        }
    }

    /// A key that is a country attribute is named as written, in the result and in a dataset made of it.
    @Test func attributeKeysAreNamedAsWritten() {
        #expect(run("applicants where origin = RU in 2017 group by destination.region").output.hasPrefix("destination.region,applications\n"))
        #expect(run("applicants where origin = RU group by destination.subregion, year since 2020 show count").output
            .hasPrefix("destination.subregion,year,count\n"))
        let derived = run("let regions = applicants where origin = RU in 2017 group by destination.region\nregions")
        #expect(derived.succeeded, "\(derived.errors)")
        #expect(derived.output.hasPrefix("destination.region,applications\nEurope,19191\n"))
    }

    /// The issue's figures: Germany 4,884 new Russian applications in 2017 on 82,657,002
    /// residents (5.91 per 100,000); Finland 371 cases on 5,508,214 (6.74), in cases, which the
    /// units caveat says.
    @Test func perCapitaFiguresOfTheIssue() {
        let result = run(Self.pairs[0].tally)
        let rows = result.output.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let germany = rows.first { $0.first == "DEU" }, finland = rows.first { $0.first == "FIN" }
        #expect(germany?[1] == "4884")
        #expect(finland?[1] == "371")
        #expect(germany.flatMap { Double($0[2]) }.map { NumberFormat.fixed($0) } == "5.91")
        #expect(finland.flatMap { Double($0[2]) }.map { NumberFormat.fixed($0) } == "6.74")
        #expect(result.errors.contains("warning: these sums of applications add different units together: 12,244 persons, 371 cases"))
    }

    /// No population figure for 2025: every rate is missing (never 0) and the caveat says so.
    @Test func missingPopulationIsMissingNotZero() {
        let result = run("applicants where origin = RU and destination = DE in 2025 group by destination show applications / destination.population as rate")
        #expect(result.output == "destination,rate\nDEU,\n")
        #expect(result.errors.contains("warning: destination.population has no figure for DEU (2025): what depends on it is missing there, not 0"))
        #expect(result.errors.contains("its figures cover 1960–2024"))
    }

    /// Liechtenstein had 37,962 residents in 2017 (population.csv), under the 100,000 threshold.
    @Test func smallPopulationWarnsOnlyWhenItDivides() {
        let rate = run("destination_totals where destination = LI in 2017 group by destination show applications / destination.population * 100000 as per_100k")
        #expect(rate.errors.contains("warning: a rate per resident from a base under 100,000 residents: LIE (37,962 in 2017)"))
        let plain = run("destination_totals where destination = LI in 2017 group by destination show applications, destination.population")
        #expect(plain.succeeded)
        #expect(!plain.errors.contains("base under 100,000"))
    }

    /// Divided by a sum of populations, a rate's base is the group's sum, not each country: all
    /// 2015 destinations of new Russian applicants (sqlite3: over 2.7 billion residents, one row
    /// per destination) or Europe's are no small base though Liechtenstein (37,494) is among
    /// them; Liechtenstein alone is, and dividing by each country's figure still names it.
    @Test func summedPopulationBaseIsTheGroupsSum() throws {
        let rows = "applicants where origin = RU and kind = new and unit = persons in 2015"
        let warning = "warning: a rate per resident from a base under 100,000 residents: LIE (37,494 in 2015)"
        let expected = try SQLiteOracle.run(["""
            select sum(p.population), sum(a.applications) * 100000.0 / sum(p.population) from applicants a
              left join population p on p.country = a.destination and p.year = a.year
              where a.origin = 'RUS' and a.kind = 'new' and a.unit = 'persons' and a.year = 2015
            """])
        let base = try #require(expected.first?.first?.split(separator: ",").compactMap { Double($0) })
        #expect(base.count == 2 && base[0] > 2e9, "\(expected)")
        let all = run(rows + " show sum(applications) / sum(destination.population) * 100000 as r")
        #expect(all.output.split(separator: "\n").last.flatMap { Double($0) }.map { NumberFormat.fixed($0) } == base.last.map { NumberFormat.fixed($0) }, "\(all.output)")
        #expect(!all.errors.contains("base under 100,000"), "\(all.errors)")
        let regions = run(rows + " group by destination.region show sum(applications) / sum(destination.population) * 100000 as r")
        #expect(regions.output.contains("Europe,3.3"), "\(regions.output)")
        #expect(!regions.errors.contains("base under 100,000"), "\(regions.errors)")
        #expect(run(rows + " and destination = LI show sum(applications) / sum(destination.population) * 100000 as r").errors.contains(warning))
        #expect(run(rows + " group by destination show sum(applications) / destination.population * 100000 as r").errors.contains(warning))
    }

    /// Summing a population over the rows of a region adds a country once per row (Germany has
    /// several rows of Russian applicants in 2017, one per kind and unit): sqlite shows the sum is
    /// larger than the residents of the distinct countries, and tally warns; with one row per
    /// country (grouped first) the sum is the residents and nothing is said.
    @Test func summedPopulationWarnsWhenACountryRepeats() throws {
        let expected = try SQLiteOracle.run(["""
            select sum(p.population) from applicants a join countries c on c.iso3 = a.destination
              left join population p on p.country = a.destination and p.year = a.year
              where a.origin = 'RUS' and a.year = 2017 and c.region = 'Europe'
            """, """
            select sum(population) from (select distinct a.destination, p.population from applicants a
              join countries c on c.iso3 = a.destination
              left join population p on p.country = a.destination and p.year = a.year
              where a.origin = 'RUS' and a.year = 2017 and c.region = 'Europe')
            """])
        let summed = expected[0].first ?? "", residents = expected[1].first ?? ""
        #expect(summed != residents)
        let rows = run("applicants where origin = RU and destination.region = Europe in 2017 group by destination.region show sum(destination.population)")
        #expect(rows.output.contains("Europe,\(summed)"), "\(rows.output)")
        #expect(rows.errors.contains("warning: a sum of destination.population adds a country's population once for each of its rows"), "\(rows.errors)")
        let once = run("(applicants where origin = RU and destination.region = Europe in 2017 group by destination show destination.population as residents) show sum(residents)")
        #expect(once.output.contains(residents), "\(once.output)")
        let plain = run("applicants where origin = RU and destination.region = Europe in 2017 group by destination show max(destination.population)")
        #expect(!plain.errors.contains("a sum of destination.population"), "\(plain.errors)")
    }

    /// A population repeats only when one group has several rows of a country in a year: with
    /// one kind and unit, each origin has one row per destination, so a sum per origin adds each
    /// country once, though 2017's rows hold most destinations several times over all origins.
    /// Both counts from sqlite3.
    @Test func summedPopulationRepeatsOnlyWithinAGroup() throws {
        let expected = try SQLiteOracle.run(["""
            select count(*) from (select destination from applicants where year = 2017 and kind = 'new' and unit = 'persons'
              group by destination having count(*) > 1)
            """, """
            select count(*) from (select origin, destination from applicants where year = 2017 and kind = 'new' and unit = 'persons'
              group by origin, destination having count(*) > 1)
            """])
        #expect((Int(expected[0].first ?? "") ?? 0) > 1)
        #expect(expected[1].first == "0")
        let rows = "applicants where kind = new and unit = persons in 2017"
        #expect(run(rows + " show sum(destination.population)").errors.contains("warning: a sum of destination.population adds"))
        let perOrigin = run(rows + " group by origin show sum(destination.population) top 3")
        #expect(perOrigin.succeeded)
        #expect(!perOrigin.errors.contains("a sum of destination.population"), "\(perOrigin.errors)")
    }

    /// Without a year the population of a destination varies between its rows: an error
    /// naming the group and two of its values (Argentina 2000: 37,070,774; 2025 has none, so
    /// the largest is 2024's).
    @Test func attributeOutsideAggregateMustHaveOneValuePerGroup() {
        let result = run("applicants where origin = RU and destination = AR group by destination show destination.population")
        #expect(!result.succeeded)
        #expect(result.errors.contains("error: destination.population has more than one value in a group (destination = ARG: "))
        #expect(result.errors.contains("max(destination.population)"))
    }

    /// A figure present in some rows of a group and missing in others is no value for the
    /// group: 2025 has no population, so `since 2024` would divide two years of applications by
    /// 2024's residents alone (it gave 9.34). The error names the figure and "missing"; one
    /// year gives the rate (sqlite3: Germany 2024); two years with figures still vary. A Western
    /// Sahara row without a figure beside a German one is the same error, not 1,100 Germans.
    @Test func attributeMissingInSomeRowsOfAGroupIsAnError() throws {
        let rows = "applicants where origin = RU and kind = new and unit = persons and destination = DE"
        let rate = " show sum(applications), sum(applications) / destination.population * 100000 as per_100k"
        let partly = run(rows + " since 2024" + rate)
        #expect(!partly.succeeded)
        #expect(partly.errors.contains("error: destination.population is 83,516,593 in some rows of a group and missing in others (all rows)"), "\(partly.errors)")
        #expect(partly.errors.contains("a time clause (e.g. `in 2024`)"), "\(partly.errors)")
        let expected = try SQLiteOracle.run(["""
            select sum(a.applications), sum(a.applications) * 100000.0 / p.population from applicants a join population p on p.country = a.destination and p.year = a.year
              where a.origin = 'RUS' and a.kind = 'new' and a.unit = 'persons' and a.year = 2024 and a.destination = 'DEU'
            """])
        let oneYear = run(rows + " in 2024" + rate)
        let figures = try #require(oneYear.output.split(separator: "\n").last?.split(separator: ",").compactMap { Double($0) })
        let answer = try #require(expected.first?.first?.split(separator: ",").compactMap { Double($0) })
        #expect(figures.count == 2 && figures.first == answer.first, "\(oneYear.output) against \(answer)")
        #expect(figures.last.map { NumberFormat.fixed($0) } == answer.last.map { NumberFormat.fixed($0) })
        #expect(run(rows + " since 2023" + rate).errors.contains("error: destination.population has more than one value in a group (all rows: "))

        let csv = "year,country,n\n2020,ESH,1000\n2020,DEU,100\n"
        let report = try CSVLoader.load(bytes: Array(csv.utf8), path: "pc2.csv", name: "pc2", info: DatasetInfo(timeColumn: "year", roles: [.country: ["country"]]))
        session.register(report.table, origin: .loaded)
        let mixed = run("pc2 show sum(n) / country.population * 100000")
        #expect(!mixed.succeeded)
        #expect(mixed.errors.contains("error: country.population is "), "\(mixed.errors)")
        #expect(mixed.errors.contains(" in some rows of a group and missing in others (all rows)"), "\(mixed.errors)")
        #expect(run("pc2 group by country show sum(n) / country.population * 100000 as r sort by country").output.hasPrefix("country,r\nDEU,0.1"))
    }

    /// A query without groups summarizes all its kept rows as one group, so an attribute (or a
    /// looked-up column) may stand beside the aggregates when it has one value there: a rate for
    /// one country and year, as a learner checks a claim. Germany 2017: 4,884 of 82,657,002.
    @Test func attributeBesideAggregatesWithoutGroupsIsItsOneValue() throws {
        let expected = try SQLiteOracle.run(["""
            select sum(a.applications) * 100000.0 / p.population from applicants a join population p on p.country = a.destination and p.year = a.year
              where a.origin = 'RUS' and a.kind = 'new' and a.year = 2017 and a.destination = 'DEU'
            """])
        let rate = try #require(expected.first?.first.flatMap(Double.init))
        #expect((rate * 100).rounded() == 591)
        for query in ["applicants where origin = RU and kind = new and destination = DE in 2017 show sum(applications) / destination.population * 100000 as rate",
                      "applicants where origin = RU and kind = new and destination = DE in 2017 lookup population on destination = country, year show sum(applications) / population * 100000 as rate"] {
            let result = run(query)
            let lines = result.output.split(separator: "\n")
            #expect(lines.first == "rate" && lines.count == 2, "\(query)\n\(result.output)\n\(result.errors)")
            #expect(lines.last.flatMap { Double($0) }.map { abs($0 - rate) < 1e-9 } == true, "\(query): \(result.output) against \(rate)")
        }
        let verdict = run("check applicants where origin = RU and kind = new and destination = DE in 2017 show sum(applications) / destination.population * 100000 is 5.91")
        #expect(verdict.output.contains(",true"), "\(verdict.output)\n\(verdict.errors)")
        // Over several countries it has several values: the error points at it.
        let several = run("applicants where origin = RU in 2017 show sum(applications) / destination.population")
        #expect(!several.succeeded)
        #expect(several.errors.contains("error: destination.population has more than one value in a group (all rows: "), "\(several.errors)")
        #expect(several.errors.contains(" --> <test>:1:63"), "\(several.errors)")
    }

    /// A dot between names makes a qualified name; a number keeps its dot; a dot with nothing
    /// after it is an error at the end.
    @Test func qualifiedNamesParse() {
        #expect(parsed("t where destination.region = Europe") == "(t (where (= (. destination region) Europe)))")
        #expect(parsed("t show `destination` . population / 2.5") == "(t (show (/ (. `destination` population) 2.5d)))")
        #expect(rendered("t show destination.").hasPrefix("error: expected a name after 'destination.'\n"))
    }

    @Test func unknownAttributeSuggestsTheClosest() {
        let result = run("applicants group by destination show destination.regoin")
        #expect(result.errors.contains("error: a country has no attribute 'regoin'"))
        #expect(result.errors.contains("did you mean 'destination.region'?"))
        let notCountry = run("applicants group by kind.name")
        #expect(notCountry.errors.contains("error: 'kind.name' reads a country's attributes, and kind is not a country column"))
    }

    @Test func completesAttributesOfCountryColumns() {
        let completer = Completer(catalog: session.catalog)
        let line = "applicants group by destination.re"
        #expect(completer.complete(line: line, cursor: line.utf8.count) == ["destination.region"])
        let all = "applicants where destination."
        #expect(completer.complete(line: all, cursor: all.utf8.count) ==
            ["destination.iso2", "destination.name", "destination.population", "destination.region", "destination.subregion"])
        let plain = "applicants where kind."
        #expect(completer.complete(line: plain, cursor: plain.utf8.count) == [])
    }

    /// Every `help` topic's example runs on the bundled datasets (except those that read or
    /// write a file).
    @Test func helpExamplesRun() {
        for topic in HelpTopics.topics where !topic.example.hasPrefix("load") && !topic.example.hasPrefix("export") {
            let result = run(topic.example)
            #expect(result.succeeded, "help \(topic.name): \(topic.example)\n\(result.errors)")
        }
    }

    /// `describe` and `cite` credit the population figures.
    @Test func populationIsCredited() {
        let cite = run("cite population")
        #expect(cite.output.contains("World Bank, World Development Indicators, SP.POP.TOTL"))
        #expect(cite.output.contains("CC BY 4.0"))
        session.settings.format = .table
        let describe = run("describe population")
        #expect(describe.output.contains("licence: CC BY 4.0 (World Bank); the compilation ODC-PDDL 1.0"))
    }
}
