/// One column an operator produces: its name, type and role.
public struct PlanColumn: Sendable, Equatable {
    /// The column's name.
    public var name: String
    /// The type of its values.
    public var type: ValueType
    /// What the column means (time, measure, country or plain).
    public var role: OutputColumn.Role
}

extension Table {
    /// The table's columns as a plan sees them, with the roles its description gives them.
    public var schema: [PlanColumn] {
        columns.indices.map { PlanColumn(name: columns[$0].name, type: columns[$0].type, role: role(ofColumn: $0)) }
    }
}
