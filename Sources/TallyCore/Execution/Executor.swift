/// Runs a `QueryPlan` over the columnar store by walking its tree of operators, inputs first;
/// each operator runs its column-at-a-time kernel over the rows its input passes up.
public struct Executor {
    /// The plan; once its lookups and joins are made, its `Combine` holds their rows.
    private(set) var plan: QueryPlan
    let context: ExecutionContext
    /// Rows each operator produced, in execution order (`PlanNode.executionOrder`).
    private var rowCounts: [Int] = []
    /// The rows the row filter kept, over the source; nil when nothing filtered rows.
    private var keptRows: Selection?
    /// The rows the lookups and joins made, when the rows that conditions before them kept were copied.
    private var combinedAfterFilter: Int?
    /// The rows of the lookups and joins the conditions before them kept, when those were carried.
    private var keptBeforeCombining: Selection?
    /// Which row of each side every combined row was made from, once the lookups and joins ran.
    private var lineage: CombinedRows?
    /// What each lookup or join made so far matched, in order.
    private var joinCounts: [JoinCounts] = []
    /// The rows the last aggregate grouped, for a crosstab's totals that need every value.
    private var grouped: Relation?
    /// A crosstab's columns of values, shown before its `total` (`across`).
    private var spread: [OutputColumn] = []
    /// The values of the across key those columns hold, in order.
    private var spreadValues: [Value] = []

    /// Runs `plan`; `cancellation` is polled between batches.
    public static func run(_ plan: QueryPlan, cancellation: CancellationFlag? = nil) throws(Diagnostic) -> ResultSet {
        var executor = Executor(plan: plan, context: ExecutionContext(cancellation: cancellation))
        return try executor.run()
    }

    /// The values of a crosstab's across key, in the order of its columns, as running `plan`
    /// finds them in the data (what `sql` names its columns after).
    public static func acrossValues(of plan: QueryPlan, cancellation: CancellationFlag? = nil) throws(Diagnostic) -> [Value] {
        var executor = Executor(plan: plan, context: ExecutionContext(cancellation: cancellation))
        _ = try executor.run(plan.root)
        return executor.spreadValues
    }

    /// The caveats of a result computed elsewhere (a database server), and what each lookup or
    /// join matched (for `explain`), from the rows the plan's filters, lookups and joins keep in
    /// the local copy of the datasets.
    public static func localFindings(
        of plan: QueryPlan, result: Table, cancellation: CancellationFlag? = nil
    ) throws(Diagnostic) -> (caveats: [Diagnostic], joinCounts: [JoinCounts]) {
        var executor = Executor(plan: plan, context: ExecutionContext(cancellation: cancellation))
        if let rowLevel = plan.root.executionOrder.last(where: \.readsRows) { _ = try executor.run(rowLevel) }
        return (try executor.caveats(of: result), executor.joinCounts)
    }

    private init(plan: QueryPlan, context: ExecutionContext) {
        self.plan = plan
        self.context = context
    }

    private mutating func run() throws(Diagnostic) -> ResultSet {
        let table = try run(plan.root).table
        var chartLayout = plan.chartLayout
        var headline = plan.headline
        if let pivot = plan.pivot {
            let cells = pivot.rowKeyCount..<(pivot.rowKeyCount + spread.count)
            chartLayout = chartLayout?.spreading(cells: cells, holding: pivot.cellName, across: pivot.keyName,
                                                 values: spreadValues, inTime: pivot.inTimeOrder)
            headline = cells.upperBound
        }
        return ResultSet(
            table: table, separatesThousands: outputs.map(\.separatesThousands),
            warnings: plan.warnings + context.warnings, notes: try emptyResultNotes(rowsLeft: keptRows?.count ?? combinedAfterFilter, final: table.rowCount),
            rowCounts: rowCounts, caveats: try caveats(of: table),
            chartLayout: chartLayout, headline: headline, joinCounts: joinCounts)
    }

    /// The caveats the plan's review finds in `result` and the rows this run kept.
    private func caveats(of result: Table) throws(Diagnostic) -> [Diagnostic] {
        try plan.review?.caveats(of: result, from: KeptRows(plan: plan, rows: keptRows, lineage: lineage, context: context)) ?? []
    }

    /// The visible columns: the plan's, with a crosstab's columns of values before its `total`.
    private var outputs: [OutputColumn] {
        spread.isEmpty ? plan.outputs : Array(plan.outputs.dropLast()) + spread + plan.outputs.suffix(1)
    }

