extension Binder {
    /// Plans a grouped query (a `group by`, or a `show` made only of aggregates) over `input`.
    mutating func bindGrouped(_ clauses: Clauses, input: PlanNode) throws(Diagnostic) -> QueryPlan {
        let (keys, keyNames) = try bindKeys(clauses.groupBy ?? [])
        grouping = GroupState(keys: keys)
        var outputs: [OutputColumn] = []
        if let items = clauses.show {
            let bound = try bindGroupedItems(items)
            for (index, key) in keys.enumerated() where !bound.contains(.column(index, key.type)) {
                outputs.append(keyOutput(index, named: keyNames[index]))
            }
            for (item, expr) in zip(items, bound) { outputs.append(groupedOutput(item, expr)) }
        } else {
            outputs = keys.indices.map { keyOutput($0, named: keyNames[$0]) }
            let name = defaultAggregate.argument?.columnIndex.map { source.columns[$0].name } ?? "count"
            outputs.append(OutputColumn(name: name, expr: try firstAggregate(), separatesThousands: true, role: .measure))
        }
        try checkDistinctNames(outputs)

        outputsByName = Dictionary(outputs.map { ($0.name.lowercased(), $0.expr) }, uniquingKeysWith: { first, _ in first })
        let having = try clauses.having.map { condition throws(Diagnostic) in
            FilterCondition(condition: try bindClauseCondition(condition), origin: .written(sourceText(condition)))
        }
        let timeKey = keys.firstIndex(where: isTimeKey)
        let keyOrder = keys.indices.map { SortKeySpec(expr: .column($0, keys[$0].type), descending: false, name: keyNames[$0]) }
        let order: [SortKeySpec], reason: Sort.Reason, stated: Int
        if let sortKeys = clauses.sortBy {
            let written = try bindSortKeys(sortKeys)
            (order, reason, stated) = (written + keyOrder.filter { key in !written.contains { $0.expr == key.expr } }, .written, written.count)
        } else if timeKey != nil || (firstAggregateColumn == nil && clauses.show != nil) {
            (order, reason, stated) = (keyOrder, .keys, keyOrder.count)
        } else {
            let first = try firstAggregate()
            let firstName = outputs.first { $0.expr == first }?.name ?? "the first aggregate"
            (order, reason, stated) = ([SortKeySpec(expr: first, descending: true, name: firstName)] + keyOrder, .largestFirst, 1)
        }
        var top: (count: Int, key: BoundExpr, keyName: String)?
        if let (n, span) = clauses.top {
            guard firstAggregateColumn != nil || clauses.show == nil else {
                throw .error(
                    "top-without-aggregate", "'top \(n)' ranks by the first aggregate, and this show has none",
                    at: span, label: "largest by what?",
                    help: ["show the number to rank by, e.g. `show \(defaultMeasure.map { source.columns[$0].name } ?? "count")`, or sort and cut: `sort by … desc limit \(n)`"])
            }
            let key = try firstAggregate()
            top = (Int(n), key, outputs.first { $0.expr == key }?.name ?? "the first aggregate")
            if stated > 0, reason == .written, let sortKey = order.first, sortKey.expr != key, sortKey.expr.type.isNumeric {
                warnings.append(.warning(
                    "top-by-first-aggregate", "top \(n) keeps the \(n) largest by \(top?.keyName ?? "the first aggregate"), then sorts them by \(sortKey.name)",
                    at: span, label: "largest by \(top?.keyName ?? "the first aggregate")",
                    help: ["for the \(n) \(sortKey.descending ? "largest" : "smallest") by \(sortKey.name), write `sort by \(sortKey.name)\(sortKey.descending ? " desc" : "") limit \(n)`",
                           "`help top` explains this"]))
            }
        }
        outputsByName = [:]
        let state = grouping ?? GroupState(keys: keys)
        let aggregate = PlanNode.aggregate(Aggregate(input: input, keys: state.keys, keyNames: keyNames, aggregates: state.aggregates))
        let root = aggregate
            .filtered(by: having.map { [$0] } ?? [], level: .groups)
            .sorted(by: order, reason: reason, stated: stated)
            .cut(top: top, limit: clauses.limit.map { Int($0.0) })
        return QueryPlan(root: .project(Project(input: root, outputs: outputs)))
    }

    /// The `group by` keys over the source, each once, and their names (a column's name, or the
    /// expression as written); keys that `dropping` says no to are left out.
    mutating func bindKeys(_ exprs: [Expr], dropping: (BoundExpr) -> Bool = { _ in false }) throws(Diagnostic) -> ([BoundExpr], [String]) {
        var keys: [BoundExpr] = [], keyNames: [String] = []
        for keyExpr in exprs {
            let key = try bindRow(keyExpr)
            if keys.contains(key) || dropping(key) { continue }
            keys.append(key)
            keyNames.append(key.columnIndex.map { source.columns[$0].name } ?? sourceText(keyExpr))
        }
        return (keys, keyNames)
    }

    /// Binds the `show` items over the grouped table. Items that use the first aggregate
    /// (`share`, `rank`) are bound after the others, so that the first aggregate is the first
    /// other item that is not a key, wherever they stand.
    mutating func bindGroupedItems(_ items: [ShowItem]) throws(Diagnostic) -> [BoundExpr] {
        var bound = [BoundExpr?](repeating: nil, count: items.count)
        for late in [false, true] {
            for (index, item) in items.enumerated() where usesFirstAggregate(item.expr) == late {
                bound[index] = try bindGroupedItem(item.expr)
            }
        }
        return bound.compactMap { $0 }
    }

