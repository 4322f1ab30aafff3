/// Turns a parsed `Query` into a checked `QueryPlan`: resolves the dataset, columns and
/// country values, types every expression, fills in the defaults (measure, time column,
/// order) and fixes the order of operations. Every name or type error is raised here.
struct Binder {
    let catalog: Catalog
    let source: Table
    let query: Query
    let file: SourceFile
    /// The source with its lookups and joins made: `source` is its table.
    let combined: CombinedSource
    var warnings: [Diagnostic] = []
    /// Set while binding over the grouped table: its keys and the aggregates found so far.
    var grouping: GroupState?
    /// Output names (and aliases) while binding `having` and `sort by`.
    var outputsByName: [String: BoundExpr] = [:]
    /// The first aggregate among the output items, once bound.
    var firstAggregateColumn: BoundExpr?
    var emptyResultNotes: [Diagnostic] = []

    /// Binds `query` against `catalog`; the parenthesised queries, lookups and joins it runs to
    /// resolve its source stop when `cancellation` is set.
    /// With `summarizing`, an ungrouped query without `show` becomes the sum of the default measure.
    static func bind(
        _ query: Query, in file: SourceFile, catalog: Catalog, summarizing: Bool = false, cancellation: CancellationFlag? = nil
    ) throws(Diagnostic) -> QueryPlan {
        let combined = try CombinedSource.resolve(query, reading: query.columnNamesRead, in: file, catalog: catalog, cancellation: cancellation)
        do throws(Diagnostic) {
            return try plan(query, over: combined, in: file, catalog: catalog, summarizing: summarizing)
        } catch {
            // An error names the columns of every side (`did you mean`), so bind again with all of them.
            guard combined.leftColumnsOut, error.code != "cancelled" else { throw error }
            let whole = try CombinedSource.resolve(query, reading: nil, in: file, catalog: catalog, cancellation: cancellation)
            return try plan(query, over: whole, in: file, catalog: catalog, summarizing: summarizing)
        }
    }

    /// Binds `query` against its resolved source.
    private static func plan(_ query: Query, over combined: CombinedSource, in file: SourceFile, catalog: Catalog,
                             summarizing: Bool) throws(Diagnostic) -> QueryPlan {
        var binder = Binder(catalog: catalog, source: combined.table, query: query, file: file, combined: combined)
        return try binder.plan(summarizing: summarizing)
    }

    static func unknownDataset(_ name: Name, catalog: Catalog) -> Diagnostic {
        let suggestion = Suggestion.closest(to: name.text, among: catalog.names)
        return .error(
            "unknown-dataset", "unknown dataset '\(name.text)'", at: name.span,
            label: suggestion.map { "did you mean '\($0)'?" },
            help: ["datasets: " + catalog.names.joined(separator: ", ")])
    }

    /// The clauses of the query, sorted by kind, with repetition checked.
    struct Clauses {
        var conditions: [Expr] = []
        var timeFilters: [Clause] = []
        var groupBy: [Expr]?
        var show: [ShowItem]?
        var sortBy: [SortKey]?
        var having: Expr?
        var top: (Int64, SourceSpan)?
        var limit: (Int64, SourceSpan)?
        var change: Clause?
        var chart: Clause?
        /// `across KEY`, with its clause.
        var across: (key: Expr, clause: Clause)?
    }

    func collectClauses() throws(Diagnostic) -> Clauses {
        var clauses = Clauses()
        var seen: Set<String> = []
        for clause in query.clauses {
            if let word = clause.onceOnlyWord, !seen.insert(word).inserted {
                throw .error(
                    "clause-repeated", "'\(word)' is given twice in one query", at: clause.keywordSpan,
                    label: "only one '\(word)' clause is allowed",
                    help: ["'where' and the time clauses may repeat; every other clause comes at most once"])
            }
            switch clause.kind {
            case .where(let condition): clauses.conditions.append(condition)
            case .since, .until, .inYear, .between: clauses.timeFilters.append(clause)
            case .groupBy(let keys): clauses.groupBy = keys
            case .show(let items): clauses.show = items
            case .sortBy(let keys): clauses.sortBy = keys
            case .having(let condition): clauses.having = condition
            case .top(let n, let span): clauses.top = (n, span)
            case .limit(let n, let span): clauses.limit = (n, span)
            case .change: clauses.change = clause
            case .chart: clauses.chart = clause
            case .across(let key): clauses.across = (key, clause)
            case .combine: break
            }
        }
        return clauses
    }

