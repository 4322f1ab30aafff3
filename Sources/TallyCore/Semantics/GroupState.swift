/// The grouped table as the binder builds it: key columns first, then one column per
/// distinct aggregate, added as items mention them.
struct GroupState {
    /// Key expressions over the source.
    var keys: [BoundExpr]
    /// Aggregates, each computed once however often it is mentioned.
    var aggregates: [AggregateSpec] = []

    /// The grouped-table column of `spec`, adding it when new.
    mutating func add(_ spec: AggregateSpec) -> Int {
        if let existing = aggregates.firstIndex(of: spec) { return keys.count + existing }
        aggregates.append(spec)
        return keys.count + aggregates.count - 1
    }

    /// Whether grouped-table column `index` is an aggregate.
    func isAggregate(_ index: Int) -> Bool { index >= keys.count }

    /// Whether an expression over the grouped table reads an aggregate (a country attribute's
    /// one value per group is not one).
    func readsAggregate(_ expr: BoundExpr) -> Bool {
        var found = false
        expr.forEachColumn { if isAggregate($0) && aggregates[$0 - keys.count].function != .only { found = true } }
        return found
    }
}
