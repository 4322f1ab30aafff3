import Foundation
import Testing
@testable import TallyCore
import TallyPostgres

/// Queries on a dated table (buckets, parts, date literals, time clauses, date arithmetic,
/// scalar functions) give the same rows natively as their SQL does in sqlite3, DuckDB and
/// PostgreSQL. DuckDB runs where `python3 -c "import duckdb"` works, PostgreSQL where
/// `TALLY_POSTGRES_URL` answers; otherwise those tests show as skipped.
@Suite struct DateSQLTests {
    static let queries = [
        "s since \"2024-03\" group by month(day) show sum(n) chart",
        "s where weekday(day) = \"Sat\" show day, n",
        "s group by weekday(day) show count",
        "s group by weekday(day) show sum(n) sort by weekday(day) desc",
        "s where weekday(day) >= \"Fri\" show count",
        "s group by week(day) show sum(n)",
        "s group by quarter(day), kind show sum(n)",
        "s in \"2024-02\" show count, min(day), max(day)",
        "s where day between \"2024-02-27\" and \"2024-03-02\" show day, day - date(\"2024-01-01\") as d, day + 3 as later, year(day), month_number(day)",
        "s until \"2024-01-10\" group by day show sum(n)",
        "s where day in (\"2024-01\", \"2024-04-05\") show count",
        "s where day < \"2024-01-05\" or day >= \"2024-06-28\" show day",
        "s group by year(day), month(day) show sum(n) top 3",
        "s between 2024 and 2024 show count, sum(n)",
        "s where day != \"2024-03\" and kind = b show count",
        "s show upper(kind) || \"-\" || text(n) as label, round(n / 3) as third, text(day) as written limit 5",
        "s group by month(day) show sum(n), previous, growth, cumulative, moving_avg(3)",
        "s where not (day in \"2024-03\") group by kind, month(day) show sum(n), previous, growth, moving_avg(2)",
        "s where day >= \"2024-04-05\" and day <= \"2024-04-20\" group by day show sum(n), previous, growth, cumulative",
        "s where not (day between \"2024-02-05\" and \"2024-02-18\") group by week(day) show sum(n), previous, moving_avg(2)",
        "s group by quarter(day), kind show sum(n), previous, growth, cumulative",
        "s where not (day in \"2024-05\") group by month(day) show count, growth top 3",
        "s group by kind across month(day)",
        "s where not (day in \"2024-02\") group by kind across quarter(day) show sum(n)",
        "s where day < \"2024-03\" group by kind across week(day) show sum(n)",
        "s where day < \"2024-01-20\" show date(right(text(day), 2) || \"/\" || left(right(text(day), 5), 2) || \"/\" || left(text(day), 4), \"DD/MM/YYYY\") as d, n",
        "s where day < \"2024-01-20\" show date(text(month_number(day)) || \"/\" || text(day - date(\"2023-12-31\")) || \"/\" || text(year(day)), \"MM/DD/YYYY\") as d",
        "s group by month(date(replace(text(day), \"-\", \"\"), \"YYYYMMDD\")) show sum(n)",
        "s group by kind change from 2023 to 2024",
    ]

