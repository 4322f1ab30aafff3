extension Binder {
    /// Plans `across KEY`: groups by the row keys and the across key, takes the first aggregate
    /// as the cells, and plans the crosstab's rows: `having`, `sort by`, `top` and `limit` see the
    /// row keys and `total` (the first aggregate over the whole row).
    mutating func bindAcross(_ clauses: Clauses, key acrossExpr: Expr, input: PlanNode) throws(Diagnostic) -> QueryPlan {
        let (keys, keyNames) = try bindKeys(clauses.groupBy ?? [])
        let acrossKey = try bindRow(acrossExpr)
        let acrossName = acrossKey.columnIndex.map { source.columns[$0].name } ?? sourceText(acrossExpr)
        if keys.contains(acrossKey) {
            throw .error("across-key-grouped", "\(acrossName) is both a row key and the across key", at: acrossExpr.span,
                         label: "already in group by",
                         help: ["keep it in one place: `group by` makes rows, `across` makes columns"])
        }
        let rowKeyCount = keys.count
        grouping = GroupState(keys: keys + [acrossKey])
        let (cell, cellOutput, asShare) = try acrossCell(clauses.show)
        let cellName = cellOutput.name
        guard cell.type.isNumeric else {
            throw .error("type-mismatch", "the cells of 'across' hold a number, and \(cellName) is \(cell.type.article)",
                         at: clauses.show?.first?.expr.span ?? acrossExpr.span, label: "not a number",
                         help: ["show a numeric aggregate, e.g. `show count`"])
        }
        let inTimeOrder = isTimeKey(acrossKey)
        let pivot = PivotSpec(
            rowKeyCount: rowKeyCount, keyName: acrossName, keySpan: acrossExpr.span, cell: cell, cellName: cellName,
            inTimeOrder: inTimeOrder, asShare: asShare, separatesThousands: asShare || cellOutput.separatesThousands,
            role: asShare ? .plain : cellOutput.role)
        let total = BoundExpr.column(rowKeyCount, asShare ? .decimal : cell.type)

        let state = grouping ?? GroupState(keys: keys + [acrossKey])
        var outputs = keys.indices.map { keyOutput($0, named: keyNames[$0]) }
        outputs.append(OutputColumn(name: PivotSpec.totalName, expr: total, separatesThousands: pivot.separatesThousands, role: pivot.role))
        try checkDistinctNames(outputs)

        outputsByName = Dictionary(outputs.map { ($0.name.lowercased(), $0.expr) }, uniquingKeysWith: { first, _ in first })
        outputsByName[cellName.lowercased()] = outputsByName[cellName.lowercased()] ?? total
        var having: [FilterCondition] = []
        if let condition = clauses.having {
            try checkCrosstabNames(condition, clause: "having")
            having = [FilterCondition(condition: try bindClauseCondition(condition), origin: .written(sourceText(condition)))]
        }
        let keyOrder = keys.indices.map { SortKeySpec(expr: .column($0, keys[$0].type), descending: false, name: keyNames[$0]) }
        let order: [SortKeySpec], reason: Sort.Reason, stated: Int
        if let sortKeys = clauses.sortBy {
            for key in sortKeys { try checkCrosstabNames(key.expr, clause: "sort by") }
            let written = try bindSortKeys(sortKeys)
            (order, reason, stated) = (written + keyOrder.filter { key in !written.contains { $0.expr == key.expr } }, .written, written.count)
        } else if keys.contains(where: isTimeKey) {
            (order, reason, stated) = (keyOrder, .keys, keyOrder.count)
        } else {
            (order, reason, stated) = ([SortKeySpec(expr: total, descending: true, name: PivotSpec.totalName)] + keyOrder, .largestFirst, 1)
        }
        let top = clauses.top.map { (count: Int($0.0), key: total, keyName: PivotSpec.totalName) }
        outputsByName = [:]
        let aggregate = PlanNode.aggregate(Aggregate(input: input, keys: state.keys, keyNames: keyNames + [acrossName], aggregates: state.aggregates))
        let root = PlanNode.pivot(Pivot(input: aggregate, spec: pivot))
            .filtered(by: having, level: .groups)
            .sorted(by: order, reason: reason, stated: stated)
            .cut(top: top, limit: clauses.limit.map { Int($0.0) })
        var plan = QueryPlan(root: .project(Project(input: root, outputs: outputs)))
        plan.headline = rowKeyCount
        return plan
    }

    /// The cells of a crosstab: the one aggregate of `show` (or the default measure's sum), and
    /// whether `share` asks for them as percents of their column's total.
    private mutating func acrossCell(_ show: [ShowItem]?) throws(Diagnostic) -> (BoundExpr, OutputColumn, Bool) {
        var asShare = false
        var cellItem: ShowItem?
        for item in show ?? [] {
            if case .call(let name, let args, let star) = item.expr.kind, args.isEmpty, !star,
               name.text.lowercased() == "share", !isItemWordColumn(name, args: args, star: star), item.alias == nil {
                asShare = true
            } else if cellItem == nil, !usesFirstAggregate(item.expr) {
                cellItem = item
            } else {
                throw .error("across-show", "'across' fills each cell with one number, and this show has more",
                             at: item.expr.span, label: "one item too many",
                             help: ["show one aggregate, e.g. `show count`, optionally with `share` for each cell's percent of its column"])
            }
        }
        guard let item = cellItem else {
            let cell = try firstAggregate()
            let name = defaultAggregate.argument?.columnIndex.map { source.columns[$0].name } ?? "count"
            return (cell, OutputColumn(name: name, expr: cell, separatesThousands: true, role: .measure), asShare)
        }
        let bound = try bindGroupedItem(item.expr)
        guard let state = grouping, state.readsAggregate(bound), !containsBareKey(bound, keyCount: state.keys.count) else {
            throw .error("across-show", "the cells of 'across' hold an aggregate, and \(sourceText(item.expr)) is not one",
                         at: item.expr.span, label: "not an aggregate",
                         help: ["e.g. `show sum(\(source.info.defaultMeasure ?? "x"))` or `show count`"])
        }
        firstAggregateColumn = bound
        return (bound, groupedOutput(item, bound), asShare)
    }

    /// Whether a grouped-table expression reads a key column (the cells of a crosstab may not:
    /// a key has no single value over a whole row, which the `total` needs).
    private func containsBareKey(_ expr: BoundExpr, keyCount: Int) -> Bool {
        var found = false
        expr.forEachColumn { if $0 < keyCount { found = true } }
        return found
    }

    /// Throws unless every name in a crosstab's `having` or `sort by` is one of its row keys or
    /// `total` (or the cells' aggregate, which means the total): the columns of values are only
    /// known once the query has run.
    private func checkCrosstabNames(_ expr: Expr, clause: String) throws(Diagnostic) {
        var offending: Expr?
        expr.visit { node in
            guard offending == nil else { return }
            switch node.kind {
            case .name(let name) where outputNamed(name.text) == nil: offending = node
            case .call, .qualified: offending = node
            default: break
            }
        }
        let names = outputsByName.keys.sorted().joined(separator: ", ")
        if clause == "sort by", expr.isConstant {
            throw .error("across-name", "with 'across', 'sort by' reads the row keys and total, not a column of values", at: expr.span,
                         label: "a constant, not a column of the crosstab's rows",
                         help: ["the names it can use: \(names); to rank the rows by one value, filter to it and drop `across`"])
        }
        guard let offending else { return }
        throw .error("across-name", "with 'across', '\(clause)' reads the row keys and total", at: offending.span,
                     label: "not a column of the crosstab's rows",
                     help: ["the names it can use: \(names)"])
    }
}
