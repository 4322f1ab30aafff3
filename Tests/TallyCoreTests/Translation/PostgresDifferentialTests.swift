import Foundation
import Testing
@testable import TallyCore
import TallyPostgres

/// The PostgreSQL server the tests use: `TALLY_POSTGRES_URL`, else the one
/// `Tests/Support/start-postgres.sh` starts.
let postgresURL = ProcessInfo.processInfo.environment["TALLY_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:54329/postgres"

/// Whether a PostgreSQL server answers at `postgresURL`.
let postgresReachable = (try? PostgresEngine(url: postgresURL)) != nil

/// Generated queries run natively and on a real PostgreSQL server through `PostgresEngine`
/// (libpq, datasets copied with COPY); the rendered CSV must agree. Without a reachable server
/// the tests are skipped.
@Suite(.enabled(if: postgresReachable, "no PostgreSQL server (set TALLY_POSTGRES_URL or run Tests/Support/start-postgres.sh)"))
struct PostgresDifferentialTests {
    static let url = postgresURL

    @Test func nativeAgreesWithPostgres() throws {
        let engine = try PostgresEngine(url: Self.url)
        let run = DifferentialRun()
        for table in run.tables { try engine.copy(table) }
        let count = ProcessInfo.processInfo.environment["TALLY_POSTGRES_QUERIES"].flatMap { Int($0) } ?? 300
        let (cases, skipped) = run.cases(count: count, seed: 7, dialect: .postgres)
        var answers: [[String]] = []
        for item in cases {
            let file = SourceFile(name: "<generated>", text: item.query)
            guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else { continue }
            do {
                let result = try engine.run(try Binder.bind(query, in: file, catalog: run.session.catalog))
                answers.append(Array(SQLiteOracle.lines(ResultRenderer(format: .csv).render(result)).dropFirst()))
            } catch {
                answers.append(["error: " + error.message])
            }
        }
        let mismatches = DifferentialRun.mismatches(cases, answers: answers)
        print("postgres: \(cases.count - mismatches.count) of \(cases.count) generated queries agree (\(skipped) of \(count) skipped)")
        for mismatch in mismatches.prefix(10) { Issue.record("\(mismatch)") }
        #expect(mismatches.isEmpty)
    }

    @Test func bundledQueryRendersAsNative() throws {
        let native = QueryRun(remote: nil), remote = QueryRun(remote: Self.url)
        for query in ["applicants where origin = RU and destination in EU and kind = new in 2017 group by destination show applications, share",
                      "decisions in 2019 show origin, destination, recognized / total as rate sort by rate desc limit 5"] {
            #expect(remote.table(query) == native.table(query), "\(query)")
        }
    }

    @Test func explainAndCheckAgreeWithNative() {
        let native = QueryRun(remote: nil), remote = QueryRun(remote: Self.url)
        for statement in [
            "explain applicants where origin = RU group by destination since 2012 top 3",
            "explain applicants where origin = RU and destination = US and kind = new and unit = cases change from 2012 to 2017",
            "explain applicants where origin = RU and kind = new group by destination having applications > 1000 sort by destination limit 4",
            "explain applicants where origin = RU in 2017 top 2",
            "check applicants where origin = RU and destination = Germany and kind = new in 2017 is 4885",
        ] {
            #expect(remote.table(statement) == native.table(statement), "\(statement)")
        }
    }

    /// With a server copy of `applicants` cut to its first 100 rows, every statement that runs a
    /// query answers from the server's 100 rows, not the local copy.
    @Test func everyStatementRunsOnTheServer() throws {
        let remote = QueryRun(remote: Self.url)
        let local = try #require(remote.session.catalog.table(named: "applicants"))
        let first: Selection = Array(0..<100)
        try #require(remote.session.remote).copy(Table(name: "applicants", columns: local.columns.map { $0.gathered(first) }, rowCount: 100, info: local.info))
        #expect(remote.table("explain applicants show origin").contains("1. start from applicants  → 100 rows"))
        #expect(remote.table("check applicants show count is 100").contains("true"))
        let path = NSTemporaryDirectory() + "tally-export-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = remote.table("export applicants show origin to \"\(path)\"")
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 101)
    }
}

/// A session with the bundled data, optionally connected to PostgreSQL, printing box tables.
struct QueryRun {
    let session: Session

    init(remote url: String?) {
        session = DifferentialRun().session
        if let url, let engine = try? PostgresEngine(url: url) {
            for name in session.catalog.names {
                if let table = session.catalog.table(named: name) { try? engine.copy(table) }
            }
            session.remote = engine
        }
    }

    /// The table format output of `query`.
    func table(_ query: String) -> String {
        let sink = BufferedOutput()
        _ = session.run(SourceFile(name: "<test>", text: query), mode: .script, output: sink)
        return sink.output + sink.errors
    }
}
