extension Binder {
    /// A comparison of a date or datetime with a text written in the query, read as a whole
    /// period (`day = "2024-03"` is all of March; `day <= "2024-03"` includes March 31).
    func periodComparison(_ op: ComparisonOperator, _ left: BoundExpr, text: String, at span: SourceSpan) throws(Diagnostic) -> BoundExpr {
        let (start, end) = try periodBounds(text, for: left.type, at: span)
        let first = BoundExpr.literal(.calendar(start, left.type), left.type)
        let after = BoundExpr.literal(.calendar(end, left.type), left.type)
        switch op {
        case .equal: return .and(.comparison(.greaterOrEqual, left, first), .comparison(.less, left, after))
        case .notEqual: return .or(.comparison(.less, left, first), .comparison(.greaterOrEqual, left, after))
        case .less: return .comparison(.less, left, first)
        case .lessOrEqual: return .comparison(.less, left, after)
        case .greater: return .comparison(.greaterOrEqual, left, after)
        case .greaterOrEqual: return .comparison(.greaterOrEqual, left, first)
        }
    }

    /// `d in ("2024-03", "2024-05")`: the date falls in one of the periods.
    mutating func bindPeriodList(_ left: BoundExpr, _ items: [Expr], negated: Bool) throws(Diagnostic) -> BoundExpr {
        var combined: BoundExpr?
        for item in items {
            guard case .literal(.text(let text), _) = try bindValueSide(item, against: left) else {
                throw .error("list-not-constant", "the items of 'in (…)' on a date must be periods in quotes", at: item.span,
                             label: "e.g. \"2024-03\"")
            }
            let period = try periodComparison(.equal, left, text: text, at: item.span)
            combined = combined.map { .or($0, period) } ?? period
        }
        guard let combined else { return .literal(.boolean(negated), .boolean) }
        return negated ? .not(combined) : combined
    }

    /// The first instant of the period `text` names and the first after it, in the units of
    /// `type` (days for a date, seconds for a datetime).
    func periodBounds(_ text: String, for type: ValueType, at span: SourceSpan) throws(Diagnostic) -> (Int64, Int64) {
        guard let period = CalendarText.period(text) else {
            throw .error(
                "invalid-date", "'\(text)' is not a date", at: span, label: "not a year, month or day",
                help: ["write a year (\"2024\"), a month (\"2024-03\") or a day (\"2024-03-15\"), a real one (no 2023-02-29), years 0001 to 9999"])
        }
        guard type == .datetime else {
            guard period.unit != .second else {
                throw .error("date-not-time", "'\(text)' is a moment, and a date column holds days", at: span,
                             label: "write a day, e.g. \"\(String(text.prefix(10)))\"")
            }
            return (period.start / CivilCalendar.secondsPerDay, period.end / CivilCalendar.secondsPerDay)
        }
        return (period.start, period.end)
    }

    /// The first instant of the period a time clause names (a year, or a month or day in quotes)
    /// and the first after it, as constants of the date or datetime `column`, and the period as text.
    func periodLiterals(_ literal: YearLiteral, on column: BoundExpr) throws(Diagnostic) -> (BoundExpr, BoundExpr, String) {
        let text = literal.period ?? String(literal.value)
        let (start, end) = try periodBounds(text, for: column.type, at: literal.span)
        return (.literal(.calendar(start, column.type), column.type), .literal(.calendar(end, column.type), column.type), text)
    }

    /// A bucket label written in the query (`"2024-03"` for a month, `"Sat"` for a weekday) as a
    /// constant of the bucket's type.
    func bucketLiteral(_ text: String, of type: ValueType, at span: SourceSpan) throws(Diagnostic) -> BoundExpr {
        guard let value = CalendarText.bucket(text, as: type) else {
            let example = switch type {
            case .month: "\"2024-03\""
            case .quarter: "\"2024-Q1\""
            case .week: "\"2024-W11\""
            default: "\"Mon\" … \"Sun\""
            }
            throw .error("invalid-period", "'\(text)' is not a \(type.rawValue)", at: span, label: "e.g. \(example)")
        }
        return .literal(.calendar(value, type), type)
    }

    /// A time clause on a date or datetime time column, each bound a whole year, month or day:
    /// the condition, the periods in words and the test in words.
    func dateTimeFilter(_ clause: Clause, column: BoundExpr, name: String) throws(Diagnostic) -> (BoundExpr, String, String) {
        switch clause.kind {
        case .since(let literal):
            let (first, _, text) = try periodLiterals(literal, on: column)
            return (.comparison(.greaterOrEqual, column, first), "from \(text) on", "\(name) >= \(first.calendarText)")
        case .until(let literal):
            let (_, after, text) = try periodLiterals(literal, on: column)
            return (.comparison(.less, column, after), "up to \(text)", "\(name) < \(after.calendarText)")
        case .inYear(let literal):
            let (first, after, text) = try periodLiterals(literal, on: column)
            return (.and(.comparison(.greaterOrEqual, column, first), .comparison(.less, column, after)),
                    "in \(text)", "\(name) from \(first.calendarText) to before \(after.calendarText)")
        case .between(let from, let to):
            let (first, _, fromText) = try periodLiterals(from, on: column)
            let (second, after, toText) = try periodLiterals(to, on: column)
            if first.calendarText > second.calendarText {
                throw .error(
                    "between-reversed", "the periods of 'between' are the wrong way round",
                    at: from.span.merged(with: to.span), label: "did you mean 'between \(toText) and \(fromText)'?")
            }
            return (.and(.comparison(.greaterOrEqual, column, first), .comparison(.less, column, after)),
                    "from \(fromText) to \(toText)", "\(name) from \(first.calendarText) to before \(after.calendarText)")
        default:
            throw .error("internal", "not a time clause", at: clause.span)
        }
    }
}

extension BoundExpr {
    /// A calendar constant as ISO text, for `explain`.
    var calendarText: String {
        if case .literal(let value, _) = self { return value.description }
        return ""
    }
}
