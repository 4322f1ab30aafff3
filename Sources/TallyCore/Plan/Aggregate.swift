/// Groups its input's rows by key values and computes aggregates per group: one row per
/// group, the keys first, then one column per aggregate. Without keys, one row over all rows.
public struct Aggregate: Sendable {
    /// The operator whose rows are grouped.
    public var input: PlanNode
    /// Key expressions over the input; empty for one group over all rows.
    public var keys: [BoundExpr]
    /// Names of the key columns.
    public var keyNames: [String]
    /// Aggregates, whose results follow the keys.
    public var aggregates: [AggregateSpec]

    /// The keys, typed and with the roles of the columns they read (a measure used as a key is
    /// plain), then the aggregates, named as written in functional form (`sum(applications)`).
    public var schema: [PlanColumn] {
        let columns = input.schema
        var schema = zip(keys, keyNames).map { key, name in
            let role = key.columnIndex.map { columns[$0].role } ?? .plain
            return PlanColumn(name: name, type: key.type, role: role == .measure ? .plain : role)
        }
        for spec in aggregates {
            let argument = spec.argument.map { argument in argument.columnIndex.map { columns[$0].name } ?? "expression" }
            let name = spec.function.rawValue + (argument.map { "(\($0))" } ?? "")
            let summedMeasure = spec.function == .sum && spec.argument?.columnIndex.map { columns[$0].role == .measure } == true
            schema.append(PlanColumn(name: name, type: spec.resultType, role: spec.function == .count || summedMeasure ? .measure : .plain))
        }
        return schema
    }
}
