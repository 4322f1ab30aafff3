/// The operators of a plan's tree by kind (`PlanOutline`), for readers of single-source plans.
extension QueryPlan {
    /// The dataset the plan reads.
    public var source: Table { outline.source }
    /// Rows kept, over `source`.
    public var filter: BoundExpr? { outline.filter }
    /// The row filter's parts in the order of the query.
    public var filterParts: [FilterPart] { outline.filterParts }
    /// Grouping and aggregation, or nil for a row-by-row query.
    public var grouping: Aggregate? { outline.grouping }
    /// The `across` crosstab, if any.
    public var pivot: PivotSpec? { outline.pivot?.spec }
    /// Groups kept (`having`), over the grouped table.
    public var having: BoundExpr? { outline.having }
    /// Sort keys, most significant first.
    public var order: [SortKeySpec] { outline.order }
    /// `top N`, if any.
    public var top: Top? { outline.top }
    /// `limit N`, if any.
    public var limit: Int? { outline.limit }
    /// The visible output columns.
    public var outputs: [OutputColumn] { outline.outputs }
}
