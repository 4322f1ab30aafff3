/// Steps for building a plan bottom-up, each leaving the plan as it is when there is nothing to add.
extension PlanNode {
    /// This plan filtered by `conditions` at `level`.
    public func filtered(by conditions: [FilterCondition], level: Filter.Level) -> PlanNode {
        conditions.isEmpty ? self : .filter(Filter(input: self, conditions: conditions, level: level))
    }

    /// This plan sorted by `keys`.
    public func sorted(by keys: [SortKeySpec], reason: Sort.Reason, stated: Int) -> PlanNode {
        keys.isEmpty ? self : .sort(Sort(input: self, keys: keys, reason: reason, stated: stated))
    }

    /// This plan cut to its `top` rows by a key (named), then to its first `limit` rows.
    public func cut(top: (count: Int, key: BoundExpr, keyName: String)?, limit: Int?) -> PlanNode {
        var node = self
        if let top { node = .top(Top(input: node, count: top.count, key: top.key, keyName: top.keyName)) }
        if let limit { node = .limit(Limit(input: node, count: limit)) }
        return node
    }

    /// This operator's columns as a projection: the plan of a query that stops here (how a
    /// database server counts the rows after each operator for `explain`).
    public var projected: PlanNode {
        if case .project = self { return self }
        let outputs = schema.enumerated().map { index, column in
            OutputColumn(name: column.name, expr: .column(index, column.type), separatesThousands: false, role: column.role)
        }
        return .project(Project(input: self, outputs: outputs))
    }
}
