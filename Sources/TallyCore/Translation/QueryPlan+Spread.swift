extension QueryPlan {
    /// This crosstab as a plain grouped plan, which SQL can say: grouped by the row keys, each
    /// column of values the cells' aggregates restricted to one value of the across key (missing
    /// where a row has no such rows, as `change` restricts its years), and `total` the aggregates
    /// over the whole row. `values` are the across key's values in column order, read from the
    /// data. The plan itself when it has no crosstab.
    public func spread(into values: [Value]) -> QueryPlan {
        guard let pivot, let aggregate = grouping else { return self }
        let keyCount = pivot.rowKeyCount
        let across = aggregate.keys[keyCount]
        let count = aggregate.aggregates.count
        var aggregates = aggregate.aggregates
        for value in values {
            let test: BoundExpr = value.isMissing
                ? .isMissing(across, negated: false)
                : .comparison(.equal, across, .literal(value, across.type))
            aggregates += aggregate.aggregates.map { spec in
                var restricted = spec
                restricted.condition = test
                return restricted
            }
        }
        /// The cells' expression over aggregates `offset` places after the row keys.
        func cells(at offset: Int) -> BoundExpr {
            let expr = pivot.cell.replacingColumns { index, type in index > keyCount ? .column(index - 1 + offset, type) : .column(index, type) }
            return pivot.asShare ? .share(expr) : expr
        }
        let total = cells(at: 0)
        let moved = { (expr: BoundExpr) in expr.replacingColumns { index, type in index == keyCount ? total : .column(index, type) } }
        let names = values.map { $0.isMissing ? "missing" : CellFormatter.raw($0) }
        var plan = self
        plan.root = root.transformed { node in
            switch node {
            case .aggregate(var grouped):
                grouped.keys = Array(aggregate.keys.prefix(keyCount))
                grouped.keyNames = Array(aggregate.keyNames.prefix(keyCount))
                grouped.aggregates = aggregates
                return .aggregate(grouped)
            case .pivot(let spread):
                return spread.input
            case .filter(var filter) where filter.level == .groups:
                for index in filter.conditions.indices { filter.conditions[index].condition = moved(filter.conditions[index].condition) }
                return .filter(filter)
            case .sort(var sort):
                for index in sort.keys.indices { sort.keys[index].expr = moved(sort.keys[index].expr) }
                return .sort(sort)
            case .top(var top):
                top.key = moved(top.key)
                return .top(top)
            case .project(var project):
                let columns = names.enumerated().map { position, name in
                    OutputColumn(name: name, expr: cells(at: count * (position + 1)), separatesThousands: pivot.separatesThousands, role: pivot.role)
                }
                project.outputs = project.outputs.dropLast().map { output in
                    var output = output
                    output.expr = moved(output.expr)
                    return output
                } + columns + project.outputs.suffix(1).map { output in
                    var output = output
                    output.expr = total
                    return output
                }
                return .project(project)
            default:
                return node
            }
        }
        return plan
    }
}