    /// Binds one `show` item over the grouped table. The first item that reads an aggregate (an
    /// aggregate, a bare measure, any expression over aggregates) is the first aggregate: what
    /// the default order, `top`, `share` and `rank` use.
    mutating func bindGroupedItem(_ expr: Expr) throws(Diagnostic) -> BoundExpr {
        let bound = try bindRow(expr)
        if firstAggregateColumn == nil, let state = grouping, !usesFirstAggregate(expr), state.readsAggregate(bound) {
            firstAggregateColumn = bound
        }
        return bound
    }

    /// Whether an item uses `share`, `rank` or a time window, which are taken of the first aggregate.
    func usesFirstAggregate(_ expr: Expr) -> Bool {
        var found = false
        expr.visit { node in
            switch node.kind {
            case .call(let name, let args, let star):
                if ["share", "rank", TimeWindow.movingAverageWord].contains(name.text.lowercased()), !isItemWordColumn(name, args: args, star: star) {
                    found = true
                }
            case .name(let name):
                if !name.isQuoted, windowFunction(named: name.text) != nil { found = true }
            default:
                break
            }
        }
        return found
    }

    /// The key of the grouped table that `expr` repeats, when it repeats an expression key
    /// (`group by year / 5 show year / 5` shows the key, and `having` and `sort by` read it).
    mutating func repeatedKey(_ expr: Expr) -> BoundExpr? {
        guard let state = grouping, state.keys.contains(where: { $0.columnIndex == nil }) else { return nil }
        switch expr.kind {
        case .name, .number, .string, .boolean: return nil
        default: if containsAggregateCall(expr) { return nil }
        }
        let saved = (grouping, outputsByName, warnings, emptyResultNotes)
        grouping = nil
        outputsByName = [:]
        let bound = try? bindRow(expr)
        (grouping, outputsByName, warnings, emptyResultNotes) = saved
        guard let bound, let index = state.keys.firstIndex(of: bound) else { return nil }
        return .column(index, bound.type)
    }

    /// The output of key `index`, named as its column or as its expression was written.
    func keyOutput(_ index: Int, named name: String) -> OutputColumn {
        guard let state = grouping else { return OutputColumn(name: "", expr: .literal(.missing, .text), separatesThousands: false, role: .plain) }
        let key = state.keys[index]
        let role: OutputColumn.Role = key.columnIndex.map { self.role(ofSourceColumn: $0) } ?? (isTimeKey(key) ? .time : .plain)
        return OutputColumn(name: name, expr: .column(index, key.type), separatesThousands: key.type == .decimal, role: role == .measure ? .plain : role)
    }

    func groupedOutput(_ item: ShowItem, _ expr: BoundExpr) -> OutputColumn {
        let state = grouping
        var name = item.alias?.text ?? defaultName(item.expr)
        var role = OutputColumn.Role.plain
        var separates = expr.type == .decimal
        if let index = expr.columnIndex, let state {
            if state.isAggregate(index) {
                let spec = state.aggregates[index - state.keys.count]
                switch spec.function {
                case .min, .max: separates = spec.argument.map(separatesThousands) ?? true
                default: separates = true
                }
                let argumentIsMeasure = spec.argument?.columnIndex.map(isMeasure) ?? false
                if spec.function == .count || (spec.function == .sum && argumentIsMeasure) { role = .measure }
                if case .name(let bare) = item.expr.kind, item.alias == nil { name = source.column(named: bare.text)?.name ?? bare.text }
            } else if let sourceIndex = state.keys[index].columnIndex {
                role = self.role(ofSourceColumn: sourceIndex)
            }
        }
        switch expr {
        case .window: separates = true
        case .domain(let term) where term.expression.separatesThousands: separates = true
        default: break
        }
        return OutputColumn(name: name, expr: expr, separatesThousands: separates, role: role)
    }

    /// Whether values of a source expression are written with separators: measures (the source's,
    /// or a looked-up or joined side's) and decimals.
    func separatesThousands(_ expr: BoundExpr) -> Bool {
        guard expr.type != .decimal else { return true }
        guard let index = expr.columnIndex else { return false }
        return isMeasure(index) || combined.otherMeasures.contains(index)
    }

    /// The name of an unnamed item: a column's name, a keyword item's word, else its text.
    func defaultName(_ expr: Expr) -> String {
        switch expr.kind {
        case .name(let name): return source.column(named: name.text)?.name ?? name.text
        case .call(let name, let args, let star) where args.isEmpty && !star: return name.text.lowercased()
        case .call(let name, _, true): return name.text.lowercased()
        default: return sourceText(expr)
        }
    }

    func checkDistinctNames(_ outputs: [OutputColumn]) throws(Diagnostic) {
        var seen = Set<String>()
        for output in outputs {
            if !seen.insert(output.name.lowercased()).inserted {
                throw .error("duplicate-output", "the result would have two columns named '\(output.name)'",
                             at: query.span, label: "name one of them with `as`")
            }
        }
    }
}
