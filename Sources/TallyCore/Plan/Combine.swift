/// The lookups and joins of a query, made in order before `where` (after the conditions that
/// read the source alone): its input's rows widened by the other sides' columns (or, for a join,
/// repeated once per match). The executor makes them (`Combining`).
public struct Combine: Sendable {
    /// The rows read first, and the conditions applied to them before any lookup or join.
    public var input: PlanNode
    /// The combined table's columns as bound: the input's columns, then each other side's
    /// columns the query reads except its keys, with their types and dictionaries and no rows.
    public var table: Table
    /// Each lookup or join, in order.
    var combinations: [CombinationPlan]

    /// The combined table's columns, with the roles its description gives them.
    public var schema: [PlanColumn] { table.schema }
}
