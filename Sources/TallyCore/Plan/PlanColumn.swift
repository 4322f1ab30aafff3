/// One column an operator produces: its name, type and role.
public struct PlanColumn: Sendable, Equatable {
    /// The column's name.
    public var name: String
    /// The type of its values.
    public var type: ValueType
    /// What the column means (time, measure, country or plain).
    public var role: OutputColumn.Role
}
