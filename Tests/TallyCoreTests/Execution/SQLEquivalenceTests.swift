import Foundation
import Testing
@testable import TallyCore
import TallyData

/// Each tally query gives the same rows as its SQL equivalent run by sqlite3 on the same
/// CSV files. The SQL spells out what tally decides implicitly: default measure and order,
/// missing values last, file order for row-by-row queries.
@Suite struct SQLEquivalenceTests {
    static let pairs: [(tally: String, sql: String)] = [
        ("applicants where origin = RU group by destination since 2012",
         "select destination, sum(applications) s from applicants where origin='RUS' and year>=2012 group by destination order by s desc, destination"),
        ("applicants since 2012 group by destination where origin = RU",
         "select destination, sum(applications) s from applicants where origin='RUS' and year>=2012 group by destination order by s desc, destination"),
        ("applicants group by destination where origin = Russia since 2012",
         "select destination, sum(applications) s from applicants where origin='RUS' and year>=2012 group by destination order by s desc, destination"),
        ("applicants where origin = RU and destination = US and kind = new and unit = cases group by year",
         "select year, sum(applications) from applicants where origin='RUS' and destination='USA' and kind='new' and unit='cases' group by year order by year"),
        ("applicants group by year, kind",
         "select year, kind, sum(applications) from applicants group by year, kind order by year, kind"),
        ("applicants group by kind, year",
         "select kind, year, sum(applications) from applicants group by kind, year order by kind, year"),
        ("applicants show count, sum(applications), min(applications), max(applications)",
         "select count(*), sum(applications), min(applications), max(applications) from applicants"),
        ("applicants group by origin top 5",
         "select origin, sum(applications) s from applicants group by origin order by s desc, origin limit 5"),
        ("applicants group by origin, destination top 10",
         "select origin, destination, sum(applications) s from applicants group by origin, destination order by s desc, origin, destination limit 10"),
        ("applicants where destination_name contains republic show count",
         "select count(*) from applicants where lower(destination_name) like '%republic%'"),
        ("applicants where unit = cases and kind = new between 2000 and 2020 group by year",
         "select year, sum(applications) from applicants where unit='cases' and kind='new' and year between 2000 and 2020 group by year order by year"),
        ("applicants in 2017 group by destination show applications, count having count > 20",
         "select destination, sum(applications) a, count(*) c from applicants where year=2017 group by destination having c > 20 order by a desc, destination"),
        ("decisions group by origin show sum(recognized) as rec, sum(total) as decided, avg(total) as mean_total",
         "select origin, sum(recognized) r, sum(total), avg(total) from decisions group by origin order by r desc, origin"),
        ("decisions where destination = DE group by year until 2005",
         "select year, sum(total) from decisions where destination='DEU' and year<=2005 group by year order by year"),
        ("decisions in 2020 show destination, recognized, total sort by total desc, destination limit 7",
         "select destination, recognized, total from decisions where year=2020 order by total desc, destination limit 7"),
        ("decisions where recognized > rejected and year >= 2015 show count",
         "select count(*) from decisions where recognized > rejected and year >= 2015"),
        ("decisions where total > 0 in 2019 show origin, destination, recognized / total as rate sort by rate desc, origin, destination limit 5",
         "select origin, destination, cast(recognized as real)/total r from decisions where total > 0 and year=2019 order by r desc, origin, destination limit 5"),
        ("destination_totals where kind = new and unit = persons group by year since 2015",
         "select year, sum(applications) from destination_totals where kind='new' and unit='persons' and year>=2015 group by year order by year"),
        ("destination_totals group by destination show distinct(year), max(applications) top 5",
         "select destination, count(distinct year), max(applications) m from destination_totals group by destination order by count(distinct year) desc, destination limit 5"),
        ("countries where eu_joined is not missing show count",
         "select count(*) from countries where eu_joined is not null"),
        ("countries where eu_left is missing and eu_joined < 1980 show name sort by name",
         "select name from countries where eu_left is null and eu_joined < 1980 order by name"),
        ("countries group by region show count, distinct(subregion)",
         "select region, count(*) c, count(distinct subregion) from countries group by region order by c desc, region nulls last"),
        ("countries where region = Europe and not (eu_joined >= 2000) show iso3 sort by iso3",
         "select iso3 from countries where region='Europe' and not (eu_joined >= 2000) order by iso3"),
        ("countries where name starts with un show name",
         "select name from countries where lower(name) like 'un%' order by rowid"),
        ("countries where iso3 in (DEU, FRA, ITA) show name, eu_joined",
         "select name, eu_joined from countries where iso3 in ('DEU','FRA','ITA') order by rowid"),
        ("applicants where origin in (UA, BY) and kind != new group by origin, kind",
         "select origin, kind, sum(applications) s from applicants where origin in ('UKR','BLR') and kind <> 'new' group by origin, kind order by s desc, origin, kind"),
        ("applicants where applications between 1000 and 2000 show count, avg(applications)",
         "select count(*), avg(applications) from applicants where applications between 1000 and 2000"),
        ("applicants where applications not between 10 and 100000 show count",
         "select count(*) from applicants where applications not between 10 and 100000"),
        ("applicants where origin = GE or origin = AM group by origin sort by origin",
         "select origin, sum(applications) from applicants where origin in ('GEO','ARM') group by origin order by origin"),
        ("applicants where (origin = GE or origin = AM) and year > 2020 show count",
         "select count(*) from applicants where origin in ('GEO','ARM') and year > 2020"),
        ("applicants show year, applications * 2 - 1 as x sort by x desc limit 3",
         "select year, applications*2-1 x from applicants order by x desc, rowid limit 3"),
        ("applicants group by unit show count, sum(applications), median(applications)",
         "with r as (select unit, applications, row_number() over (partition by unit order by applications) rn, count(*) over (partition by unit) n from applicants) select unit, n, (select sum(applications) from applicants a where a.unit = r.unit), avg(applications) from r where rn in ((n + 1) / 2, (n + 2) / 2) group by unit order by n desc, unit"),
        ("applicants where kind = new in 2017 group by destination show applications sort by destination limit 4",
         "select destination, sum(applications) from applicants where kind='new' and year=2017 group by destination order by destination limit 4"),
        ("applicants where origin = RU show year, destination, applications top 3",
         "select year, destination, applications from (select rowid r, * from applicants where origin='RUS' order by applications desc, rowid limit 3) order by r"),
        ("applicants group by destination_name having applications >= 200000 sort by destination_name",
         "select destination_name, sum(applications) s from applicants group by destination_name having s >= 200000 order by destination_name"),
        ("decisions where unit = cases group by destination, year show total sort by total desc, destination, year limit 6",
         "select destination, year, sum(total) t from decisions where unit='cases' group by destination, year order by t desc, destination, year limit 6"),
        ("applicants where destination in EU and origin = RU and kind = new in 2017 show sum(applications)",
         "select sum(applications) from applicants a join countries c on c.iso3 = a.destination where origin='RUS' and kind='new' and year=2017 and c.eu_joined <= 2017 and (c.eu_left is null or c.eu_left > 2017)"),
        ("applicants where destination in \"Western Europe\" group by destination in 2016",
         "select destination, sum(applications) s from applicants a join countries c on c.iso3 = a.destination where c.subregion='Western Europe' and year=2016 group by destination order by s desc, destination"),
        ("countries where name ends with stan show name",
         "select name from countries where lower(name) like '%stan' order by rowid"),
        ("decisions where complementary > 0 group by unit show min(year), max(year), count",
         "select unit, min(year), max(year), count(*) c from decisions where complementary > 0 group by unit order by unit"),
        ("destination_totals where destination = Germany and kind = new group by year between 2014 and 2016",
         "select year, sum(applications) from destination_totals where destination='DEU' and kind='new' and year between 2014 and 2016 group by year order by year"),
        ("applicants where origin = RU group by destination show count between 2014 and 2016 top 2",
         "select destination, count(*) c from applicants where origin='RUS' and year between 2014 and 2016 group by destination order by c desc, destination limit 2"),
    ]

