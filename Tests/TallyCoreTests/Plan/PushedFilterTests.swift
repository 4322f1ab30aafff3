import Testing
@testable import TallyCore

/// Row conditions that read only the source are applied before its lookups and joins, with the
/// same answers and caveats as when they are applied after.
@Suite struct PushedFilterTests {
    let bundled = BundledSession()

    /// The plan of `text`.
    func plan(_ text: String) throws -> QueryPlan? {
        let file = SourceFile(name: "<test>", text: text)
        guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else {
            Issue.record("\(text) does not parse")
            return nil
        }
        return try Binder.bind(query, in: file, catalog: bundled.session.catalog)
    }

    /// The conditions applied before the lookups and joins, as written.
    func pushed(_ text: String) throws -> [String] {
        try plan(text)?.outline.pushedConditions.compactMap { condition in
            switch condition.origin {
            case .written(let text): return text
            case .time(let range, _): return range.phrase
            default: return nil
            }
        } ?? []
    }

    /// Each query and the same query with the source's qualifier on its columns, which keeps its
    /// conditions above the lookup or join: the same rows, figures and caveats.
    static let pairs: [(pushed: String, kept: String)] = [
        ("applicants where origin = RU in 2017 lookup population on destination = country, year group by destination show applications, sum(population) top 5",
         "applicants where applicants.origin = RU and applicants.year = 2017 lookup population on destination = country, year group by destination show applications, sum(population) top 5"),
        ("applicants where origin = RU since 2020 lookup population on destination = country, year group by year show applications, sum(population)",
         "applicants where applicants.origin = RU and applicants.year >= 2020 lookup population on destination = country, year group by year show applications, sum(population)"),
        ("applicants in 2017 join decisions on origin, destination, year group by destination show applications, sum(total) top 5",
         "applicants where applicants.year = 2017 join decisions on origin, destination, year group by destination show applications, sum(total) top 5"),
        ("applicants where origin = RU lookup population on destination = country, year show destination, year, applications, population limit 8",
         "applicants where applicants.origin = RU lookup population on destination = country, year show destination, year, applications, population limit 8"),
        ("applicants where origin = RU and destination in EU join decisions on origin, destination, year group by year show applications, sum(total)",
         "applicants where applicants.origin = RU and applicants.destination in EU join decisions on origin, destination, year group by year show applications, sum(total)"),
        // Conditions that keep most rows, carried through the lookup or join instead of copied.
        ("applicants where kind != appeal since 2005 lookup population on destination = country, year group by year show applications, sum(population)",
         "applicants where applicants.kind != appeal and applicants.year >= 2005 lookup population on destination = country, year group by year show applications, sum(population)"),
        ("applicants where applications > 10 and kind != appeal join decisions on origin, destination, year group by year show applications, sum(total)",
         "applicants where applicants.applications > 10 and applicants.kind != appeal join decisions on origin, destination, year group by year show applications, sum(total)"),
    ]

    @Test(arguments: pairs)
    func pushedAndKeptConditionsGiveTheSameAnswerAndCaveats(_ pair: (pushed: String, kept: String)) throws {
        #expect(try !pushed(pair.pushed).isEmpty)
        #expect(try pushed(pair.kept).isEmpty)
        let first = bundled.run(pair.pushed), second = bundled.run(pair.kept)
        #expect(first.output == second.output)
        #expect(first.errors == second.errors)
        #expect(!first.output.isEmpty)
    }

    @Test func theSQLOfAPushedQueryAgreesWithSQLite() throws {
        try bundled.expectSQLiteAgrees(Self.pairs[0].pushed, moreThan: 4)
        try bundled.expectSQLiteAgrees(Self.pairs[2].pushed, moreThan: 4)
    }

    @Test func onlyConditionsOnTheSourceAloneArePushed() throws {
        #expect(try pushed("applicants where origin = RU where population > 1000000 lookup population on destination = country, year in 2017 group by year") == ["origin = RU", "in 2017"])
        #expect(try pushed("applicants where origin = RU or population > 1000000 lookup population on destination = country, year group by year") == [])
        // A key of the other side does not join the rows: `origin` is the source's column.
        #expect(try pushed("applicants where origin = RU join decisions on origin, destination, year where total > 10 group by year") == ["origin = RU"])
        #expect(try pushed("applicants where destination = DE join decisions as d on origin, destination, year where d.destination = DE group by year") == ["destination = DE"])
        // Keeping most rows, the kept rows are carried through the lookup rather than copied before it.
        #expect(try pushed("applicants where applications > 0 lookup population on destination = country, year group by year") == ["applications > 0"])
    }

    @Test func explainShowsTheFilterBeforeTheLookup() {
        let text = bundled.run("explain applicants where origin = RU in 2017 lookup population on destination = country, year group by destination show applications, sum(population)").output
        let lines = text.split(separator: "\n").map(String.init)
        let filter = lines.firstIndex { $0.contains("keep rows in 2017") }, lookup = lines.firstIndex { $0.contains("look up population on destination = country, year") }
        #expect(filter != nil && lookup != nil && (filter ?? 0) < (lookup ?? 0), "\(text)")
        #expect(lines.first?.hasPrefix("From applicants, take the rows where origin = RU, in 2017;") == true, "\(text)")
    }

    /// A condition after the lookup that keeps nothing is said to match none of the rows the
    /// conditions before the lookup left, in the order the query runs them.
    @Test func anEmptyResultNamesTheConditionThatRemovedTheLastRows() throws {
        let errors = bundled.run("applicants where origin = RU lookup population on destination = country, year where population > 10000000000 group by year").errors
        #expect(errors.contains("note: `population > 10000000000` matches none of the 1,735 rows left by `origin = RU`"), "\(errors)")
        #expect(errors.contains("there, population runs from"), "\(errors)")
        let pushedOnly = bundled.run("applicants where origin = RU where applications > 100000 lookup population on destination = country, year group by year").errors
        #expect(pushedOnly.contains("note: `applications > 100000` matches none of the 1,735 rows left by `origin = RU`"), "\(pushedOnly)")
        // Most rows kept: they are carried through the lookup, and still counted alone.
        let kept = try SQLiteOracle.run(["select count(*) from applicants where kind <> 'appeal'"]).first?.first.flatMap { Int64($0) } ?? -1
        let carried = bundled.run("applicants where kind != appeal lookup population on destination = country, year where population > 10000000000 group by year").errors
        #expect(kept > 12_405 / 2 && carried.contains("note: `population > 10000000000` matches none of the \(NumberFormat.grouped(kept)) rows left by `kind != appeal`"), "\(carried)")
    }
}
