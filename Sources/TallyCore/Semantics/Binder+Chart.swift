extension Binder {
    /// The chart layout of `plan`: the headline number (the change, for a `change` query),
    /// named by the keys; an error when `chart` was asked for and there is no number to draw.
    func chartLayout(for plan: QueryPlan, requested: Clause?) throws(Diagnostic) -> ChartLayout? {
        guard let value = plan.change?.changeColumn ?? plan.headline else {
            if let requested {
                throw .error("chart-without-number", "there is no number to chart in this result", at: requested.keywordSpan,
                             label: "bars need a number",
                             help: ["group it, e.g. `\(source.name) group by COLUMN chart`, or show a numeric column"])
            }
            return nil
        }
        let labels: [Int]
        var time: Int?
        if let grouping = plan.grouping {
            let keyCount = plan.pivot?.rowKeyCount ?? grouping.keys.count
            labels = plan.outputs.indices.filter { ($0 != value) && (plan.outputs[$0].expr.columnIndex.map { $0 < keyCount } ?? false) }
            if plan.pivot == nil, let firstKey = grouping.keys.first, isTimeKey(firstKey) {
                time = plan.outputs.firstIndex { $0.expr == .column(0, firstKey.type) }
            }
        } else {
            labels = plan.outputs.indices.filter { $0 != value && (!plan.outputs[$0].expr.type.isNumeric || plan.outputs[$0].role == .time) }
        }
        return ChartLayout(value: value, labels: labels, time: time, series: labels.filter { $0 != time }, drawn: requested != nil)
    }
}
