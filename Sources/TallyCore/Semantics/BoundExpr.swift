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
    /// Membership of a country group; `year` is the time column, when the group depends on it.
    case inCountryGroup(BoundExpr, CountryGroupTest, year: BoundExpr?)
    /// A country's attribute through a country column (`destination.region`); `year` is the time
    /// column, for `population`.
    case countryAttribute(BoundExpr, CountryFacts, year: BoundExpr?)
    /// The first aggregate as a percent of its total over all rows (literacy `share`).
    case share(BoundExpr)
    /// Position by the first aggregate, largest first, ties sharing a rank (literacy `rank`).
    case rank(BoundExpr)
    /// `(new - base) / |base| * 100`; missing when either is missing or the base is 0 (literacy `change`).
    case percentChange(base: BoundExpr, new: BoundExpr)
    /// Each row's change `new - base` as a percent of the overall change, the sum of `new` minus
    /// the sum of `base` over all rows; missing when the overall change is 0 (literacy `change`).
    case contribution(base: BoundExpr, new: BoundExpr)
    /// A time window over the grouped table: previous, growth, cumulative, moving average (literacy).
    case window(TimeWindow)

    /// The type of the value this expression produces.
    public var type: ValueType {
        switch self {
        case .column(_, let type), .literal(_, let type), .arithmetic(_, _, _, let type), .function(_, _, let type): return type
        case .negate(let operand): return operand.type
        case .comparison, .and, .or, .not, .inSet, .isMissing, .textMatch, .inCountryGroup: return .boolean
        case .share, .percentChange, .contribution: return .decimal
        case .rank: return .integer
        case .countryAttribute(_, let facts, _): return facts.attribute.type
        case .window(let window): return window.type
        }
    }

    /// Whether this is a percent by construction (`share`, `change_pct`, `contribution_pct`), which a
    /// claim written with `%` is checked against.
    public var isPercent: Bool {
        switch self {
        case .share, .percentChange, .contribution: return true
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

/// Which country codes belong to a group, possibly by year (EU membership changes over time).
public struct CountryGroupTest: Sendable, Equatable {
    /// The group's display name.
    public var name: String
    /// For each member, as the column stores it: the first year it belongs (nil: always) and the
    /// first year it no longer does (nil: still).
    public var members: [String: YearRange]

    /// A span of years, open at either end.
    public struct YearRange: Sendable, Equatable {
        /// First year included.
        public var from: Int64?
        /// First year excluded.
        public var until: Int64?

        /// Creates a range.
        public init(from: Int64?, until: Int64?) {
            self.from = from
            self.until = until
        }

        /// Whether `year` falls in the range; without a year, whether the range is open today.
        public func contains(_ year: Int64?) -> Bool {
            guard let year else { return from != nil ? until == nil : until == nil }
            if let from, year < from { return false }
            if let until, year >= until { return false }
            return true
        }
    }

    /// Creates a test.
    public init(name: String, members: [String: YearRange]) {
        self.name = name
        self.members = members
    }
}
