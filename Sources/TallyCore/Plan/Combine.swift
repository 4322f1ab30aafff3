/// One lookup or join of a query, made before `where` (after the conditions that read the
/// source alone): its input's rows widened by the other side's columns (a lookup) or repeated
/// once per match (a join). A query's lookups and joins are a chain of these, in the order
/// written. The executor makes each (`Combining`).
public struct Combine: Sendable {
    /// The rows so far: the rows read first with the conditions applied to them, or the
    /// previous lookup or join.
    public var input: PlanNode
    /// Its place in the chain: 0 for the first lookup or join written.
    public var step: Int
    /// The combined columns as bound: the input's columns, then the other side's columns the
    /// query reads except its keys, with their types and dictionaries and no rows. Once the
    /// executor made it, the rows.
    public var table: Table
    /// The lookup or join.
    var combination: CombinationPlan

    /// The combined table's columns, with the roles its description gives them.
    public var schema: [PlanColumn] { table.schema }
}
