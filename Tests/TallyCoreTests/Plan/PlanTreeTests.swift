import Testing
@testable import TallyCore

/// The plan as a tree of operators: its shape, each operator's columns, and the rewrite that
/// moves `having` conditions on keys below the aggregate. Figures are the sample table's,
/// added up by hand (`QueryHarness.sample`).
@Suite struct PlanTreeTests {
    let harness = QueryHarness()

    /// The plan the binder makes for `text`.
    func plan(_ text: String) throws -> QueryPlan {
        let file = SourceFile(name: "<test>", text: text)
        guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else {
            throw Diagnostic.error("test", "not a query: \(text)")
        }
        return try Binder.bind(query, in: file, catalog: harness.session.catalog)
    }

    /// The operators from the leaf to the root, by kind.
    func kinds(_ plan: QueryPlan) -> [String] {
        plan.root.executionOrder.map { node in
            switch node {
            case .scan: return "scan"
            case .combine: return "combine"
            case .filter(let filter): return filter.level == .rows ? "filter" : "having"
            case .aggregate: return "aggregate"
            case .pivot: return "pivot"
            case .sort: return "sort"
            case .top: return "top"
            case .limit: return "limit"
            case .project: return "project"
            }
        }
    }

    @Test func operatorsInExecutionOrder() throws {
        #expect(kinds(try plan("t where kind = new since 2011 group by country having n > 1 top 2 limit 1"))
            == ["scan", "filter", "aggregate", "having", "sort", "top", "limit", "project"])
        #expect(kinds(try plan("t")) == ["scan", "project"])
        #expect(kinds(try plan("t sort by n desc")) == ["scan", "sort", "project"])
        #expect(kinds(try plan("t group by country across year having total > 1 top 2"))
            == ["scan", "aggregate", "pivot", "having", "sort", "top", "project"])
    }

    @Test func eachOperatorKnowsItsColumns() throws {
        let grouped = try plan("t group by country, year show sum(x), count")
        guard case .project(let project) = grouped.root, case .sort(let sort) = project.input,
              case .aggregate(let aggregate) = sort.input, case .scan(let scan) = aggregate.input else {
            Issue.record("unexpected shape: \(kinds(grouped))")
            return
        }
        #expect(scan.schema.map(\.name) == ["year", "country", "kind", "n", "x"])
        #expect(scan.schema.map(\.role) == [.time, .country, .plain, .measure, .plain])
        #expect(PlanNode.aggregate(aggregate).schema == [
            PlanColumn(name: "country", type: .text, role: .country),
            PlanColumn(name: "year", type: .integer, role: .time),
            PlanColumn(name: "sum(x)", type: .decimal, role: .plain),
            PlanColumn(name: "count", type: .integer, role: .measure),
        ])
        #expect(sort.keys.map(\.name) == ["country", "year"])
        #expect(grouped.root.schema.map(\.name) == ["country", "year", "sum(x)", "count"])
    }

    /// A grouping that shows only its keys lists them, in their order.
    @Test func explainOfKeysOnly() {
        let text = harness.run("explain t group by country show country").output
        #expect(text.hasPrefix("From t, take all rows; list each country once; in order of country.\n"), "\(text)")
        #expect(text.contains("3. sort by country\n4. show country  → 3 rows"), "\(text)")
    }

    /// `having country = DEU` reads only the key, so it filters rows before grouping: the DEU
    /// rows are 2010, 2011 and 2012, n = 10 + 7 + 3 = 20.
    @Test func keyConditionsMoveBelowTheAggregate() throws {
        let moved = try plan("t group by country having country = DEU")
        #expect(kinds(moved) == ["scan", "filter", "aggregate", "sort", "project"])
        #expect(harness.csv("t group by country having country = DEU") == "country,n\nDEU,20\n")
        let explained = harness.run("explain t group by country having country = DEU").output
        #expect(explained.contains("2. keep rows where country = DEU  → 3 rows\n3. group by country  → 1 row"))
        let merged = try plan("t where kind = new group by country, year having country = DEU and year < 2012 show n")
        #expect(kinds(merged) == ["scan", "filter", "aggregate", "sort", "project"])
        #expect(merged.outline.rowFilter?.conditions.count == 2)
        #expect(harness.csv("t where kind = new group by country, year having country = DEU and year < 2012 show n")
            == "country,year,n\nDEU,2010,10\n")
    }

    /// A condition on an aggregate, or any `having` beside a window, stays above the groups:
    /// the share of DEU is of all three countries, 20 / (20 + 5 + 8).
    @Test func otherGroupConditionsStayAboveTheAggregate() throws {
        #expect(kinds(try plan("t group by country having n > 6")).contains("having"))
        #expect(harness.csv("t group by country having n > 6") == "country,n\nDEU,20\nITA,8\n")
        #expect(kinds(try plan("t group by country show n, share having country = DEU")).contains("having"))
        let share = harness.csv("t group by country show n, share having country = DEU")
        let value = share.split(separator: "\n").last.flatMap { $0.split(separator: ",").last }.flatMap { Double($0) }
        #expect(value.map { abs($0 - 2000.0 / 33) < 1e-9 } == true, "\(share)")
        #expect(kinds(try plan("t show sum(n) having 1 = 2")).contains("having"))
    }
}
