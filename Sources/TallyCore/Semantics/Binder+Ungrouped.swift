extension Binder {
    /// Plans a row-by-row query: filter, optionally pick columns, sort and cut.
    mutating func bindUngrouped(_ clauses: Clauses, input: PlanNode) throws(Diagnostic) -> QueryPlan {
        if let having = clauses.having {
            throw .error("having-without-groups", "'having' filters groups, and this query has none", at: having.span,
                         label: "use 'where' to filter rows", help: ["or add `group by` to make groups"])
        }
        var outputs: [OutputColumn] = []
        if let items = clauses.show {
            for item in items {
                if case .allColumns = item.expr.kind {
                    outputs += allColumnOutputs
                    continue
                }
                if containsAggregateCall(item.expr) {
                    let offending = items.compactMap { firstBareColumn($0.expr) }.first ?? item.expr
                    let text = sourceText(offending)
                    throw .error(
                        "mixed-aggregate", "this show mixes aggregates with plain columns, but the query has no group by",
                        at: offending.span, label: "a plain column",
                        help: ["add `group by \(text)`, or summarize it too, e.g. `max(\(text))`"])
                }
                let expr = try bindRow(item.expr)
                let index = expr.columnIndex
                let role: OutputColumn.Role = index.map { self.role(ofSourceColumn: $0) } ?? .plain
                outputs.append(OutputColumn(
                    name: item.alias?.text ?? defaultName(item.expr), expr: expr,
                    separatesThousands: separatesThousands(expr), role: role))
            }
            try checkDistinctNames(outputs)
        } else {
            outputs = allColumnOutputs
        }
        outputsByName = Dictionary(outputs.map { ($0.name.lowercased(), $0.expr) }, uniquingKeysWith: { first, _ in first })
        let order = try clauses.sortBy.map { keys throws(Diagnostic) in try bindSortKeys(keys) } ?? []
        var top: (count: Int, key: BoundExpr, keyName: String)?
        if let (n, span) = clauses.top {
            guard let measure = defaultMeasure else {
                throw .error("top-without-measure", "'top' needs a measure, and \(source.name) declares none", at: span,
                             label: "largest by what?",
                             help: ["sort and cut instead, e.g. `\(source.name) sort by COLUMN desc limit \(n)`"])
            }
            top = (Int(n), .column(measure, source.columns[measure].type), source.columns[measure].name)
        }
        outputsByName = [:]
        let root = input
            .sorted(by: order, reason: .written, stated: order.count)
            .cut(top: top, limit: clauses.limit.map { Int($0.0) })
        return QueryPlan(root: .project(Project(input: root, outputs: outputs)))
    }

    /// Every column of the source, as it is: what a query without `show`, or `show *`, outputs.
    var allColumnOutputs: [OutputColumn] {
        source.columns.indices.map { index in
            let expr = BoundExpr.column(index, source.columns[index].type)
            return OutputColumn(
                name: source.columns[index].name, expr: expr, separatesThousands: separatesThousands(expr),
                role: role(ofSourceColumn: index))
        }
    }

    /// Binds `sort by` keys: output names and aliases first, then expressions.
    mutating func bindSortKeys(_ keys: [SortKey]) throws(Diagnostic) -> [SortKeySpec] {
        var specs: [SortKeySpec] = []
        for key in keys {
            if key.expr.isConstant {
                throw .error(
                    "sort-constant", "'sort by \(sourceText(key.expr))' gives every row the same value, so it orders nothing",
                    at: key.expr.span, label: "a constant, not a column",
                    help: ["name the column or `show` item to sort by; tally sorts by names, not by positions"])
            }
            specs.append(SortKeySpec(expr: try bindRow(key.expr), descending: key.descending ?? false, name: sourceText(key.expr)))
        }
        return specs
    }
}
