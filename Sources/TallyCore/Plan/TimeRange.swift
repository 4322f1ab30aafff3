/// The years a time clause keeps.
public enum TimeRange: Sendable, Equatable {
    /// `since Y`.
    case since(Int64)
    /// `until Y`.
    case until(Int64)
    /// `in Y`.
    case year(Int64)
    /// `between A and B`.
    case between(Int64, Int64)

    /// Whether `year` is kept.
    public func contains(_ year: Int64) -> Bool {
        switch self {
        case .since(let first): return year >= first
        case .until(let last): return year <= last
        case .year(let only): return year == only
        case .between(let first, let last): return year >= first && year <= last
        }
    }

    /// The condition on a time column that keeps these years.
    public func condition(on time: BoundExpr) -> BoundExpr {
        func year(_ value: Int64) -> BoundExpr { .literal(.integer(value), .integer) }
        switch self {
        case .since(let first): return .comparison(.greaterOrEqual, time, year(first))
        case .until(let last): return .comparison(.lessOrEqual, time, year(last))
        case .year(let only): return .comparison(.equal, time, year(only))
        case .between(let first, let last):
            return .and(.comparison(.greaterOrEqual, time, year(first)), .comparison(.lessOrEqual, time, year(last)))
        }
    }

    /// The years in words: "from 2012 on", "up to 2017", "in 2017", "from 2012 to 2017".
    public var phrase: String {
        switch self {
        case .since(let first): return "from \(first) on"
        case .until(let last): return "up to \(last)"
        case .year(let only): return "in \(only)"
        case .between(let first, let last): return "from \(first) to \(last)"
        }
    }

    /// The test on the time column (named) as a formula: `year >= 2012`.
    public func test(of column: String) -> String {
        switch self {
        case .since(let first): return "\(column) >= \(first)"
        case .until(let last): return "\(column) <= \(last)"
        case .year(let only): return "\(column) = \(only)"
        case .between(let first, let last): return "\(column) between \(first) and \(last)"
        }
    }
}
