/// The lines of a time-series result: one per combination of its series columns, with a
/// slot for every year from the first to the last, missing where the result has no row.
struct TimeSeries {
    /// One line.
    struct Line {
        /// The values of the series columns, joined by spaces; empty for a single series.
        var name: String
        /// Each year's value (nil: no row or a missing value), from `first` on.
        var values: [Double?]
    }

    /// The first year.
    let first: Int64
    /// The last year.
    let last: Int64
    /// The lines, in the order their first row appears.
    let lines: [Line]
    /// The calendar type of the time column (months, days, …), nil for years.
    let calendarType: ValueType?

    /// How the period at `position` is written on an axis: `2017`, `2024-03`.
    func label(_ position: Int64) -> String {
        calendarType.map { CalendarText.format(position, as: $0) } ?? String(position)
    }

    /// The longest span of years drawn.
    static let maxYears: Int64 = 500

    /// The series of `table` laid out by `layout`, or nil when it is not a time series.
    init?(_ table: Table, layout: ChartLayout) {
        guard let time = layout.time, time < table.columns.count, layout.value < table.columns.count else { return nil }
        let years = table.columns[time], numbers = table.columns[layout.value]
        var rowsByName: [String: [(Int64, Double?)]] = [:]
        var order: [String] = []
        for row in 0..<table.rowCount {
            guard let year = years.value(at: row).timePosition else { continue }
            let name = layout.series.map { table.columns[$0].value(at: row).description }.joined(separator: " ")
            if rowsByName[name] == nil { order.append(name) }
            rowsByName[name, default: []].append((year, numbers.value(at: row).asDouble))
        }
        let all = rowsByName.values.flatMap { $0.map(\.0) }
        guard let first = all.min(), let last = all.max(), last - first < TimeSeries.maxYears else { return nil }
        self.first = first
        self.last = last
        calendarType = years.calendarType
        lines = order.map { name in
            var values = [Double?](repeating: nil, count: Int(last - first) + 1)
            for (year, value) in rowsByName[name] ?? [] { values[Int(year - first)] = value }
            return Line(name: name, values: values)
        }
    }

    /// The rows of a crosstab whose columns of values are periods (years, months, …), as lines:
    /// the first `limit` rows, each named by its keys; nil when its columns are not periods.
    init?(crosstab table: Table, layout: ChartLayout, limit: Int) {
        guard let cells = layout.cells, cells.upperBound <= table.columns.count,
              let years = layout.acrossPeriods, years.count == cells.count else { return nil }
        guard let first = years.min(), let last = years.max(), last - first < TimeSeries.maxYears else { return nil }
        self.first = first
        self.last = last
        calendarType = layout.acrossCalendar
        lines = (0..<min(table.rowCount, limit)).map { row in
            var values = [Double?](repeating: nil, count: Int(last - first) + 1)
            for (index, year) in zip(cells, years) { values[Int(year - first)] = table.columns[index].value(at: row).asDouble }
            return Line(name: layout.labels.map { table.columns[$0].value(at: row).description }.joined(separator: " "), values: values)
        }
    }
}
