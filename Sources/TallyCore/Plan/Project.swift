/// Computes the visible columns from its input: the root of every query's plan.
public struct Project: Sendable {
    /// The operator the columns are computed over.
    public var input: PlanNode
    /// The output columns, in order.
    public var outputs: [OutputColumn]

    /// The outputs, named, typed and with their roles.
    public var schema: [PlanColumn] {
        outputs.map { PlanColumn(name: $0.name, type: $0.expr.type, role: $0.role) }
    }

    /// Whether the outputs are every column of `table`, in order (a query without `show`).
    public func showsEveryColumn(of table: Table) -> Bool {
        outputs.count == table.columns.count
            && outputs.indices.allSatisfy { outputs[$0].expr.columnIndex == $0 && outputs[$0].name == table.columns[$0].name }
    }
}
