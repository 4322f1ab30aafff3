/// The answer to a query: a table of output columns plus what to say beside it.
public struct ResultSet: Sendable {
    /// The rows and columns.
    public var table: Table
    /// Per column: whether tables write it with thousands separators.
    public var separatesThousands: [Bool]
    /// Warnings from binding and from the data (e.g. a division by zero).
    public var warnings: [Diagnostic]
    /// Notes shown because the result is empty (e.g. a value that differs only in case).
    public var notes: [Diagnostic]
    /// Rows each operator of the plan passed up, in execution order (`PlanNode.executionOrder`),
    /// for `explain`; empty when the engine does not count them.
    public var rowCounts: [Int]
    /// What the data call for a reader to know (mixed units, an incomplete year, …), shown under the result.
    public var caveats: [Diagnostic] = []
    /// How to draw the result as a chart, when it has a number to draw.
    public var chartLayout: ChartLayout?
    /// The column holding the headline number (`QueryPlan.headline`), which a narrow table never hides.
    public var headline: Int?
    /// What each lookup or join matched, in the order of the plan, for `explain`; empty when
    /// the engine does not count them.
    public var joinCounts: [JoinCounts]

    /// Creates a result (the executor's, or one computed by a database server).
    public init(
        table: Table, separatesThousands: [Bool], warnings: [Diagnostic], notes: [Diagnostic],
        rowCounts: [Int] = [], caveats: [Diagnostic] = [], chartLayout: ChartLayout? = nil,
        headline: Int? = nil, joinCounts: [JoinCounts] = []
    ) {
        self.table = table
        self.separatesThousands = separatesThousands
        self.warnings = warnings
        self.notes = notes
        self.rowCounts = rowCounts
        self.caveats = caveats
        self.chartLayout = chartLayout
        self.headline = headline
        self.joinCounts = joinCounts
    }
}
