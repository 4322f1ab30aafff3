extension Clause {
    /// The clause word of a clause that may come at most once in a query (`group by`, `top`, …);
    /// nil for `where` and the time clauses, which may repeat and add to each other.
    public var onceOnlyWord: String? {
        switch kind {
        case .where, .since, .until, .inYear, .between, .combine: return nil
        case .groupBy: return "group by"
        case .show: return "show"
        case .sortBy: return "sort by"
        case .having: return "having"
        case .top: return "top"
        case .limit: return "limit"
        case .change: return "change"
        case .chart: return "chart"
        case .across: return "across"
        }
    }
}

extension Clause {
    /// Whether this is a time clause (`since`, `until`, `in YEAR`, `between`).
    public var isTimeClause: Bool {
        switch kind {
        case .since, .until, .inYear, .between: return true
        default: return false
        }
    }
}
