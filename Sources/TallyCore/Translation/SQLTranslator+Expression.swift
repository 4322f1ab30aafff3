extension SQLTranslator {
    /// What a column reference means: a column of the dataset, or (after grouping) a key or
    /// aggregate, spelled as its SQL expression.
    enum Scope {
        case source
        /// The dataset's columns under an alias (inside a derived table that joins others).
        case qualified(String)
        case grouped(columns: [String])
    }

    /// The SQL of a bound expression, fully parenthesized so that precedence never differs.
    func expression(_ expr: BoundExpr, in scope: Scope) throws(Diagnostic) -> String {
        switch expr {
        case .column(let index, _):
            return column(index, in: scope)
        case .literal(let value, _):
            return literal(value)
        case .negate(let operand):
            return "(-\(try expression(operand, in: scope)))"
        case .arithmetic(let op, let l, let r, _):
            let left = try expression(l, in: scope), right = try expression(r, in: scope)
            if op == .divide { return dialect.divide(dialect.double(left), dialect.double(right)) }
            return "(\(left) \(op.rawValue) \(right))"
        case .function(let id, let arguments, let type):
            return try functionCall(id, arguments, type: type, in: scope)
        case .comparison(let op, let l, let r):
            var left = try expression(l, in: scope)
            let right = try expression(r, in: scope)
            if l.type == .text, op != .equal, op != .notEqual { left = dialect.codePointOrder(left) }
            if l.type == .weekday, op != .equal, op != .notEqual {
                return "(\(dialect.weekdayPosition(left)) \(op.rawValue) \(dialect.weekdayPosition(right)))"
            }
            return "(\(left) \(op == .notEqual ? "<>" : op.rawValue) \(right))"
        case .and(let l, let r):
            return "(\(try operand(l, of: expr, in: scope)) AND \(try operand(r, of: expr, in: scope)))"
        case .or(let l, let r):
            return "(\(try operand(l, of: expr, in: scope)) OR \(try operand(r, of: expr, in: scope)))"
        case .not(let operand):
            return "(NOT \(try expression(operand, in: scope)))"
        case .inSet(let operand, let values, let negated):
            let value = try expression(operand, in: scope)
            guard !values.isEmpty else {
                return "(CASE WHEN \(value) IS NULL THEN NULL ELSE \(negated ? "TRUE" : "FALSE") END)"
            }
            let list = values.map(literal).joined(separator: ", ")
            return "(\(value) \(negated ? "NOT IN" : "IN") (\(list)))"
        case .isMissing(let operand, let negated):
            return "(\(try expression(operand, in: scope)) IS \(negated ? "NOT NULL" : "NULL"))"
        case .textMatch(let kind, let operand, let pattern):
            return "(lower(\(try expression(operand, in: scope))) LIKE \(likePattern(kind, pattern)) ESCAPE \(dialect.string("\\")))"
        case .domain(let term):
            if term.expression.joinsTable { return try joinedValueColumn(expr, written: term.expression.written) }
            var operands: [SQLOperand] = []
            for operand in term.expression.operands {
                operands.append(SQLOperand(sql: try expression(operand, in: scope), mayBeMissing: mayBeMissing(operand, in: scope)))
            }
            return try term.expression.sql(operands, dialect: dialect)
        case .window(let window):
            return try timeWindow(window, in: scope)
        }
    }

    /// An operand of `and`/`or`, without parentheses when SQL's precedence makes them
    /// unnecessary: a comparison or test, or a chain of the same connective.
    func operand(_ expr: BoundExpr, of parent: BoundExpr, in scope: Scope) throws(Diagnostic) -> String {
        let sql = try expression(expr, in: scope)
        switch (expr, parent) {
        case (.comparison, _), (.inSet, _), (.isMissing, _), (.textMatch, _), (.and, .and), (.or, .or):
            return SQLTranslator.unwrapped(sql)
        default:
            return sql
        }
    }

    /// A column reference in `scope`.
    func column(_ index: Int, in scope: Scope) -> String {
        switch scope {
        case .source:
            return plan.source.columns.indices.contains(index) ? dialect.quote(plan.source.columns[index].name) : "NULL"
        case .qualified(let alias):
            return plan.source.columns.indices.contains(index) ? "\(alias).\(dialect.quote(plan.source.columns[index].name))" : "NULL"
        case .grouped(let columns):
            return columns.indices.contains(index) ? columns[index] : "NULL"
        }
    }

    /// A constant. Decimals are cast to doubles so no engine computes with exact decimals;
    /// negative numbers are parenthesized so that `x - -1` never reads as a comment.
    func literal(_ value: Value) -> String {
        switch value {
        case .missing: return "NULL"
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .text(let text): return dialect.string(text)
        case .calendar(let number, let type): return dialect.calendarLiteral(CalendarText.format(number, as: type), type: type)
        case .integer(let number):
            if number == Int64.min { return "(-9223372036854775807 - 1)" }
            return number < 0 ? "(\(number))" : String(number)
        case .decimal(let number):
            let text: String
            if number.isNaN || number.isInfinite {
                text = dialect.string(number.isNaN ? "NaN" : (number > 0 ? "Infinity" : "-Infinity"))
            } else {
                text = NumberFormat.plain(number)
            }
            let cast = dialect == .sqlite && number.isFinite ? text : dialect.double(text)
            return number < 0 ? "(\(cast))" : cast
        }
    }

    /// The `LIKE` pattern of a folded `contains`/`starts with`/`ends with` text: `\`, `%` and `_`
    /// escaped with a backslash.
    func likePattern(_ kind: TextMatch, _ pattern: String) -> String {
        var escaped = ""
        for character in pattern {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        switch kind {
        case .contains: escaped = "%" + escaped + "%"
        case .startsWith: escaped += "%"
        case .endsWith: escaped = "%" + escaped
        }
        return dialect.string(escaped)
    }

    /// A time window as window functions over the groups, each series in time order. The previous
    /// row is the previous period only when its period number is one less, so a gap stays a gap.
    func timeWindow(_ window: TimeWindow, in scope: Scope) throws(Diagnostic) -> String {
        let value = try expression(window.base, in: scope)
        let time = try periodNumber(window.time, in: scope)
        var series: [String] = []
        for key in window.series { series.append(try expression(.column(key, .integer), in: scope)) }
        let partition = series.isEmpty ? "" : "PARTITION BY \(series.joined(separator: ", ")) "
        let over = "OVER (\(partition)ORDER BY \(time) ASC NULLS LAST"
        let follows = "lag(\(time)) \(over)) = \(time) - 1"
        switch window.function {
        case .previous:
            return "(CASE WHEN \(follows) THEN lag(\(value)) \(over)) END)"
        case .growth:
            let before = dialect.double("lag(\(value)) \(over))"), after = dialect.double(value)
            return "(CASE WHEN \(follows) AND \(before) <> 0 THEN \(dialect.divide("(\(after) - \(before))", "abs(\(before))")) * 100 END)"
        case .cumulative:
            let sum = "sum(\(value)) \(over) ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
            let widens = dialect == .postgres || dialect == .duckdb
            return window.base.type == .integer && widens ? "CAST(\(sum) AS BIGINT)" : sum
        case .movingAverage(let periods):
            let frame = "\(over) ROWS BETWEEN \(periods - 1) PRECEDING AND CURRENT ROW)"
            return "(CASE WHEN count(*) \(frame) = \(periods) THEN avg(\(dialect.double(value))) \(frame) END)"
        }
    }

    /// The grouped table's time key `key` as a count of periods, one more for each period, as
    /// `CivilCalendar` counts them: a year is its own number; a date (the key, or a bucket's
    /// first day in the group) its day number, whose weeks, months and quarters are counted from
    /// it with the function table's own parts (weeks as `CivilCalendar.week`, shifted by whole weeks
    /// so that the division sees no negative day).
    func periodNumber(_ key: Int, in scope: Scope) throws(Diagnostic) -> String {
        let keySQL = try expression(.column(key, .integer), in: scope)
        guard let grouping = plan.grouping, grouping.keys.indices.contains(key), grouping.keys[key].type != .integer else { return keySQL }
        let bucket = grouping.keys[key]
        func call(_ id: ScalarFunction.ID, _ arguments: String...) -> String {
            SQLTranslator.fill(ScalarFunction.of(id).sql.template(for: dialect), with: arguments)
        }
        func dayNumber(_ date: String) -> String { call(.daysBetween, date, dialect.calendarLiteral("1970-01-01", type: .date)) }
        if bucket.type == .date { return dayNumber(keySQL) }
        guard case .function(_, let arguments, _) = bucket, let argument = arguments.first else {
            throw .error("internal", "a time key that is neither a year, a date nor a bucket")
        }
        let firstDay = call(.day, "min(\(try expression(argument, in: .source)))")
        let month = "(\(call(.year, firstDay)) * 12 + \(call(.monthNumber, firstDay)) - 1)"
        switch bucket.type {
        case .month: return month
        case .quarter: return dialect.wholeDivide(month, 3)
        case .week:
            let positive = 7 * (1 - CivilCalendar.dayRange.lowerBound / 7)
            return dialect.wholeDivide("(\(dayNumber(firstDay)) + \(3 + positive))", 7)
        default: throw .error("internal", "a time key of type \(bucket.type) has no periods")
        }
    }

    /// The SQL of one aggregate over the dataset's rows.
    /// An aggregate; one with a condition (`change` compares two years) sees only the rows the
    /// condition keeps, and is missing for a group where it keeps none.
    func aggregate(_ spec: AggregateSpec) throws(Diagnostic) -> String {
        guard let condition = spec.condition else { return try plainAggregate(spec, argument: nil) }
        let when = SQLTranslator.unwrapped(try expression(condition, in: .source))
        let kept = "CASE WHEN \(when) THEN \(try spec.argument.map { a throws(Diagnostic) in try expression(a, in: .source) } ?? "1") END"
        let value = try plainAggregate(spec, argument: kept)
        return "(CASE WHEN count(CASE WHEN \(when) THEN 1 END) = 0 THEN NULL ELSE \(value) END)"
    }

    /// An aggregate over `argument` (SQL text), or over its own argument when nil.
    private func plainAggregate(_ spec: AggregateSpec, argument override: String?) throws(Diagnostic) -> String {
        guard let argumentExpr = spec.argument else { return override.map { "count(\($0))" } ?? "count(*)" }
        let argument: String
        if let override { argument = override } else { argument = try expression(argumentExpr, in: .source) }
        switch spec.function {
        case .count, .countValues: return "count(\(argument))"
        case .distinct: return "count(DISTINCT \(argument))"
        case .sum:
            let sum = "sum(\(argument))"
            let widens = dialect == .postgres || dialect == .duckdb
            return argumentExpr.type == .integer && widens ? "CAST(\(sum) AS BIGINT)" : sum
        case .avg:
            return dialect == .postgres ? dialect.double("avg(\(argument))") : "avg(\(argument))"
        case .min, .max:
            let value = argumentExpr.type == .text ? dialect.codePointOrder(argument) : argument
            return "\(spec.function.rawValue)(\(value))"
        case .only:
            return "min(\(argument))"
        case .median:
            switch dialect {
            case .duckdb: return "quantile_cont(\(dialect.double(argument)), 0.5)"
            case .postgres: return "percentile_cont(0.5) WITHIN GROUP (ORDER BY \(argument))"
            case .spark: return "percentile(\(argument), 0.5)"
            case .sqlite:
                throw .error(
                    "sql-unsupported", "sqlite has no median, so this query has no sqlite translation",
                    help: ["`set dialect duckdb` (or postgres, spark) translates it with that engine's median"])
            }
        }
    }

    /// Whether an expression can be missing: a dataset column only when it has missing values;
    /// a column of another side of a lookup or join always (a lookup may find no row).
    func mayBeMissing(_ expr: BoundExpr, in scope: Scope) -> Bool {
        if case .grouped = scope { return true }
        let scanned = plan.scanned
        guard let index = expr.columnIndex, scanned.columns.indices.contains(index) else { return true }
        return scanned.columns[index].missingCount > 0
    }
}
