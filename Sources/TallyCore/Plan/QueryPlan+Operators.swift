/// The operators of a plan's tree, looked up by kind: what the caveat finder, the SQL writer
/// and `check` read from a query's single-source plan.
extension QueryPlan {
    /// The dataset the plan reads: the scan at the bottom of its tree.
    public var source: Table {
        for case .scan(let scan) in root.executionOrder { return scan.table }
        return Table(name: "", columns: [], rowCount: 0)
    }

    /// The filter on the dataset's rows (`where` and time clauses), if any.
    public var rowFilter: Filter? {
        for case .filter(let filter) in root.executionOrder where filter.level == .rows { return filter }
        return nil
    }

    /// Rows kept: every row condition and-ed together, over `source`.
    public var filter: BoundExpr? { rowFilter?.condition }

    /// The row filter's parts in the order of the query (see `FilterCondition.parts`).
    public var filterParts: [FilterPart] {
        (rowFilter?.conditions.flatMap(\.parts) ?? []).sorted { $0.span.start < $1.span.start }
    }

    /// Grouping and aggregation, or nil for a row-by-row query.
    public var grouping: Aggregate? {
        for case .aggregate(let aggregate) in root.executionOrder { return aggregate }
        return nil
    }

    /// Groups kept (`having`), over the grouped table.
    public var having: BoundExpr? {
        for case .filter(let filter) in root.executionOrder where filter.level == .groups { return filter.condition }
        return nil
    }

    /// Sort keys, most significant first; empty keeps the input order.
    public var order: [SortKeySpec] {
        for case .sort(let sort) in root.executionOrder { return sort.keys }
        return []
    }

    /// `top N`, if any.
    public var top: Top? {
        for case .top(let top) in root.executionOrder { return top }
        return nil
    }

    /// `limit N`, if any.
    public var limit: Int? {
        for case .limit(let limit) in root.executionOrder { return limit.count }
        return nil
    }

    /// The visible output columns, over the grouped table (or `source`).
    public var outputs: [OutputColumn] {
        if case .project(let project) = root { return project.outputs }
        return []
    }
}
