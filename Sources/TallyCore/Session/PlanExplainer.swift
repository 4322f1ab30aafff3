/// Writes `explain`: the plan's steps in plain words, each with the rows left after it.
enum PlanExplainer {
    static func explain(_ plan: QueryPlan, result: ResultSet) -> String {
        var lines: [String] = []
        var filtersSeen = 0
        let filterCount = plan.steps.filter { $0.stage == .filter }.count
        for (index, step) in plan.steps.enumerated() {
            var rows: Int?
            switch step.stage {
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
        lines.append("\(plan.steps.count + 1). show \(names)  → \(NumberFormat.grouped(Int64(result.table.rowCount))) rows")
        return lines.joined(separator: "\n") + "\n"
    }
}
