/// The lookups and joins of a query, made in order before `where`: its input's rows widened by
/// the other sides' columns (or, for a join, repeated once per match). They are made while the
/// query is bound, so the node holds their rows and what matched.
public struct Combine: Sendable {
    /// The rows read first.
    public var input: PlanNode
    /// The combined rows: the input's columns, then each other side's columns except its keys.
    public var table: Table
    /// Each lookup or join, in order.
    var combinations: [CombinationPlan]

    /// The combined table's columns, with the roles its description gives them.
    public var schema: [PlanColumn] { table.schema }
}