    /// Plans the query. With `summarizing`, an ungrouped query without `show` sums the
    /// default measure over all kept rows (how `check` reads `applicants in 2017`).
    mutating func plan(summarizing: Bool = false) throws(Diagnostic) -> QueryPlan {
        let clauses = try collectClauses()
        if let show = clauses.show { try checkShowNames(show) }
        warnings += combined.warnings
        let bound = try bindFilter(clauses)
        let pushed = combined.pushed?.positions ?? []
        let start = combined.plan(pushing: bound.indices.filter(pushed.contains).map { bound[$0] })
        let conditions = bound.indices.filter { !pushed.contains($0) }.map { bound[$0] }
        let isGrouped = clauses.groupBy != nil || (clauses.show.map(showIsAllAggregates) ?? (summarizing))
        var plan: QueryPlan
        if let change = clauses.change {
            if let across = clauses.across {
                throw .error("across-with-change", "'across' and 'change' each make columns of years; use one of them",
                             at: across.clause.keywordSpan, label: "a second way to make columns",
                             help: ["`change from Y1 to Y2` compares two years; `across year` shows every year"])
            }
            plan = try bindChange(clauses, change, input: start, conditions: conditions)
        } else if let across = clauses.across {
            plan = try bindAcross(clauses, key: across.key, input: start.filtered(by: conditions, level: .rows))
        } else if isGrouped {
            plan = try bindGrouped(clauses, input: start.filtered(by: conditions, level: .rows))
            let keyCount = plan.grouping?.keys.count ?? 0
            plan.headline = plan.outputs.firstIndex { output in output.expr.columnIndex.map { $0 >= keyCount } ?? true }
        } else {
            plan = try bindUngrouped(clauses, input: start.filtered(by: conditions, level: .rows))
            plan.headline = plan.outputs.firstIndex { $0.expr.columnIndex != nil && $0.expr.columnIndex == defaultMeasure }
                ?? plan.outputs.firstIndex { $0.expr.type.isNumeric && $0.role != .time }
        }
        if case .project(var project) = plan.root {
            for index in project.outputs.indices where project.outputs[index].role == .time { project.outputs[index].separatesThousands = false }
            plan.root = .project(project)
        }
        plan.root = PlanRewriter.optimized(plan.root)
        plan.warnings = warnings
        plan.emptyResultNotes = emptyResultNotes
        plan.chart = clauses.chart != nil
        plan.chartLayout = try chartLayout(for: plan, requested: clauses.chart)
        plan.review = CaveatReview(checks: caveatChecks(for: plan))
        plan.origin = combined.origin
        return plan
    }

    /// The dataset's time column: the declared one, or a column named `year`.
    var timeColumn: (index: Int, name: String)? {
        source.timeColumnIndex.map { ($0, source.columns[$0].name) }
    }

    /// Whether a group key is a time axis: the time column, or a bucket (`month(day)`, …) of a
    /// date, which sorts in time order, draws as a time series and reports missing periods.
    func isTimeKey(_ key: BoundExpr) -> Bool {
        if let index = key.columnIndex { return index == timeColumn?.index }
        if case .function(let id, _, _) = key { return ScalarFunction.buckets.contains(id) }
        return false
    }

    /// The default measure's column index, if the dataset declares measures.
    var defaultMeasure: Int? { source.defaultMeasureIndex }

    /// Whether a column is one of the dataset's measures.
    func isMeasure(_ index: Int) -> Bool { source.isMeasure(index) }

    /// Whether a column is one of the dataset's country columns.
    func isCountryColumn(_ index: Int) -> Bool { source.isCountryColumn(index) }

    func role(ofSourceColumn index: Int) -> OutputColumn.Role { source.role(ofColumn: index) }

    /// Whether `show` summarizes the rows: some item aggregates, and no item reads a column
    /// outside an aggregate other than a looked-up column or a country attribute (one value).
    func showIsAllAggregates(_ items: [ShowItem]) -> Bool {
        items.contains { containsAggregateCall($0.expr) } && items.allSatisfy { firstBareColumn($0.expr, allowingOneValue: true) == nil }
    }
}
