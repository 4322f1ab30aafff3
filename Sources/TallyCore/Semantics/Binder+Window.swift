extension Binder {
    /// The window a bare word names in a grouped item (`previous`, `growth`, `cumulative`) when
    /// the dataset has no column of that name.
    func windowFunction(named word: String) -> TimeWindow.Function? {
        guard grouping != nil, source.columnIndex(named: word) == nil else { return nil }
        switch word.lowercased() {
        case "previous": return .previous
        case "growth": return .growth
        case "cumulative": return .cumulative
        default: return nil
        }
    }

    /// `moving_avg(N)`: N a whole number from 1 to `TimeWindow.maxPeriods`.
    mutating func bindMovingAverage(_ args: [Expr], star: Bool, _ expr: Expr) throws(Diagnostic) -> BoundExpr {
        guard !star, args.count == 1, case .number(let literal) = args[0].kind, case .integer(let periods) = literal.value,
              periods >= 1, periods <= Int64(TimeWindow.maxPeriods) else {
            throw .error("bad-arguments", "'moving_avg' takes the number of periods to average", at: expr.span,
                         label: "e.g. moving_avg(3)",
                         help: ["a whole number from 1 to \(TimeWindow.maxPeriods); it averages the first aggregate"])
        }
        return try bindWindow(.movingAverage(Int(periods)), at: expr.span)
    }

    /// A time window over the first aggregate, in the series made by the other keys; the first
    /// key that steps through periods (the time column, or a bucket such as `month(day)`) is the
    /// time.
    mutating func bindWindow(_ function: TimeWindow.Function, at span: SourceSpan) throws(Diagnostic) -> BoundExpr {
        guard let state = grouping else { throw .error("internal", "a window outside a grouped query", at: span) }
        let probe = TimeWindow(function: function, base: .literal(.missing, .integer), time: 0, series: [])
        guard let timeKey = state.keys.firstIndex(where: isPeriodKey) else {
            throw windowWithoutTime(probe.name, at: span)
        }
        let base = try firstAggregate()
        guard base.type.isNumeric else {
            throw .error("type-mismatch", "'\(probe.name)' needs a number to work from, and the first aggregate is \(base.type.article)",
                         at: span, label: "of what?", help: ["put a numeric aggregate first, e.g. `show count, \(probe.name)`"])
        }
        if firstAggregateColumn == nil { firstAggregateColumn = base }
        return .window(TimeWindow(function: function, base: base, time: timeKey, series: state.keys.indices.filter { $0 != timeKey }))
    }
}

extension Binder {
    /// Whether a group key steps through whole periods, each one after the previous: the time
    /// column (a year or a date) or a bucket. A datetime has no previous period, only a previous
    /// second.
    func isPeriodKey(_ key: BoundExpr) -> Bool {
        isTimeKey(key) && key.type != .datetime
    }

    /// The error for a window in a query without a period among its keys, with the key to add.
    func windowWithoutTime(_ name: String, at span: SourceSpan) -> Diagnostic {
        let keys = query.clauses.first { if case .groupBy = $0.kind { true } else { false } }
        let wanted = timeColumn.map { time in source.columns[time.index].type.isDateLike ? "month(\(time.name))" : time.name }
        return .error(
            "window-needs-time", "'\(name)' works along time, and this query is not grouped by \(wanted ?? "a time column")",
            at: span, label: "which period comes before?",
            help: [wanted.map { key in "add \(key) to the keys: `\(keys.map { file.text(of: $0.span) + "," } ?? "group by") \(key)`" }
                   ?? "\(source.name) has no time column; declare one with `load … with time COLUMN`"])
    }
}