    /// The rows one operator passes up: a table, the rows of it a row filter kept, and the
    /// positions among those that having, sort, top and limit kept, in order.
    private struct Relation {
        var table: Table
        /// Rows of `table` kept, ascending; nil: all.
        var rows: Selection? = nil
        /// Positions among `rows` kept, in output order; nil: all, in order.
        var positions: [Int]? = nil

        /// Rows passed up.
        var count: Int { positions?.count ?? rows?.count ?? table.rowCount }
        /// Rows before `positions` cut and order them.
        var unorderedCount: Int { rows?.count ?? table.rowCount }
        /// The kept positions, all of them when none were cut.
        var keptPositions: [Int] { positions ?? Array(0..<unorderedCount) }

        func evaluator(_ context: ExecutionContext) -> ExpressionEvaluator {
            ExpressionEvaluator(table: table, rows: rows, context: context)
        }
    }

    /// Runs `node` and its inputs, recording the rows it passes up.
    private mutating func run(_ node: PlanNode) throws(Diagnostic) -> Relation {
        let relation: Relation
        switch node {
        case .scan(let scan): relation = Relation(table: scan.table)
        case .combine(let combine): relation = try run(combine, on: try run(combine.input))
        case .filter(let filter): relation = try run(filter, on: try run(filter.input))
        case .aggregate(let aggregate): relation = try run(aggregate, on: try run(aggregate.input))
        case .pivot(let pivot): relation = try run(pivot, on: try run(pivot.input))
        case .sort(let sort): relation = try run(sort, on: try run(sort.input))
        case .top(let top): relation = try run(top, on: try run(top.input))
        case .limit(let limit):
            var input = try run(limit.input)
            input.positions = Array(input.keptPositions.prefix(limit.count))
            relation = input
        case .project(let project):
            let input = try run(project.input)  // first: a crosstab below sets the columns it shows
            relation = try run(project, on: input)
        }
        rowCounts.append(relation.count)
        try context.checkCancelled()
        return relation
    }

    /// Makes a lookup or join; from then on the plan's `Combine` holds its rows.
    private mutating func run(_ combine: Combine, on input: Relation) throws(Diagnostic) -> Relation {
        let made = try Combining(combine, input: input.table, rows: input.rows, lineage: lineage, context: context)
        if made.rows == nil, input.rows != nil || combinedAfterFilter != nil { combinedAfterFilter = made.table.rowCount }
        keptRows = made.rows
        keptBeforeCombining = made.rows
        lineage = made.lineage
        joinCounts.append(made.counts)
        plan.root = plan.root.transformed { node in
            guard case .combine(var planned) = node, planned.step == combine.step else { return node }
            planned.table = made.table
            return .combine(planned)
        }
        return Relation(table: made.table, rows: made.rows)
    }

    /// A row filter narrows the rows read; a group filter keeps positions, so that windows
    /// (`share`, `rank`) still see every group.
    private mutating func run(_ filter: Filter, on input: Relation) throws(Diagnostic) -> Relation {
        var relation = input
        switch filter.level {
        case .rows:
            relation.rows = try RowFilter(table: input.table, context: context).select(filter.condition, from: input.rows)
            keptRows = relation.rows
        case .groups:
            let flags = try input.evaluator(context).evaluate(filter.condition)
            if case .boolean(let values) = flags.data {
                relation.positions = input.keptPositions.filter { values[$0] && flags.isValid($0) }
            }
        }
        return relation
    }

    private mutating func run(_ aggregate: Aggregate, on input: Relation) throws(Diagnostic) -> Relation {
        grouped = input
        return Relation(table: try GroupedAggregation(source: input.table, grouping: aggregate, context: context).run(rows: input.rows))
    }

    /// Spreads the groups into a crosstab; its columns of values join the outputs.
    private mutating func run(_ pivot: Pivot, on input: Relation) throws(Diagnostic) -> Relation {
        guard case .aggregate(let aggregate) = pivot.input, let source = grouped else {
            throw .error("internal", "a crosstab without groups")
        }
        let crosstab = try Crosstab(pivot: pivot.spec, grouping: aggregate, source: source.table, rows: source.rows, context: context)
            .spread(input.table)
        spread = crosstab.columns
        spreadValues = crosstab.values
        return Relation(table: crosstab.table)
    }