    @Test func tallyAgreesWithSQLite() throws {
        try Self.check(Self.pairs)
    }

    /// `in (…)` compares numbers as `=` does: `7.0` on whole numbers, `1` on decimals, `not in`.
    @Test func membershipComparesNumbersAsEquals() throws {
        try Self.check([
            ("applicants where applications in (7.0) show count", "select count(*) from applicants where applications = 7"),
            ("applicants where applications in (7.5, 7, 8.0) show count", "select count(*) from applicants where applications in (7, 8)"),
            ("applicants where year not in (2017.0) show count", "select count(*) from applicants where year <> 2017"),
            ("applicants where applications not in (7.5) show count", "select count(*) from applicants where applications is not null"),
            ("decisions where total > 0 and recognized / total in (1) show count",
             "select count(*) from decisions where total > 0 and recognized = total"),
            ("decisions where total > 0 and recognized / total not in (1, 0) show count",
             "select count(*) from decisions where total > 0 and recognized <> total and recognized <> 0"),
            ("applicants group by destination having count in (3.0) show count sort by destination",
             "select destination, count(*) from applicants group by destination having count(*) = 3 order by destination"),
        ])
    }

    /// The first aggregate (default order, `top`, `share`, `rank`) is the first shown item that
    /// is not a key, an expression over aggregates included.
    @Test func firstAggregateIsTheFirstShownItem() throws {
        try Self.check([
            ("applicants in 2017 where origin = RU group by destination show count + 0 as n top 3",
             "select destination, count(*) + 0 n from applicants where year = 2017 and origin = 'RUS' group by destination order by n desc, destination limit 3"),
            ("applicants in 2017 where origin = RU group by unit show count * 1 as n, share",
             "select unit, count(*) n, count(*) * 100.0 / sum(count(*)) over () from applicants where year = 2017 and origin = 'RUS' group by unit order by n desc, unit"),
            ("decisions where origin = UA in 2023 group by unit show sum(total) * 2 as x",
             "select unit, sum(total) * 2 x from decisions where origin = 'UKR' and year = 2023 group by unit order by x desc, unit"),
            ("applicants in 2017 where origin = RU group by destination show rank, share, count - 1 as n top 4",
             "select destination, rank() over (order by count(*) - 1 desc), (count(*) - 1) * 100.0 / sum(count(*) - 1) over (), count(*) - 1 n from applicants where year = 2017 and origin = 'RUS' group by destination order by n desc, destination limit 4"),
        ])
    }

