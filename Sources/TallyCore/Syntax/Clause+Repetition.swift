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

extension Clause {
    /// The years or periods a time clause names (empty for other clauses).
    public var yearLiterals: [YearLiteral] {
        switch kind {
        case .since(let y), .until(let y), .inYear(let y): return [y]
        case .between(let from, let to): return [from, to]
        default: return []
        }
    }
}
