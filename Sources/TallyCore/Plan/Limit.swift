/// Keeps the first rows of its input (`limit N`).
public struct Limit: Sendable {
    /// The operator whose rows are cut.
    public var input: PlanNode
    /// How many rows to keep.
    public var count: Int
}
