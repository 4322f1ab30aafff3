/// One condition of a filter: the bound condition and where it comes from in the query.
public struct FilterCondition: Sendable {
    /// The condition over the filter's input.
    public var condition: BoundExpr
    /// What the query said, so the condition can be put in words.
    public var origin: Origin
    /// The condition split at `and`, each part over the source, for saying which part removed
    /// every row (`EmptyResultExplainer`); empty when the condition is not tried part by part.
    public var parts: [FilterPart] = []

    /// Where a condition comes from.
    public enum Origin: Sendable {
        /// A `where` or `having` condition, as written.
        case written(String)
        /// A time clause on the time column (named).
        case time(TimeRange, column: String)
        /// A time clause on a date or datetime time column: the periods in words (`from 2024-03
        /// on`) and as a test (`day >= 2024-03-01`).
        case timePeriod(phrase: String, test: String)
        /// The two years a `change` compares, on the time column (named).
        case comparedYears(Int64, Int64, column: String)
    }

    /// The condition as written, for a `where` or `having` condition.
    public var writtenText: String? {
        if case .written(let text) = origin { return text }
        return nil
    }
}

/// One part of a row filter, bound on its own.
public struct FilterPart: Sendable {
    /// The condition as written (`kind = nwe`, `since 2030`).
    public var text: String
    /// Where it is written, so that parts are tried in the order of the query.
    public var span: SourceSpan
    /// The condition over the source.
    public var condition: BoundExpr
    /// Whether it is a time clause (`since`, `until`, `in`, `between`).
    public var isTime: Bool
}
