/// Rewrites a plan into one that gives the same result with less work. The binder runs every
/// pass on every plan, in order; a pass maps a tree to a tree (`PlanNode.transformed` applies a
/// change to each operator), so adding a rewrite is adding one pass to `passes`.
public enum PlanRewriter {
    /// The passes, in the order they run.
    static let passes: [@Sendable (PlanNode) -> PlanNode] = [{ pushKeyConditionsBelowAggregate($0) }]

    /// `root` after every pass.
    public static func optimized(_ root: PlanNode) -> PlanNode {
        passes.reduce(root) { tree, pass in pass(tree) }
    }
}
