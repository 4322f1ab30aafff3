/// Keeps the rows largest by a key, in their input order (`top N`).
public struct Top: Sendable {
    /// The operator whose rows are ranked.
    public var input: PlanNode
    /// How many rows to keep.
    public var count: Int
    /// What "largest" is measured by, over the input.
    public var key: BoundExpr
    /// The key's name: the measure or output it reads.
    public var keyName: String
}
