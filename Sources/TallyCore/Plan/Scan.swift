/// Reads a dataset, or the result of a parenthesised query: the leaf of every plan.
public struct Scan: Sendable {
    /// The rows read.
    public var table: Table
    /// How `explain` names them: the dataset's name, or the parenthesised query as written.
    public var described: String

    /// The table's columns, with the roles its description gives them.
    public var schema: [PlanColumn] { table.schema }
}
