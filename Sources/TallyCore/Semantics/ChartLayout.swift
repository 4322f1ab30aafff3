/// How a result is drawn as a chart: which output column gives the bar lengths, which name
/// the bars, and whether it is a time series (drawn as a line, with a sparkline in tables).
public struct ChartLayout: Sendable, Equatable {
    /// The output column whose numbers are drawn.
    public var value: Int
    /// Output columns whose values, joined, name each bar.
    public var labels: [Int]
    /// For a time series (the first key is the time column): that output column.
    public var time: Int?
    /// For a time series: the other label columns, one line per combination of their values.
    public var series: [Int]
    /// Whether the query asked for a chart (`chart`), drawn beside the table.
    public var drawn: Bool
    /// For a crosstab (`across`): the output columns of values, drawn as a sparkline per row
    /// (a line per row in SVG); `value` is then its `total`.
    public var cells: Range<Int>?
    /// For a crosstab: what its cells hold (`applications`) and what its columns are (`year`).
    public var cellName: String?, acrossName: String?
    /// For a crosstab across time: the period of each column of values (a year, or a bucket's
    /// count of months, quarters, weeks or days), and their calendar type (nil for years).
    public var acrossPeriods: [Int64]?, acrossCalendar: ValueType?

    /// Creates a layout.
    public init(value: Int, labels: [Int], time: Int?, series: [Int], drawn: Bool) {
        self.value = value
        self.labels = labels
        self.time = time
        self.series = series
        self.drawn = drawn
    }

    /// This layout for a crosstab whose columns of values are `cells`, its `total` after them;
    /// `values` are the across key's values, one per column, which are periods in time order
    /// when `inTime`.
    public func spreading(cells: Range<Int>, holding cellName: String, across acrossName: String, values: [Value], inTime: Bool) -> ChartLayout {
        var layout = self
        layout.cells = cells
        layout.value = cells.upperBound
        layout.cellName = cellName
        layout.acrossName = acrossName
        let periods = values.compactMap(\.timePosition)
        if inTime, periods.count == values.count {
            layout.acrossPeriods = periods
            layout.acrossCalendar = values.lazy.compactMap { if case .calendar(_, let type) = $0 { type } else { nil } }.first
        }
        return layout
    }
}
