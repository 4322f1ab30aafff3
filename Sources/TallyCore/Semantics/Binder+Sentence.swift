extension Binder {
    /// The query restated as one plain-English sentence, for `explain`:
    /// "From applicants, take the rows where origin = RU, from 2012 on; for each destination,
    /// compute the total of applications; show the largest first."
    func sentence(for plan: QueryPlan, _ clauses: Clauses) -> String {
        var parts: [String] = []
        var rows = clauses.conditions.isEmpty ? "all rows" : "the rows where " + clauses.conditions.map(sourceText).joined(separator: " and ")
        let times = clauses.timeFilters.map(timePhrase)
        if !times.isEmpty { rows += (clauses.conditions.isEmpty ? " " : ", ") + times.joined(separator: ", ") }
        parts.append("From \(source.name), take \(rows)")
        let keys = plan.grouping?.keyNames ?? []
        let each = keys.isEmpty ? "over all of them" : "for each " + keys.joined(separator: " and ")
        if let change = plan.change {
            let measure = describe(plan.outputs[change.fromColumn], in: plan) ?? plan.outputs[change.fromColumn].name
            parts.append("\(each), compare \(measure) in \(change.from) with \(change.to): the change, the change in percent, and each group's part of the overall change")
        } else if let grouping = plan.grouping {
            let items = plan.outputs.compactMap { output -> String? in
                if let index = output.expr.columnIndex, index < grouping.keys.count { return nil }
                return describe(output, in: plan) ?? output.name
            }
            parts.append("\(each), compute " + listed(items))
        } else if clauses.show != nil {
            parts.append("show " + listed(plan.outputs.map(\.name)))
        }
        if let having = clauses.having { parts.append("keep the groups where \(sourceText(having))") }
        if let sortKeys = clauses.sortBy {
            parts.append("sort by " + sortKeys.map { sourceText($0.expr) + ($0.descending == true ? " (largest first)" : "") }.joined(separator: ", then "))
        } else if plan.change != nil, !keys.isEmpty {
            parts.append("largest change first")
        } else if let grouping = plan.grouping, !keys.isEmpty {
            let timeKey = grouping.keys.contains { $0.columnIndex != nil && $0.columnIndex == timeColumn?.index }
            parts.append(timeKey ? "in \(timeColumn?.name ?? "time") order" : "largest first")
        }
        if let (n, _) = clauses.top { parts.append("keep the \(n) largest") }
        if let (n, _) = clauses.limit { parts.append("keep the first \(n)") }
        if plan.chart { parts.append("draw bars beside the numbers") }
        return parts.joined(separator: "; ") + "."
    }

    /// "from 2012 on", "in 2017", "up to 2017", "from 2012 to 2017".
    private func timePhrase(_ clause: Clause) -> String {
        switch clause.kind {
        case .since(let y): return "from \(y.period ?? String(y.value)) on"
        case .until(let y): return "up to \(y.period ?? String(y.value))"
        case .inYear(let y): return "in \(y.period ?? String(y.value))"
        case .between(let a, let b): return "from \(a.period ?? String(a.value)) to \(b.period ?? String(b.value))"
        default: return file.text(of: clause.span)
        }
    }

    /// What a computed output means in words ("the total of applications"), when it is an
    /// aggregate, `share` or `rank`.
    private func describe(_ output: OutputColumn, in plan: QueryPlan) -> String? {
        switch output.expr {
        case .share: return "each group's share of the total, in percent"
        case .rank: return "its rank, largest first"
        case .column(let index, _):
            guard let grouping = plan.grouping, index >= grouping.keys.count,
                  index - grouping.keys.count < grouping.aggregates.count else { return nil }
            let spec = grouping.aggregates[index - grouping.keys.count]
            let argument = spec.argument.map { argument in argument.columnIndex.map { source.columns[$0].name } ?? "(\(output.name))" } ?? ""
            switch spec.function {
            case .count: return "the number of rows"
            case .countValues: return "the number of values of \(argument)"
            case .distinct: return "the number of different values of \(argument)"
            case .sum: return "the total of \(argument)"
            case .avg: return "the average of \(argument)"
            case .min: return "the smallest \(argument)"
            case .max: return "the largest \(argument)"
            case .median: return "the median of \(argument)"
            case .only:
                if case .countryAttribute(_, let facts, _) = spec.argument { return "its \(facts.written)" }
                return "its \(argument)"
            }
        default: return nil
        }
    }

    /// "a", "a and b", "a, b and c".
    private func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
