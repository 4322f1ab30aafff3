extension PlanRewriter {
    /// Moves `having` conditions that read only group keys below the aggregate, rewritten over
    /// the keys' expressions (`group by destination having destination = DE` groups only the
    /// German rows): fewer rows are grouped, the same groups come out, and caveats speak of the
    /// rows of the kept groups only. Not without keys (one group exists even over no rows), and
    /// not when a window (`share`, `rank`, `contribution_pct`) must see every group.
    static func pushKeyConditionsBelowAggregate(_ root: PlanNode) -> PlanNode {
        let windowed = root.executionOrder.contains { node in node.expressions.contains(where: \.containsWindow) }
        guard !windowed else { return root }
        return root.transformed { node in
            guard case .filter(var having) = node, having.level == .groups, case .aggregate(var aggregate) = having.input,
                  !aggregate.keys.isEmpty else { return node }
            let keys = aggregate.keys
            var pushed: [FilterCondition] = []
            having.conditions.removeAll { condition in
                var readsOnlyKeys = true
                condition.condition.forEachColumn { if $0 >= keys.count { readsOnlyKeys = false } }
                guard readsOnlyKeys else { return false }
                var moved = condition
                moved.condition = condition.condition.replacingColumns { index, _ in keys[index] }
                pushed.append(moved)
                return true
            }
            guard !pushed.isEmpty else { return node }
            if case .filter(var rows) = aggregate.input, rows.level == .rows {
                rows.conditions += pushed
                aggregate.input = .filter(rows)
            } else {
                aggregate.input = aggregate.input.filtered(by: pushed, level: .rows)
            }
            return PlanNode.aggregate(aggregate).filtered(by: having.conditions, level: .groups)
        }
    }
}
