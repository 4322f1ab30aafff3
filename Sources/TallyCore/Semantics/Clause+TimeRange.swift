extension Clause {
    /// The years a time clause keeps; nil for other clauses.
    var timeRange: TimeRange? {
        switch kind {
        case .since(let year): return .since(year.value)
        case .until(let year): return .until(year.value)
        case .inYear(let year): return .year(year.value)
        case .between(let first, let last): return .between(first.value, last.value)
        default: return nil
        }
    }
}
