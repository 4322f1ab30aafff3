/// Spreads its input's groups into a crosstab (`across KEY`): the input is the aggregate grouped
/// by the row keys and then the across key; the output has one row per combination of the row
/// keys, then `total`, then one column per value of the across key. Those columns are known only
/// when it runs (they are the values in the data), so the schema lists the row keys and `total`,
/// and the projection above shows the columns of values before `total`.
public struct Pivot: Sendable {
    /// The aggregate whose groups are spread.
    public var input: PlanNode
    /// How the groups are spread.
    public var spec: PivotSpec

    /// The row keys, then `total`.
    public var schema: [PlanColumn] {
        let total = PlanColumn(name: PivotSpec.totalName, type: spec.asShare ? .decimal : spec.cell.type, role: spec.role)
        return Array(input.schema.prefix(spec.rowKeyCount)) + [total]
    }
}
