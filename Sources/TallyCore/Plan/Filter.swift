/// Keeps the rows for which every condition holds; above an aggregate, the groups.
public struct Filter: Sendable {
    /// The operator whose rows are filtered.
    public var input: PlanNode
    /// The conditions, in the order they were written; all must hold.
    public var conditions: [FilterCondition]
    /// Whether the filter keeps rows of a dataset or groups of an aggregate.
    public var level: Level

    /// What a filter keeps.
    public enum Level: Sendable {
        /// Rows of a dataset (`where`, time clauses): they decide what is read below any aggregate.
        case rows
        /// Groups (`having`): the groups not kept still count in `share` and `rank`.
        case groups
    }

    /// Every condition and-ed together, in order.
    public var condition: BoundExpr {
        let all = conditions.map(\.condition)
        return all.dropFirst().reduce(all.first ?? .literal(.boolean(true), .boolean)) { .and($0, $1) }
    }
}
