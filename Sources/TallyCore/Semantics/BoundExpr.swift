/// A checked, typed expression over the columns of one table: what the executor evaluates.
///
/// Column references are indices into the table the expression is evaluated against (the
/// dataset for row expressions, the grouped table for expressions after aggregation).
public indirect enum BoundExpr: Sendable, Equatable {
    /// A column of the input table.
    case column(Int, ValueType)
    /// A constant.
    case literal(Value, ValueType)
    /// `-x` on a number.
    case negate(BoundExpr)
    /// `x + y` etc.; the type is the result's.
    case arithmetic(ArithmeticOperator, BoundExpr, BoundExpr, ValueType)
    /// A scalar function (`round`, `lower`, `||`, …) of its arguments; the type is the result's.
    case function(ScalarFunction.ID, [BoundExpr], ValueType)
    /// A comparison of two operands of compatible types.
    case comparison(ComparisonOperator, BoundExpr, BoundExpr)
    /// Logical and, or, not, with SQL's three-valued logic.
    case and(BoundExpr, BoundExpr)
    case or(BoundExpr, BoundExpr)
    case not(BoundExpr)
    /// Membership of a constant set of values.
    case inSet(BoundExpr, [Value], negated: Bool)
    /// `x is [not] missing`.
    case isMissing(BoundExpr, negated: Bool)
    /// A case-insensitive text test against a folded pattern.
    case textMatch(TextMatch, BoundExpr, pattern: String)
    /// An expression a domain layer adds (the literacy layer's country groups, country attributes,
    /// `share`, `rank`, `change`).
    case domain(DomainTerm)
    /// A time window over the grouped table: previous, growth, cumulative, moving average (literacy).
    case window(TimeWindow)

    /// The type of the value this expression produces.
    public var type: ValueType {
        switch self {
        case .column(_, let type), .literal(_, let type), .arithmetic(_, _, _, let type), .function(_, _, let type): return type
        case .negate(let operand): return operand.type
        case .comparison, .and, .or, .not, .inSet, .isMissing, .textMatch: return .boolean
        case .domain(let term): return term.expression.type
        case .window(let window): return window.type
        }
    }

    /// Whether this is a percent by construction (`share`, `change_pct`, `contribution_pct`, `growth`),
    /// which a claim written with `%` is checked against.
    public var isPercent: Bool {
        switch self {
        case .domain(let term): return term.expression.isPercent
        case .window(let window): return window.function == .growth
        default: return false
        }
    }

    /// The column index, when this is a plain column reference.
    public var columnIndex: Int? {
        if case .column(let index, _) = self { return index }
        return nil
    }
}