    /// Daily counts from 2024-01-01 to 2024-06-30 in two kinds, without the 10th to the 12th of
    /// April, written where the engines can read them.
    static let folder: String = {
        var lines = ["day,kind,n"]
        var seed: UInt64 = 12
        for day in CivilCalendar.days(year: 2024, month: 1, day: 1)...CivilCalendar.days(year: 2024, month: 6, day: 30) {
            let date = CivilCalendar.civil(day)
            if date.month == 4, (10...12).contains(date.day) { continue }
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            lines.append("\(CalendarText.format(day, as: .date)),\(seed >> 60 < 8 ? "a" : "b"),\(seed >> 40 % 50)")
        }
        let folder = NSTemporaryDirectory() + "tally-dates-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/s.csv", atomically: true, encoding: .utf8)
        return folder
    }()

    /// A session with the dated table loaded from its file.
    static func session() throws -> Session {
        let session = Session()
        let report = try CSVLoader.load(path: folder + "/s.csv", name: "s")
        session.add(report, output: BufferedOutput())
        return session
    }

    /// Each query's SQL in `dialect` and tally's own CSV rows.
    static func cases(_ session: Session, dialect: SQLDialect) throws -> [DifferentialRun.Case] {
        var cases: [DifferentialRun.Case] = []
        for text in queries {
            let file = SourceFile(name: "<dates>", text: text)
            guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else {
                Issue.record("does not parse: \(text)")
                continue
            }
            let plan = try Binder.bind(query, in: file, catalog: session.catalog)
            let rows = Array(SQLiteOracle.lines(ResultRenderer(format: .csv).render(try Executor.run(plan))).dropFirst())
            cases.append(DifferentialRun.Case(query: text, sql: try SQLTranslator.translate(plan, to: dialect), rows: rows))
        }
        return cases
    }

    @Test func theDatedTableLoadsWithADateTimeColumn() throws {
        let table = try #require(try Self.session().catalog.table(named: "s"))
        #expect(table.columns[0].type == .date)
        #expect(table.info.timeColumn == "day")
        #expect(table.rowCount == 179)
    }

    @Test func nativeAgreesWithSQLite() throws {
        let cases = try Self.cases(try Self.session(), dialect: .sqlite)
        let schema = ".mode csv\nCREATE TABLE \"s\"(\"day\" TEXT, \"kind\" TEXT, \"n\" INTEGER);\n.import --skip 1 \(Self.folder)/s.csv s\n"
        let mismatches = DifferentialRun.mismatches(cases, answers: try SQLiteOracle.run(cases.map(\.sql), schema: schema))
        for mismatch in mismatches { Issue.record("\(mismatch)") }
        #expect(cases.count == Self.queries.count)
    }

    @Test(.enabled(if: PythonEngine.hasModule("duckdb"), "python3 cannot import duckdb (pip install duckdb)"))
    func nativeAgreesWithDuckDB() throws {
        let session = try Self.session()
        let cases = try Self.cases(session, dialect: .duckdb)
        let tables = [try #require(session.catalog.table(named: "s"))]
        let answers = try PythonEngine.run("duckdb", tables: tables, queries: cases.map(\.sql), directory: Self.folder).map { answer in
            switch answer {
            case .rows(let rows): return rows
            case .error(let message): return ["error: " + message]
            }
        }
        for mismatch in DifferentialRun.mismatches(cases, answers: answers) { Issue.record("\(mismatch)") }
    }

    /// sqlite reads `date(s, layout)` part by part: a month or day of one or two digits, the
    /// separators as written; a value that does not fit the layout or names no day is NULL
    /// there (tally stops with an error, so this runs the SQL alone).
    @Test func sqliteReadsALayoutPartByPart() throws {
        let values = ["5/1/2024", "31/12/1999", "29/02/2024", "31/02/2024", "29/02/2023", "05/01/24", "5/1/2024x", "5-1-2024", "/1/2024", "x"]
        let csv = "written\n" + values.joined(separator: "\n") + "\n"
        let session = Session()
        let report = try CSVLoader.load(bytes: Array(csv.utf8), path: "w.csv", name: "w")
        session.register(report.table, origin: .loaded)
        let file = SourceFile(name: "<layout>", text: "w show date(written, \"DD/MM/YYYY\") as d")
        guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else { Issue.record("does not parse"); return }
        let sql = try SQLTranslator.translate(try Binder.bind(query, in: file, catalog: session.catalog), to: .sqlite)
        let path = Self.folder + "/w.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let rows = try SQLiteOracle.run([sql], schema: ".mode csv\nCREATE TABLE w(written TEXT);\n.import --skip 1 \(path) w\n")
        #expect(rows == [["2024-01-05", "1999-12-31", "2024-02-29", "", "", "", "", "", "", ""]])
    }

    /// The UK was an EU member in 2019 and no longer in 2021, Germany is one throughout: `in EU`
    /// on a date time column keeps the rows of GB 2019 and DE, 1 + 4 = 5, in the year of each
    /// date (it took today's members natively, 4, and compared the dates with years in SQL).
    static let membership = "day,country,n\n2019-05-01,GB,1\n2021-05-01,GB,2\n2019-05-01,DE,4\n"

    /// `uk where country in EU show sum(n)` run natively, and its SQL in `dialect`, over
    /// `membership` written to `uk.csv`.
    static func membershipQuery(_ dialect: SQLDialect) throws -> (rows: [String], sql: String, table: Table) {
        try membership.write(toFile: folder + "/uk.csv", atomically: true, encoding: .utf8)
        let info = DatasetInfo(timeColumn: "day", measures: ["n"], roles: [.country: ["country"]])
        let report = try CSVLoader.load(bytes: Array(membership.utf8), path: "uk.csv", name: "uk", info: info)
        let session = BundledSession().session
        session.register(report.table, origin: .loaded)
        let file = SourceFile(name: "<membership>", text: "uk where country in EU show sum(n)")
        guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else { throw Diagnostic.error("test", "does not parse") }
        let plan = try Binder.bind(query, in: file, catalog: session.catalog)
        let rows = Array(SQLiteOracle.lines(ResultRenderer(format: .csv).render(try Executor.run(plan))).dropFirst())
        return (rows, try SQLTranslator.translate(plan, to: dialect), report.table)
    }

    @Test func countryGroupsTakeTheYearOfADate() throws {
        let (rows, sql, _) = try Self.membershipQuery(.sqlite)
        #expect(rows == ["5"])
        let schema = ".mode csv\nCREATE TABLE uk(day TEXT, country TEXT, n INTEGER);\n.import --skip 1 \(Self.folder)/uk.csv uk\n"
        #expect(try SQLiteOracle.run([sql], schema: schema) == [["5"]], "\(sql)")
    }

    @Test(.enabled(if: PythonEngine.hasModule("duckdb"), "python3 cannot import duckdb (pip install duckdb)"))
    func countryGroupsTakeTheYearOfADateInDuckDB() throws {
        let (_, sql, table) = try Self.membershipQuery(.duckdb)
        let answers = try PythonEngine.run("duckdb", tables: [table], queries: [sql], directory: Self.folder)
        guard case .rows(let rows)? = answers.first else { Issue.record("duckdb: \(answers) for \(sql)"); return }
        #expect(rows == ["5"], "\(sql)")
    }

    /// An exported CSV writes dates and datetimes in ISO, so DuckDB reads them back as a DATE
    /// and a TIMESTAMP, and sqlite3's date functions work on them.
    @Test(.enabled(if: PythonEngine.hasModule("duckdb"), "python3 cannot import duckdb (pip install duckdb)"))
    func exportedDatesReadBackAsDates() throws {
        let session = try Self.session()
        let path = Self.folder + "/exported.csv"
        let sink = BufferedOutput()
        _ = session.run(SourceFile(name: "<test>", text: "export s in \"2024-01-02\" show day, date(\"2024-01-01\") + 1 as next, kind to \"\(path)\""), mode: .script, output: sink)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "day,next,kind\n2024-01-02,2024-01-02,\(try #require(Self.kindOnSecondOfJanuary))\n")
        let types = try PythonEngine.run("duckdb", tables: [], queries: ["SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_csv('\(path)'))"])
        guard case .rows(let rows)? = types.first else { Issue.record("duckdb gave no answer"); return }
        #expect(rows == ["day,DATE", "next,DATE", "kind,VARCHAR"])
        let sqlite = try SQLiteOracle.run(["SELECT date(day, '+1 day') FROM e"], schema: ".mode csv\n.import \(path) e\n")
        #expect(sqlite == [["2024-01-03"]])
    }

    /// The kind the generated table gives 2024-01-02.
    static var kindOnSecondOfJanuary: String? {
        (try? session()).flatMap { session in
            let sink = BufferedOutput()
            session.settings.format = .csv
            _ = session.run(SourceFile(name: "<test>", text: "s in \"2024-01-02\" show kind"), mode: .script, output: sink)
            return SQLiteOracle.lines(sink.output).dropFirst().first
        }
    }

    @Test(.enabled(if: postgresReachable, "no PostgreSQL server (set TALLY_POSTGRES_URL or run Tests/Support/start-postgres.sh)"))
    func nativeAgreesWithPostgres() throws {
        let session = try Self.session()
        let engine = try PostgresEngine(url: postgresURL)
        try engine.copy(try #require(session.catalog.table(named: "s")))
        let cases = try Self.cases(session, dialect: .postgres)
        var answers: [[String]] = []
        for item in cases {
            let file = SourceFile(name: "<dates>", text: item.query)
            guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else { continue }
            do {
                let result = try engine.run(try Binder.bind(query, in: file, catalog: session.catalog))
                answers.append(Array(SQLiteOracle.lines(ResultRenderer(format: .csv).render(result)).dropFirst()))
            } catch {
                answers.append(["error: " + error.message])
            }
        }
        for mismatch in DifferentialRun.mismatches(cases, answers: answers) { Issue.record("\(mismatch)") }
    }
}
