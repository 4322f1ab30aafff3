import Foundation
@testable import TallyCore
import TallyData

/// Generated queries run natively and, translated, on another engine; the results compared
/// row by row (every tally query fixes its row order, ties included).
struct DifferentialRun {
    /// A generated query whose answers differ.
    struct Mismatch: CustomStringConvertible {
        var query: String
        var sql: String
        var native: [String]
        var engine: [String]

        var description: String {
            "\(query)\n\(sql)\n tally:  \(native.prefix(5)) (\(native.count) rows)\n engine: \(engine.prefix(5)) (\(engine.count) rows)"
        }
    }

    /// One query ready to compare: its text, its SQL and tally's CSV rows.
    struct Case {
        var query: String
        var sql: String
        var rows: [String]
        /// For a grouped query that is not a `change`, the result column `check` compares with a
        /// claim: the single value, else the first aggregate (of the first row).
        var checkedColumn: Int?
    }

    let session: Session
    let tables: [Table]
    /// Sources that combine the tables, with the combined table each makes.
    let combined: [(text: String, table: Table)]

    /// The combining sources the generator draws from: lookups (of a dataset, of a grouped
    /// query), a many-to-many join and a parenthesised source. (A join with a grouped query
    /// is left out: sqlite3 takes seconds for each, as it cannot index the grouped side.)
    static let combiningSources = [
        "applicants lookup population on destination = country, year",
        "applicants lookup countries on destination = iso3",
        "destination_totals lookup (destination_totals where kind = new group by destination, year) as new_ones on destination, year",
        "applicants join decisions on origin, destination, year",
        "(applicants where kind = new)",
    ]

    /// A session with the bundled datasets.
    init() {
        let session = Session()
        _ = BundledData.load(into: session, output: BufferedOutput())
        self.session = session
        tables = ["applicants", "decisions", "destination_totals", "countries", "population"].compactMap { session.catalog.table(named: $0) }
        combined = Self.combiningSources.compactMap { text in
            let file = SourceFile(name: "<source>", text: text)
            guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind,
                  let plan = try? Binder.bind(query, in: file, catalog: session.catalog) else { return nil }
            return (text, plan.source)
        }
    }

    /// The number of queries to generate: `TALLY_DIFF_QUERIES`, or `normal`.
    static func queryCount(default normal: Int) -> Int {
        ProcessInfo.processInfo.environment["TALLY_DIFF_QUERIES"].flatMap { Int($0) } ?? normal
    }

    /// Generates `count` queries from `seed` and keeps those that tally runs and `dialect`
    /// can express; `skipped` counts the others (e.g. `median` for sqlite).
    func cases(count: Int, seed: UInt64, dialect: SQLDialect) -> (cases: [Case], skipped: Int) {
        var generator = QueryGenerator(seed: seed, tables: tables, combined: combined)
        var cases: [Case] = [], skipped = 0
        for _ in 0..<count {
            let text = generator.query()
            let file = SourceFile(name: "<generated>", text: text)
            guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind,
                  let plan = try? Binder.bind(query, in: file, catalog: session.catalog),
                  let sql = try? SQLTranslator.translate(plan, to: dialect),
                  let result = try? Executor.run(plan) else {
                skipped += 1
                continue
            }
            let rows = Array(SQLiteOracle.lines(ResultRenderer(format: .csv).render(result)).dropFirst())
            let single = result.table.columns.count == 1 && result.table.rowCount == 1
            let checked = plan.grouping != nil && plan.change == nil ? (single ? 0 : result.headline) : nil
            cases.append(Case(query: text, sql: sql, rows: rows, checkedColumn: checked))
        }
        return (cases, skipped)
    }

    /// The verdict `check` prints for `statement` (`true`, `roughly`, `false`), or its error.
    func verdict(_ statement: String) -> String {
        let sink = BufferedOutput()
        let previous = session.settings.format
        session.settings.format = .csv
        defer { session.settings.format = previous }
        _ = session.run(SourceFile(name: "<check>", text: statement), mode: .script, output: sink)
        let lines = SQLiteOracle.lines(sink.output)
        guard lines.count >= 2, let column = SQLiteOracle.fields(lines[0]).firstIndex(of: "verdict") else {
            return "error: " + sink.errors
        }
        let fields = SQLiteOracle.fields(lines[1])
        return column < fields.count ? fields[column] : "error: no verdict"
    }

    /// The cases whose engine rows differ from tally's.
    static func mismatches(_ cases: [Case], answers: [[String]]) -> [Mismatch] {
        var found: [Mismatch] = []
        for (index, item) in cases.enumerated() {
            let engine = index < answers.count ? answers[index] : ["(no answer)"]
            let same = engine.count == item.rows.count && zip(item.rows, engine).allSatisfy(SQLiteOracle.sameRow)
            if !same { found.append(Mismatch(query: item.query, sql: item.sql, native: item.rows, engine: engine)) }
        }
        return found
    }
}