    private func run(_ sort: Sort, on input: Relation) throws(Diagnostic) -> Relation {
        let evaluator = input.evaluator(context)
        var keys: [(column: Column, descending: Bool)] = []
        for key in sort.keys { keys.append((try evaluator.evaluate(key.expr), key.descending)) }
        let sorted = RowOrder.permutation(count: input.unorderedCount, keys: keys)
        var relation = input
        if let positions = input.positions, positions.count != input.unorderedCount {
            let kept = Set(positions)
            relation.positions = sorted.filter { kept.contains($0) }
        } else {
            relation.positions = sorted
        }
        return relation
    }

    private func run(_ top: Top, on input: Relation) throws(Diagnostic) -> Relation {
        var relation = input
        relation.positions = RowOrder.top(top.count, of: input.keptPositions, by: try input.evaluator(context).evaluate(top.key))
        return relation
    }

    /// Computes the outputs over the whole input (so windows see every group), then keeps the
    /// kept positions in order.
    private func run(_ project: Project, on input: Relation) throws(Diagnostic) -> Relation {
        let evaluator = input.evaluator(context)
        let final = input.keptPositions.map { Int32(truncatingIfNeeded: $0) }
        context.shownRows = Set(input.keptPositions)
        defer { context.shownRows = nil }
        var columns: [Column] = []
        for output in outputs {
            var column = try evaluator.evaluate(output.expr).gathered(final)
            if output.expr.type.isCalendar { column.calendarType = output.expr.type }
            column.name = output.name
            column.originalName = output.name
            if let index = output.expr.columnIndex, input.table === plan.source {
                column.originalName = input.table.columns[index].originalName
            }
            columns.append(column)
        }
        return Relation(table: Table(name: plan.source.name, columns: columns, rowCount: final.count, info: resultInfo()))
    }

    /// Notes for a result without rows, or a filter that kept none (`show count` gives 0): a
    /// join that paired no row, else the binder's notes (a value that differs in case), else
    /// which condition removed every row.
    private func emptyResultNotes(rowsLeft: Int?, final: Int) throws(Diagnostic) -> [Diagnostic] {
        if let unmatched = unmatchedJoinNote() { return [unmatched] }
        guard final == 0 || rowsLeft == 0 else { return [] }
        if !plan.emptyResultNotes.isEmpty || rowsLeft != 0 { return plan.emptyResultNotes }
        return try EmptyResultExplainer(plan: plan, combinedRows: keptBeforeCombining, context: context).notes()
    }

    /// The note for the first join that had rows to pair and paired none (every later step then
    /// has no row either).
    private func unmatchedJoinNote() -> Diagnostic? {
        for (combination, counts) in zip(plan.outline.combinations, joinCounts) where combination.kind == .join {
            guard counts.sourceMatched == 0, counts.sourceUnmatched > 0 else { continue }
            let rows = (counts.sourceUnmatched == 1 ? "the " : "any of the ") + NumberFormat.counted(counts.sourceUnmatched, "row")
            let written = "joining \(combination.described) on \(combination.keyText)"
            let why = combination.otherRowCount == 0
                ? "\(combination.described) has no rows"
                : "no value of the key is on both sides"
            var help = ["a join keeps only the rows with a match on both sides; `lookup` keeps every row, its looked-up values missing where nothing matches"]
            if case .dataset(let other) = combination.origin {
                help.append("`\(combination.sourceName) group by \(combination.keys.map(\.source).joined(separator: ", "))` and "
                    + "`\(other.name) group by \(combination.keys.map(\.other).joined(separator: ", "))` show the values each side has")
            }
            return .note("join-matched-nothing", "\(written) found no match for \(rows) of \(combination.sourceName): \(why)", help: help)
        }
        return nil
    }

    /// The roles the result keeps if it becomes a dataset with `let`.
    private func resultInfo() -> DatasetInfo {
        var info = plan.source.info
        info.timeColumn = outputs.first { $0.role == .time }?.name
        info.measures = outputs.filter { $0.role == .measure }.map(\.name)
        info.roles = info.roles.mapValues { columns in columns.filter { column in outputs.contains { $0.name == column } } }.filter { !$0.value.isEmpty }
        info.countryColumns = outputs.filter { $0.role == .country }.map(\.name)
        return info
    }
}

private extension PlanNode {
    /// Whether the operator makes the rows a query keeps (a scan, lookups and joins, a row
    /// filter), as opposed to what it computes from them.
    var readsRows: Bool {
        switch self {
        case .scan, .combine: return true
        case .filter(let filter): return filter.level == .rows
        case .aggregate, .pivot, .sort, .top, .limit, .project: return false
        }
    }
}
