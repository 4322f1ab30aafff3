extension Binder {
    /// Binds every `where` condition and time clause into one condition over the source.
    mutating func bindFilter(_ clauses: Clauses, steps: inout [PlanStep]) throws(Diagnostic) -> BoundExpr? {
        var parts: [BoundExpr] = []
        for condition in clauses.conditions {
            let bound = try bindClauseCondition(condition)
            parts.append(bound)
            filterParts += conjuncts(condition, bound)
            steps.append(PlanStep(text: "keep rows where \(sourceText(condition))", stage: .filter))
        }
        for clause in clauses.timeFilters {
            let (bound, text) = try bindTimeFilter(clause)
            parts.append(bound)
            filterParts.append(FilterPart(text: file.text(of: clause.span), span: clause.span, condition: bound, isTime: true))
            steps.append(PlanStep(text: "keep rows \(text)", stage: .filter))
        }
        guard var combined = parts.first else { return nil }
        for part in parts.dropFirst() { combined = .and(combined, part) }
        return combined
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
            throw .error(
                "condition-not-boolean", "this condition is not a yes/no question", at: condition.span,
                label: "a \(bound.type.rawValue), not a condition",
                help: ["compare it with something, e.g. `\(source.name) where \(sourceText(condition)) = …`"])
        }
        return bound
    }

    /// Binds `since`, `until`, `in YEAR` or `between Y1 and Y2` on the dataset's time column.
    func bindTimeFilter(_ clause: Clause) throws(Diagnostic) -> (BoundExpr, String) {
        guard let time = timeColumn else {
            throw .error(
                "no-time-column", "\(source.name) has no time column", at: clause.keywordSpan,
                label: "time clauses need one",
                help: ["filter with `where`, e.g. `\(source.name) where COLUMN >= 2012`, or declare one with `load … with time COLUMN`"])
        }
        let column = BoundExpr.column(time.index, source.columns[time.index].type)
        func year(_ literal: YearLiteral) -> BoundExpr { .literal(.integer(literal.value), .integer) }
        switch clause.kind {
        case .since(let y):
            return (.comparison(.greaterOrEqual, column, year(y)), "from \(y.value) on (\(time.name) >= \(y.value))")
        case .until(let y):
            return (.comparison(.lessOrEqual, column, year(y)), "up to \(y.value) (\(time.name) <= \(y.value))")
        case .inYear(let y):
            return (.comparison(.equal, column, year(y)), "in \(y.value) (\(time.name) = \(y.value))")
        case .between(let from, let to):
            if from.value > to.value {
                throw .error(
                    "between-reversed", "the years of 'between' are the wrong way round",
                    at: from.span.merged(with: to.span), label: "did you mean 'between \(to.value) and \(from.value)'?")
            }
            let bound = BoundExpr.and(
                .comparison(.greaterOrEqual, column, year(from)), .comparison(.lessOrEqual, column, year(to)))
            return (bound, "from \(from.value) to \(to.value) (\(time.name) between \(from.value) and \(to.value))")
        default:
            throw .error("internal", "not a time clause", at: clause.span)
        }
    }

    /// The source text of an expression, as the user wrote it.
    func sourceText(_ expr: Expr) -> String { file.text(of: expr.span) }
}
