/// Writes `explain`: the query restated in one sentence, the plan's steps in plain words,
/// each with the rows left after it, and the caveats the data call for.
enum PlanExplainer {
    static func explain(_ plan: QueryPlan, result: ResultSet) -> String {
        var lines: [String] = plan.sentence.isEmpty ? [] : [plan.sentence]
        var filtersSeen = 0
        let filterCount = plan.steps.filter { $0.stage == .filter }.count
        for (index, step) in plan.steps.enumerated() {
            var rows = step.rows
            switch step.stage {
            case _ where rows != nil, .combine:
                break
            case .filter:
                filtersSeen += 1
                if filtersSeen == filterCount { rows = result.rowsAfter[.filter] }
            default:
                rows = result.rowsAfter[step.stage]
            }
            let count = rows.map { "  → \(NumberFormat.grouped(Int64($0))) \($0 == 1 ? "row" : "rows")" } ?? ""
            lines.append("\(index + 1). \(step.text)\(count)")
        }
        let names = result.table.columns.map(\.name).joined(separator: ", ")
        lines.append("\(plan.steps.count + 1). show \(names)  → \(NumberFormat.grouped(Int64(result.table.rowCount))) \(result.table.rowCount == 1 ? "row" : "rows")")
        if plan.chart { lines.append("\(plan.steps.count + 2). draw \(chartedName(plan)) as bars beside the table") }
        if !result.caveats.isEmpty {
            lines.append("caveats:")
            for caveat in result.caveats { lines.append("  - \(caveat.code): \(caveat.message)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name of the charted column.
    private static func chartedName(_ plan: QueryPlan) -> String {
        guard let value = plan.chartLayout?.value, value < plan.outputs.count else { return "the numbers" }
        return plan.outputs[value].name
    }
}
