extension Binder {
    /// Binds a `where` or `having` condition, first warning when it mixes `and` and `or` without
    /// parentheses: `and` binds tighter, which a reader may not expect, so the warning shows the
    /// condition with the parentheses it was read with.
    mutating func bindClauseCondition(_ condition: Expr) throws(Diagnostic) -> BoundExpr {
        warnAboutAndOr(in: condition)
        return try bindCondition(condition)
    }

    /// Looks for `or` chains with an `and` operand written without parentheses, here and below.
    private mutating func warnAboutAndOr(in expr: Expr) {
        guard case .or(let left, let right) = expr.kind else {
            expr.forEachChild { child in warnAboutAndOr(in: child) }
            return
        }
        let operands = orOperands(left) + orOperands(right)
        if operands.contains(where: isBareAnd) {
            let reading = operands.map { isBareAnd($0) ? "(\(sourceText($0)))" : sourceText($0) }.joined(separator: " or ")
            warnings.append(.warning(
                "and-or-mixed", "'and' binds tighter than 'or', so this reads as: \(reading)", at: expr.span,
                label: "mixes 'and' and 'or'",
                help: ["write the parentheses to keep this reading; to apply an 'and' to every alternative, write `(… or …) and …`",
                       "`help and or` explains this"]))
        }
        for operand in operands { operand.forEachChild { child in warnAboutAndOr(in: child) } }
    }

    /// The operands of an `or` chain written without parentheses (`a or b or c` → a, b, c); a
    /// parenthesised `or` is one operand.
    private func orOperands(_ expr: Expr) -> [Expr] {
        guard case .or(let left, let right) = expr.kind, !isParenthesized(expr) else {
            return [expr]
        }
        return orOperands(left) + orOperands(right)
    }

    /// Whether `expr` is an `and` written without parentheses around it.
    private func isBareAnd(_ expr: Expr) -> Bool {
        guard case .and = expr.kind else { return false }
        return !isParenthesized(expr)
    }

    /// Whether a binary condition was written in parentheses: its span then covers them, and so
    /// starts before its left operand or ends after its right one.
    private func isParenthesized(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .and(let left, let right), .or(let left, let right):
            return expr.span != left.span.merged(with: right.span)
        default:
            return false
        }
    }
}
