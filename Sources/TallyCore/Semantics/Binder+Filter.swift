extension Binder {
    /// Binds every `where` condition, then every time clause, over the source.
    mutating func bindFilter(_ clauses: Clauses) throws(Diagnostic) -> [FilterCondition] {
        var conditions: [FilterCondition] = []
        for condition in clauses.conditions {
            let bound = try bindClauseCondition(condition)
            conditions.append(FilterCondition(condition: bound, origin: .written(sourceText(condition)), parts: conjuncts(condition, bound)))
        }
        for clause in clauses.timeFilters {
            let (bound, origin) = try bindTimeFilter(clause)
            let part = FilterPart(text: file.text(of: clause.span), span: clause.span, condition: bound, isTime: true)
            conditions.append(FilterCondition(condition: bound, origin: origin, parts: [part]))
        }
        return conditions
    }

    /// The parts of a bound condition joined by `and`, each with its text (the binder binds
    /// `a and b` to `.and` of the two, so the trees are walked side by side).
    func conjuncts(_ condition: Expr, _ bound: BoundExpr) -> [FilterPart] {
        if case .and(let left, let right) = condition.kind, case .and(let boundLeft, let boundRight) = bound {
            return conjuncts(left, boundLeft) + conjuncts(right, boundRight)
        }
        return [FilterPart(text: sourceText(condition), span: condition.span, condition: bound, isTime: false)]
    }

    /// Binds a condition and checks that it is a yes/no question.
    mutating func bindCondition(_ condition: Expr) throws(Diagnostic) -> BoundExpr {
        let bound = try bindRow(condition)
        guard bound.type == .boolean else {
            if case .call(let name, _, _) = condition.kind, name.text == ScalarFunction.ID.concat.rawValue {
                throw .error(
                    "condition-not-boolean", "'||' joins text, so this is not a yes/no question", at: name.span,
                    label: "write 'or' for either condition",
                    help: ["`a or b` holds when either holds; `s || t` joins two texts into one"])
            }
            throw .error(
                "condition-not-boolean", "this condition is not a yes/no question", at: condition.span,
                label: "a \(bound.type.rawValue), not a condition",
                help: ["compare it with something, e.g. `\(source.name) where \(sourceText(condition)) = …`"])
        }
        return bound
    }

    /// Binds `since`, `until`, `in YEAR` or `between Y1 and Y2` on the dataset's time column:
    /// the condition, and the years or periods it keeps on the named time column.
    func bindTimeFilter(_ clause: Clause) throws(Diagnostic) -> (BoundExpr, FilterCondition.Origin) {
        guard let time = timeColumn else {
            throw .error(
                "no-time-column", "\(source.name) has no time column", at: clause.keywordSpan,
                label: "time clauses need one",
                help: ["filter with `where`, e.g. `\(source.name) where COLUMN >= 2012`, or declare one with `load … with time COLUMN`"])
        }
        let column = BoundExpr.column(time.index, source.columns[time.index].type)
        if column.type.isDateLike {
            let (bound, phrase, test) = try dateTimeFilter(clause, column: column, name: time.name)
            return (bound, .timePeriod(phrase: phrase, test: test))
        }
        for literal in clause.yearLiterals where literal.period != nil {
            guard let period = CalendarText.period(literal.period ?? ""), period.unit == .year else {
                throw .error(
                    "period-needs-dates", "\(time.name) holds years, so a time clause takes a year", at: literal.span,
                    label: "not a year", help: ["a month or a day works on a dataset whose time column holds dates"])
            }
        }
        guard let range = clause.timeRange else { throw .error("internal", "not a time clause", at: clause.span) }
        if case .between(let from, let to) = clause.kind, from.value > to.value {
            throw .error(
                "between-reversed", "the years of 'between' are the wrong way round",
                at: from.span.merged(with: to.span), label: "did you mean 'between \(to.value) and \(from.value)'?")
        }
        return (range.condition(on: column), .time(range, column: time.name))
    }

    /// The source text of an expression, as the user wrote it.
    func sourceText(_ expr: Expr) -> String { file.text(of: expr.span) }
}
