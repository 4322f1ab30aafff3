/// Runs a `QueryPlan` over the columnar store: filter → group and aggregate → compute the
/// outputs → having → sort → top → limit, column-at-a-time.
public struct Executor {
    let plan: QueryPlan
    let context: ExecutionContext

    /// Runs `plan`; `cancellation` is polled between batches.
    public static func run(_ plan: QueryPlan, cancellation: CancellationFlag? = nil) throws(Diagnostic) -> ResultSet {
        try Executor(plan: plan, context: ExecutionContext(cancellation: cancellation)).run()
    }

    /// The caveats of a result computed elsewhere (a database server), from the rows the
    /// plan's filters keep in the local copy of the dataset.
    public static func caveats(of plan: QueryPlan, result: Table, cancellation: CancellationFlag? = nil) throws(Diagnostic) -> [Diagnostic] {
        let context = ExecutionContext(cancellation: cancellation)
        let selection = try plan.filter.map { condition throws(Diagnostic) in
            try RowFilter(table: plan.source, context: context).select(condition, from: nil)
        }
        return try CaveatFinder(plan: plan, rows: selection, result: result, context: context).caveats()
    }

    func run() throws(Diagnostic) -> ResultSet {
        let source = plan.source
        var rowsAfter: [PlanStep.Stage: Int] = [.scan: source.rowCount]
        let selection = try plan.filter.map { condition throws(Diagnostic) in
            try RowFilter(table: source, context: context).select(condition, from: nil)
        }
        rowsAfter[.filter] = selection?.count ?? source.rowCount

        let stage: Table
        let stageRows: Selection?
        if let grouping = plan.grouping {
            stage = try GroupedAggregation(source: source, grouping: grouping, context: context).run(rows: selection)
            stageRows = nil
            rowsAfter[.group] = stage.rowCount
        } else {
            stage = source
            stageRows = selection
        }
        let evaluator = ExpressionEvaluator(table: stage, rows: stageRows, context: context)
        let stageCount = evaluator.count
        try context.checkCancelled()

        var positions = Array(0..<stageCount)
        if let having = plan.having {
            let flags = try evaluator.evaluate(having)
            if case .boolean(let values) = flags.data {
                positions = positions.filter { values[$0] && flags.isValid($0) }
            }
            rowsAfter[.having] = positions.count
        }
        if !plan.order.isEmpty {
            var keys: [(column: Column, descending: Bool)] = []
            for key in plan.order { keys.append((try evaluator.evaluate(key.expr), key.descending)) }
            let sorted = RowOrder.permutation(count: stageCount, keys: keys)
            let kept = Set(positions)
            positions = positions.count == stageCount ? sorted : sorted.filter { kept.contains($0) }
        }
        try context.checkCancelled()
        if let top = plan.top {
            positions = RowOrder.top(top.count, of: positions, by: try evaluator.evaluate(top.key))
            rowsAfter[.top] = positions.count
        }
        if let limit = plan.limit {
            positions = Array(positions.prefix(limit))
            rowsAfter[.limit] = positions.count
        }
        let final = positions.map { Int32(truncatingIfNeeded: $0) }
        var columns: [Column] = []
        for output in plan.outputs {
            var column = try evaluator.evaluate(output.expr).gathered(final)
            if output.expr.type.isCalendar { column.calendarType = output.expr.type }
            column.name = output.name
            column.originalName = output.name
            if let index = output.expr.columnIndex, plan.grouping == nil {
                column.originalName = source.columns[index].originalName
            }
            columns.append(column)
        }
        rowsAfter[.output] = final.count
        let table = Table(name: source.name, columns: columns, rowCount: final.count, info: resultInfo())
        return ResultSet(
            table: table, separatesThousands: plan.outputs.map(\.separatesThousands),
            warnings: plan.warnings + context.warnings, notes: try emptyResultNotes(rowsLeft: selection?.count, final: final.count),
            rowsAfter: rowsAfter, caveats: try CaveatFinder(plan: plan, rows: selection, result: table, context: context).caveats(),
            chartLayout: plan.chartLayout, headline: plan.headline)
    }

    /// Notes for a result without rows, or a filter that kept none (`show count` gives 0): the
    /// binder's notes (a value that differs in case), else which condition removed every row.
    private func emptyResultNotes(rowsLeft: Int?, final: Int) throws(Diagnostic) -> [Diagnostic] {
        guard final == 0 || rowsLeft == 0 else { return [] }
        if !plan.emptyResultNotes.isEmpty || rowsLeft != 0 || plan.source.rowCount == 0 { return plan.emptyResultNotes }
        return try EmptyResultExplainer(plan: plan, context: context).notes()
    }

    /// The roles the result keeps if it becomes a dataset with `let`.
    private func resultInfo() -> DatasetInfo {
        var info = plan.source.info
        info.timeColumn = plan.outputs.first { $0.role == .time }?.name
        info.measures = plan.outputs.filter { $0.role == .measure }.map(\.name)
        info.countryColumns = plan.outputs.filter { $0.role == .country }.map(\.name)
        if let unit = info.unitColumn, !plan.outputs.contains(where: { $0.name == unit }) { info.unitColumn = nil }
        info.categoryColumns = info.categoryColumns.filter { category in plan.outputs.contains { $0.name == category } }
        return info
    }
}
