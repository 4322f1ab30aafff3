extension Binder {
    /// Plans `change from Y1 to Y2`: keeps the rows of the two years, groups by the keys
    /// without the time column, and computes one conditional aggregate per year, their
    /// difference, the percent change and each group's contribution to the overall change.
    mutating func bindChange(_ clauses: Clauses, _ clause: Clause, input: PlanNode, conditions: [FilterCondition]) throws(Diagnostic) -> QueryPlan {
        guard case .change(let from, let to) = clause.kind else { throw .error("internal", "not a change clause", at: clause.span) }
        guard let time = timeColumn else {
            throw .error("no-time-column", "\(source.name) has no time column", at: clause.keywordSpan,
                         label: "'change' compares two years of one",
                         help: ["declare one with `load … with time COLUMN`"])
        }
        for year in [from, to] { try checkWholeYear(year, time: time.name) }
        if from.value == to.value {
            throw .error("change-same-year", "'change' needs two different years", at: to.span,
                         label: "the same year as after 'from'")
        }
        for year in [from, to] { try checkYearKept(year, by: clauses.timeFilters) }
        let timeExpr = BoundExpr.column(time.index, source.columns[time.index].type)
        let (fromRows, toRows) = (try yearCondition(from, on: timeExpr), try yearCondition(to, on: timeExpr))
        let bothYears = FilterCondition(
            condition: .or(fromRows, toRows),
            origin: .comparedYears(from.value, to.value, column: timeExpr.type.isDateLike ? "year(\(time.name))" : time.name))

        let (keys, keyNames) = try bindKeys(clauses.groupBy ?? []) { $0.columnIndex == time.index }
        grouping = GroupState(keys: keys)
        let (measure, measureName, measureRole) = try changeMeasure(clauses.show)
        var state = grouping ?? GroupState(keys: keys)
        var before = measure, after = measure
        before.condition = fromRows
        after.condition = toRows
        let valueType = measure.resultType
        let beforeColumn = BoundExpr.column(state.add(before), valueType)
        let afterColumn = BoundExpr.column(state.add(after), valueType)
        grouping = state
        let difference = BoundExpr.arithmetic(.subtract, afterColumn, beforeColumn, valueType == .integer ? .integer : .decimal)

        let beforeName = "\(measureName)_\(from.value)", afterName = "\(measureName)_\(to.value)"
        var outputs = keys.indices.map { keyOutput($0, named: keyNames[$0]) }
        let first = outputs.count
        outputs += [
            OutputColumn(name: beforeName, expr: beforeColumn, separatesThousands: true, role: measureRole),
            OutputColumn(name: afterName, expr: afterColumn, separatesThousands: true, role: measureRole),
            OutputColumn(name: "change", expr: difference, separatesThousands: true, role: measureRole),
            OutputColumn(name: "change_pct", expr: .percentChange(base: beforeColumn, new: afterColumn), separatesThousands: true, role: .plain),
            OutputColumn(name: "contribution_pct", expr: .contribution(base: beforeColumn, new: afterColumn), separatesThousands: true, role: .plain),
        ]
        try checkDistinctNames(outputs)

        firstAggregateColumn = difference
        outputsByName = Dictionary(outputs.map { ($0.name.lowercased(), $0.expr) }, uniquingKeysWith: { first, _ in first })
        let ownColumns = outputs[first...].map(\.name)
        let having = try clauses.having.map { condition throws(Diagnostic) in
            let bound = FilterCondition(condition: try bindClauseCondition(condition), origin: .written(sourceText(condition)))
            try checkOnlyChangeColumns(state, at: condition.span, columns: ownColumns)
            return bound
        }
        let order: [SortKeySpec], reason: Sort.Reason, stated: Int
        if let sortKeys = clauses.sortBy {
            var keys: [SortKeySpec] = []
            for key in sortKeys {
                keys += try bindSortKeys([key])
                try checkOnlyChangeColumns(state, at: key.expr.span, columns: ownColumns)
            }
            order = keys
            (reason, stated) = (.written, order.count)
        } else {
            order = [SortKeySpec(expr: difference, descending: true, name: "change")]
                + keys.indices.map { SortKeySpec(expr: .column($0, keys[$0].type), descending: false, name: keyNames[$0]) }
            (reason, stated) = (.largestFirst, 1)
        }
        outputsByName = [:]
        let root = PlanNode.aggregate(Aggregate(
                input: input.filtered(by: conditions + [bothYears], level: .rows),
                keys: state.keys, keyNames: keyNames, aggregates: state.aggregates))
            .filtered(by: having.map { [$0] } ?? [], level: .groups)
            .sorted(by: order, reason: reason, stated: stated)
            .cut(top: clauses.top.map { (Int($0.0), difference, "change") }, limit: clauses.limit.map { Int($0.0) })
        var plan = QueryPlan(root: .project(Project(input: root, outputs: outputs)))
        plan.change = ChangeSpec(
            from: from.value, to: to.value, fromColumn: first, toColumn: first + 1, changeColumn: first + 2, percentColumn: first + 3)
        plan.headline = first + 3
        return plan
    }

    /// Throws when a `having` or `sort by` item asked for an aggregate beyond the two years the
    /// change query computes (`sort by applications`): which years' sum would be meant is unclear.
    private func checkOnlyChangeColumns(_ computed: GroupState, at span: SourceSpan, columns: [String]) throws(Diagnostic) {
        guard let grouping, grouping.aggregates.count > computed.aggregates.count else { return }
        throw .error(
            "change-own-columns", "a 'change' query compares two years, so only its own columns can be sorted or filtered on",
            at: span, label: "not one of its columns",
            help: ["use one of: \(columns.joined(separator: ", ")), e.g. `sort by change_pct desc`"])
    }

    /// The aggregate a `change` compares: the one item of `show`, or the default measure's sum.
    private mutating func changeMeasure(_ show: [ShowItem]?) throws(Diagnostic) -> (AggregateSpec, String, OutputColumn.Role) {
        guard let items = show else {
            let spec = defaultAggregate
            return (spec, defaultMeasure.map { source.columns[$0].name } ?? "count", .measure)
        }
        let saved = grouping
        defer { grouping = saved }
        guard items.count == 1, let item = items.first else {
            throw .error("change-show", "'change' compares one aggregate, and this show has \(items.count) items",
                         at: items.dropFirst().first?.expr.span ?? query.span, label: "show only one aggregate",
                         help: ["e.g. `show recognized` or `show count`; group by other columns to split it"])
        }
        let bound = try bindGroupedItem(item.expr)
        guard let state = grouping, let index = bound.columnIndex, state.isAggregate(index) else {
            throw .error("change-show", "'change' compares an aggregate, and \(sourceText(item.expr)) is not one",
                         at: item.expr.span, label: "not an aggregate",
                         help: ["e.g. `show sum(\(source.info.defaultMeasure ?? "x"))` or `show count`"])
        }
        let output = groupedOutput(item, bound)
        return (state.aggregates[index - state.keys.count], output.name, output.role)
    }

    /// The rows of one compared year: `year = 2023` on a column of years, the days from
    /// 2023-01-01 to before 2024-01-01 on a date or datetime column (as `in 2023` keeps them).
    private func yearCondition(_ year: YearLiteral, on time: BoundExpr) throws(Diagnostic) -> BoundExpr {
        guard time.type.isDateLike else { return TimeRange.year(year.value).condition(on: time) }
        let (first, after, _) = try periodLiterals(year, on: time)
        return .and(.comparison(.greaterOrEqual, time, first), .comparison(.less, time, after))
    }

    /// Throws for a month or a day in quotes (`change from "2024-01" to "2024-02"`): a change
    /// compares whole years, and its columns are named after them.
    private func checkWholeYear(_ year: YearLiteral, time: String) throws(Diagnostic) {
        guard let text = year.period else { return }
        guard let period = CalendarText.period(text), period.unit == .year else {
            throw .error(
                "change-needs-years", "'change' compares two whole years, and '\(text)' is not a year", at: year.span,
                label: "write a year, e.g. \(year.value)",
                help: ["to compare months, group by them and read the growth: `\(source.name) group by month(\(time)) show \(source.info.defaultMeasure.map { "sum(\($0))" } ?? "count"), growth`"])
        }
    }

    /// Throws when a time clause leaves out a year that `change` compares.
    private func checkYearKept(_ year: YearLiteral, by timeFilters: [Clause]) throws(Diagnostic) {
        for clause in timeFilters {
            let kept = clause.timeRange?.contains(year.value) ?? true
            if !kept {
                throw .error("change-year-excluded", "\(year.value) is left out by '\(file.text(of: clause.span))'", at: year.span,
                             label: "'change' needs the rows of this year",
                             help: ["drop the time clause: 'change' keeps only the rows of its two years anyway"])
            }
        }
    }
}
