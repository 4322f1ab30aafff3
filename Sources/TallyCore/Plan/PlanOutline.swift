/// The operators of a single-source plan, gathered in one walk of its tree: the shape the SQL
/// writer turns into one `SELECT`, and what the caveat finder and `check` read.
public struct PlanOutline: Sendable {
    /// The rows read: the dataset, or its rows after the lookups and joins.
    public var source = Table(name: "", columns: [], rowCount: 0)
    /// The dataset as scanned, before any filter, lookup or join.
    public var scanned = Table(name: "", columns: [], rowCount: 0)
    /// The filter on the dataset's rows (`where` and time clauses): every row condition, those
    /// applied before the lookups and joins first, each over `source` (whose first columns are
    /// the dataset's).
    public var rowFilter: Filter?
    /// The row conditions applied before the lookups and joins, over `scanned`.
    public var pushedConditions: [FilterCondition] = []
    /// Grouping and aggregation, or nil for a row-by-row query.
    public var grouping: Aggregate?
    /// The crosstab, when the query has `across`.
    public var pivot: Pivot?
    /// The filter on groups (`having`).
    public var groupFilter: Filter?
    /// Sort keys, most significant first; empty keeps the input order.
    public var order: [SortKeySpec] = []
    /// `top N`.
    public var top: Top?
    /// `limit N`.
    public var limit: Int?
    /// The visible columns, over the grouped table (or `source`).
    public var outputs: [OutputColumn] = []
    /// The lookups and joins that made `source`, in order.
    var combinations: [CombinationPlan] = []

    /// Walks `root`, inputs first.
    public init(_ root: PlanNode) {
        for node in root.executionOrder {
            switch node {
            case .scan(let scan):
                source = scan.table
                scanned = scan.table
            case .combine(let combine):
                if combinations.isEmpty { pushedConditions = rowFilter?.conditions ?? [] }
                source = combine.table
                combinations.append(combine.combination)
            case .filter(let filter) where filter.level == .rows:
                rowFilter = rowFilter.map { Filter(input: filter.input, conditions: $0.conditions + filter.conditions, level: .rows) } ?? filter
            case .filter(let filter): groupFilter = filter
            case .aggregate(let aggregate): grouping = aggregate
            case .pivot(let pivot): self.pivot = pivot
            case .sort(let sort): order = sort.keys
            case .top(let top): self.top = top
            case .limit(let limit): self.limit = limit.count
            case .project(let project): outputs = project.outputs
            }
        }
    }

    /// Rows kept: every row condition and-ed together, over `source`.
    public var filter: BoundExpr? { rowFilter?.condition }

    /// Groups kept (`having`), over the grouped table.
    public var having: BoundExpr? { groupFilter?.condition }

    /// The row filter's parts in the order of the query (see `FilterCondition.parts`).
    public var filterParts: [FilterPart] {
        (rowFilter?.conditions.flatMap(\.parts) ?? []).sorted { $0.span.start < $1.span.start }
    }
}
