/// Orders its input's rows by keys, most significant first; missing values sort last.
public struct Sort: Sendable {
    /// The operator whose rows are sorted.
    public var input: PlanNode
    /// The keys over the input.
    public var keys: [SortKeySpec]
    /// Why the rows are in this order.
    public var reason: Reason
    /// How many of the keys the query states; the others only break ties.
    public var stated: Int

    /// Why a sort is there.
    public enum Reason: Sendable {
        /// `sort by` in the query.
        case written
        /// The default order of groups with a time key, or with nothing to rank: by the keys.
        case keys
        /// The default order of groups: the headline number, largest first.
        case largestFirst
    }
}

/// One sort key.
public struct SortKeySpec: Sendable {
    /// What to sort on, over the input.
    public var expr: BoundExpr
    /// Largest first.
    public var descending: Bool
    /// The key as the query names it: an output's name, or the expression as written.
    public var name: String
}
