extension Binder {
    /// Binds an aggregate call (or `share`/`rank`) to a column of the grouped table.
    mutating func bindAggregateCall(_ name: Name, _ args: [Expr], star: Bool, _ expr: Expr) throws(Diagnostic) -> BoundExpr {
        guard var state = grouping else { throw unknownFunction(name) }
        let word = name.text.lowercased()
        switch word {
        case "share", "rank":
            guard args.isEmpty, !star else {
                throw .error("bad-arguments", "'\(word)' takes no arguments", at: expr.span,
                             label: "write just '\(word)'", help: ["it uses the first aggregate of the query"])
            }
            let base = try firstAggregate()
            guard base.type.isNumeric else {
                throw .error("type-mismatch", "'\(word)' needs a number to work from, and the first aggregate is \(base.type.article)",
                             at: expr.span, label: "of what?",
                             help: ["put a numeric aggregate first, e.g. `show count, \(word)`"])
            }
            if firstAggregateColumn == nil { firstAggregateColumn = base }
            return word == "share" ? .share(base) : .rank(base)
        case TimeWindow.movingAverageWord:
            return try bindMovingAverage(args, star: star, expr)
        case "count":
            if star || args.isEmpty {
                let position = state.add(AggregateSpec(function: .count, argument: nil))
                grouping = state
                return .column(position, .integer)
            }
        default:
            break
        }
        guard let function = Binder.aggregateFunction(word) else { throw unknownFunction(name) }
        guard args.count == 1, !star else {
            throw .error("bad-arguments", "'\(word)' takes one column or expression", at: expr.span,
                         label: "e.g. \(word)(\(source.info.defaultMeasure ?? "x"))")
        }
        let saved = (grouping, outputsByName)
        grouping = nil
        outputsByName = [:]
        var argument = try bindRow(args[0])
        (grouping, outputsByName) = saved
        if containsAggregateCall(args[0]) {
            throw .error("nested-aggregate", "an aggregate cannot contain another aggregate", at: args[0].span)
        }
        switch function {
        case .sum, .avg, .median:
            guard argument.type.isNumeric else {
                let written = sourceText(args[0])
                throw .error("type-mismatch", "'\(word)' needs numbers, and \(written) is \(argument.type.article)",
                             at: args[0].span, label: "not a number",
                             help: [argument.type == .boolean ? "count(\(written)) counts the rows where it holds"
                                                              : "count(\(written)) counts values; distinct(\(written)) counts different values"])
            }
        case .countValues where argument.type == .boolean:
            argument = Binder.trueOrMissing(argument)
        case .min, .max:
            guard argument.type != .boolean else {
                throw .error("type-mismatch", "'\(word)' needs numbers or text", at: args[0].span)
            }
        default: break
        }
        let spec = AggregateSpec(function: function == .count ? .countValues : function, argument: argument)
        let position = state.add(spec)
        grouping = state
        return .column(position, spec.resultType)
    }

    /// A condition that is true where `condition` holds and missing elsewhere, so that `count`
    /// of a condition counts the rows where it holds (as the SQL `count(CASE WHEN … THEN … END)`).
    static func trueOrMissing(_ condition: BoundExpr) -> BoundExpr {
        .function(.if, [condition, .literal(.boolean(true), .boolean), .literal(.missing, .boolean)], .boolean)
    }

    /// The first aggregate of the query: what `share`, `rank`, `top` and the default order use.
    mutating func firstAggregate() throws(Diagnostic) -> BoundExpr {
        if let first = firstAggregateColumn { return first }
        guard var state = grouping else { throw .error("internal", "no grouping") }
        let spec = defaultAggregate
        let position = state.add(spec)
        grouping = state
        return .column(position, spec.resultType)
    }

    /// `sum` of the default measure, or `count` for a dataset without measures or grouped by
    /// its default measure (whose sum would only repeat the key times the count).
    var defaultAggregate: AggregateSpec {
        if let measure = defaultMeasure, !(grouping?.keys.contains { $0.columnIndex == measure } ?? false) {
            return AggregateSpec(function: .sum, argument: .column(measure, source.columns[measure].type))
        }
        return AggregateSpec(function: .count, argument: nil)
    }

    static func aggregateFunction(_ word: String) -> AggregateFunction? {
        switch word {
        case "count": return .countValues
        case "distinct": return .distinct
        case "sum": return .sum
        case "avg", "mean": return .avg
        case "min": return .min
        case "max": return .max
        case "median": return .median
        default: return nil
        }
    }

    /// Whether an expression calls an aggregate (or `share`/`rank`) anywhere.
    func containsAggregateCall(_ expr: Expr) -> Bool {
        var found = false
        expr.visit { node in
            if case .call(let name, let args, let star) = node.kind, !isItemWordColumn(name, args: args, star: star),
               ScalarFunction.named(name.text) == nil {
                found = true
            }
        }
        return found
    }

    /// Whether an expression mentions a column outside any aggregate.
    func containsBareColumn(_ expr: Expr) -> Bool { firstBareColumn(expr) != nil }

    /// The first column an expression mentions outside any aggregate. With `allowingOneValue`,
    /// a looked-up column or a country attribute does not count: a query reads it as its one
    /// value over the rows it summarizes (checked when it runs).
    func firstBareColumn(_ expr: Expr, allowingOneValue: Bool = false) -> Expr? {
        switch expr.kind {
        case .name(let name):
            return allowingOneValue && isLookedUp(name) ? nil : expr
        case .qualified(let base, let member):
            return allowingOneValue && (isLookedUp(member, of: base) || isCountryColumn(base)) ? nil : expr
        case .allColumns:
            return expr
        case .call(let name, let args, let star) where ScalarFunction.named(name.text) == nil:
            return isItemWordColumn(name, args: args, star: star) ? expr : nil
        default:
            var found: Expr?
            expr.forEachChild { child in if found == nil { found = firstBareColumn(child, allowingOneValue: allowingOneValue) } }
            return found
        }
    }

    /// Whether `name` (qualified by `qualifier` when given) names a column another side's lookup
    /// or join brought into the row.
    private func isLookedUp(_ name: Name, of qualifier: Name? = nil) -> Bool {
        let index = qualifier.map { combined.qualifiers[$0.text.lowercased()]?[name.text.lowercased()] } ?? source.columnIndex(named: name.text)
        return index.map(combined.otherColumns.contains) ?? false
    }

    /// Whether `name` names a country column (whose attributes are `name.population` and the like).
    private func isCountryColumn(_ name: Name) -> Bool {
        combined.qualifiers[name.text.lowercased()] == nil && source.columnIndex(named: name.text).map(source.isCountryColumn) == true
    }
}
