extension BoundExpr {
    /// The expression with every column reference replaced by `replacement(index, type)`: how
    /// a condition over one operator's output is moved onto that operator's input.
    public func replacingColumns(_ replacement: (Int, ValueType) -> BoundExpr) -> BoundExpr {
        func moved(_ expr: BoundExpr) -> BoundExpr { expr.replacingColumns(replacement) }
        switch self {
        case .column(let index, let type): return replacement(index, type)
        case .literal: return self
        case .negate(let operand): return .negate(moved(operand))
        case .arithmetic(let op, let left, let right, let type): return .arithmetic(op, moved(left), moved(right), type)
        case .function(let id, let arguments, let type): return .function(id, arguments.map(moved), type)
        case .comparison(let op, let left, let right): return .comparison(op, moved(left), moved(right))
        case .and(let left, let right): return .and(moved(left), moved(right))
        case .or(let left, let right): return .or(moved(left), moved(right))
        case .not(let operand): return .not(moved(operand))
        case .inSet(let operand, let values, let negated): return .inSet(moved(operand), values, negated: negated)
        case .isMissing(let operand, let negated): return .isMissing(moved(operand), negated: negated)
        case .textMatch(let kind, let operand, let pattern): return .textMatch(kind, moved(operand), pattern: pattern)
        case .domain(let term): return .domain(DomainTerm(term.expression.replacingOperands(term.expression.operands.map(moved))))
        case .window(var window):
            window.base = moved(window.base)
            return .window(window)
        }
    }
}