    /// A key expression written again in `show`, `having` or `sort by` is that key.
    @Test func repeatedKeyExpressionsAreTheKey() throws {
        try Self.check([
            ("applicants group by year / 5 show year / 5, count having year / 5 > 402 sort by year / 5",
             "select year / 5.0 k, count(*) from applicants group by k having k > 402 order by k"),
            ("decisions group by total - 1 show total - 1 limit 2", "select total - 1 k from decisions group by k order by k limit 2"),
            ("decisions group by total, year limit 3", "select total, year, count(*) from decisions group by total, year order by total, year limit 3"),
            ("applicants group by applications show applications limit 3",
             "select applications from applicants group by applications order by applications limit 3"),
            ("applicants in 2020 group by applications / 1000 show count sort by applications / 1000 desc limit 3",
             "select applications / 1000.0 k, count(*) from applicants where year = 2020 group by k order by k desc limit 3"),
        ])
    }

    /// On a country column, `contains` / `starts with` / `ends with` test the stored code and
    /// the country's name and short name.
    @Test func countryTextMatchesNames() throws {
        let matches = { (column: String, like: String) in
            "lower(\(column)) like '\(like)' or lower(c.name) like '\(like)' or lower(c.short_name) like '\(like)'"
        }
        try Self.check([
            ("applicants where destination starts with Ge group by destination show count",
             "select destination, count(*) n from applicants a left join countries c on c.iso3 = a.destination where \(matches("destination", "ge%")) group by destination order by n desc, destination"),
            ("applicants where origin contains stan in 2020 group by origin show count",
             "select origin, count(*) n from applicants a left join countries c on c.iso3 = a.origin where year = 2020 and (\(matches("origin", "%stan%"))) group by origin order by n desc, origin"),
            ("applicants where not (destination ends with land) show count",
             "select count(*) from applicants a left join countries c on c.iso3 = a.destination where not (\(matches("destination", "%land")))"),
        ])
    }

    /// Runs each tally query on the bundled data and compares its rows with sqlite3's rows for
    /// the hand-written SQL beside it.
    static func check(_ pairs: [(tally: String, sql: String)]) throws {
        let session = Session()
        let sink = BufferedOutput()
        #expect(BundledData.load(into: session, output: sink), "bundled data: \(sink.errors)")
        session.settings.format = .csv
        let expected = try SQLiteOracle.run(pairs.map(\.sql))
        #expect(expected.count == pairs.count, "sqlite3 (apt-get install sqlite3) must answer every query")
        for (index, pair) in pairs.enumerated() where index < expected.count {
            let output = BufferedOutput()
            let outcome = session.run(SourceFile(name: "<test>", text: pair.tally), mode: .script, output: output)
            #expect(outcome == .success, "\(pair.tally): \(output.errors)")
            let rows = output.output.split(separator: "\n").dropFirst().map(String.init)
            let sqliteRows = expected[index]
            let same = rows.count == sqliteRows.count && zip(rows, sqliteRows).allSatisfy(SQLiteOracle.sameRow)
            #expect(same, "\(pair.tally)\n tally:  \(rows.prefix(6))\n sqlite: \(sqliteRows.prefix(6))")
            #expect(!rows.isEmpty || pair.tally.contains("having"), "\(pair.tally) should have rows")
        }
    }
}
