/// Reads a dataset: the leaf of every plan.
public struct Scan: Sendable {
    /// The dataset read.
    public var table: Table

    /// The dataset's columns, with the roles its description gives them.
    public var schema: [PlanColumn] {
        table.columns.indices.map { PlanColumn(name: table.columns[$0].name, type: table.columns[$0].type, role: table.role(ofColumn: $0)) }
    }
}
