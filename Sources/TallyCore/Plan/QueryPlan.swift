/// A checked query, ready to run: the tree of operators (`root`) that computes it, and what
/// is said and drawn beside its result.
public struct QueryPlan: Sendable {
    /// The operators; the root is the projection of the visible columns.
    public var root: PlanNode {
        didSet { outline = PlanOutline(root) }
    }
    /// The plan's operators by kind, gathered in one walk whenever `root` is set: the readers in
    /// `QueryPlan+Operators.swift` ask for it many times per query.
    public private(set) var outline: PlanOutline
    /// Warnings found while binding, printed with the result.
    public var warnings: [Diagnostic] = []
    /// Notes printed only when the result is empty (e.g. a value that differs only in case).
    public var emptyResultNotes: [Diagnostic] = []
    /// Which output column holds the query's headline number: the first item after the keys
    /// (an aggregate, `share` or `rank`), `change_pct` of a `change` query, or the measure of a
    /// row-by-row query; what `check` compares.
    public var headline: Int?
    /// The `change from … to …` comparison, when the query has one.
    public var change: ChangeSpec?
    /// Whether the query asked for a chart (`chart`).
    public var chart = false
    /// How the result is drawn as a chart (bars beside a table, or an SVG file), if it has a number to draw.
    public var chartLayout: ChartLayout?
    /// What a domain layer looks for in the data once the query has run (its caveats).
    var review: (any ResultReview)?
    /// Where the scanned rows come from (a dataset, or a parenthesised query's plan), for `sql`.
    var origin: SourceOrigin?

    /// A plan computed by the operators under `root`.
    init(root: PlanNode) {
        self.root = root
        outline = PlanOutline(root)
    }
}
