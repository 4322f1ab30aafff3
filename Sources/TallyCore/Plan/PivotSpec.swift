/// `across KEY`, as planned: the grouped table is computed with the across key as its last
/// key, then spread into one column per value of that key (a crosstab).
public struct PivotSpec: Sendable {
    /// How many row keys come before the across key in the grouped table.
    public var rowKeyCount: Int
    /// The name of the across key (`year`), for `explain` and charts.
    public var keyName: String
    /// Where `across KEY` is written, for errors found while running.
    public var keySpan: SourceSpan
    /// The value of each cell, over the grouped table: the query's first aggregate.
    public var cell: BoundExpr
    /// The name of the first aggregate (`applications`): what the cells hold.
    public var cellName: String
    /// Whether the across key is a time key, whose columns go in time order; otherwise the
    /// columns go by their total, largest first.
    public var inTimeOrder: Bool
    /// Whether each cell is shown as its share of its column's total (`show share`), and the
    /// `total` column as the row's share of the grand total.
    public var asShare: Bool
    /// Whether tables write the cells with thousands separators.
    public var separatesThousands: Bool
    /// The role the cells and the total keep when the result becomes a dataset.
    public var role: OutputColumn.Role

    /// At most this many columns of values: a wider crosstab does not fit a screen or a page.
    public static let maxColumns = 50

    /// The name of the column of row totals.
    public static let totalName = "total"
}
