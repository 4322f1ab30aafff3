/// One aggregate computed per group.
public struct AggregateSpec: Sendable, Equatable {
    /// Which aggregate.
    public var function: AggregateFunction
    /// Its argument over the aggregate's input; nil for `count`.
    public var argument: BoundExpr?
    /// Only rows where this holds count (`sum(x) filter (where year = 2012)`), and a group
    /// without such rows gets a missing value, even for `count`; nil: all rows of the group.
    public var condition: BoundExpr? = nil
    /// Where the query first writes it, for an error about its values (a group's `only` value
    /// that varies); not part of what it computes, so two specs that differ only here are equal.
    public var written: SourceSpan? = nil

    public static func == (a: AggregateSpec, b: AggregateSpec) -> Bool {
        a.function == b.function && a.argument == b.argument && a.condition == b.condition
    }

    /// The type of the aggregate's result.
    public var resultType: ValueType {
        switch function {
        case .count, .countValues, .distinct: return .integer
        case .avg, .median: return .decimal
        case .sum: return argument?.type == .integer ? .integer : .decimal
        case .min, .max, .only: return argument?.type ?? .integer
        }
    }
}

/// The aggregate functions.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count, countValues = "count_values", distinct, sum, avg, min, max, median
    /// The one value a group has (a country attribute outside an aggregate); more than one is
    /// an error naming the group.
    case only

    /// Whether a row repeated by a join changes the result (a sum counts it once per match; a
    /// maximum, a distinct count or a group's one value does not).
    public var countsRepeats: Bool {
        switch self {
        case .count, .countValues, .sum, .avg, .median: true
        case .distinct, .min, .max, .only: false
        }
    }
}
