/// Draws a result as a box table with a line giving the row count:
///
/// ```
/// 2 rows
/// ┌─────────────┬──────────────┐
/// │ destination │ applications │
/// ├─────────────┼──────────────┤
/// │ DEU         │       58,123 │
/// │ FRA         │       21,044 │
/// └─────────────┴──────────────┘
/// ```
struct BoxTableRenderer {
    /// Rows printed before `… N more rows`; nil prints every row.
    var rowLimit: Int?
    /// The terminal width; columns that do not fit are cut and marked with `…`.
    var width: Int?
    /// Bold headers with ANSI escapes.
    var colored = false

    /// The widest a single cell is drawn before it is cut with `…`.
    static let maxCellWidth = 60
    /// The width assumed for `chart` when the terminal's is unknown.
    static let defaultWidth = 80
    /// The narrowest and widest bars of `chart`.
    static let minBarWidth = 10, maxBarWidth = 60

    func render(_ result: ResultSet) -> String {
        let table = result.table
        let shownRows = min(table.rowCount, rowLimit ?? table.rowCount)
        var headers = table.columns.map(\.name)
        var rightAligned = table.columns.map { CellFormatter.isRightAligned($0.type) }
        var cells: [[String]] = table.columns.enumerated().map { index, column in
            (0..<shownRows).map { row in
                let text = CellFormatter.display(column.value(at: row), separatesThousands: result.separatesThousands[index])
                return DisplayWidth.truncate(text.replacingNewlines, to: BoxTableRenderer.maxCellWidth)
            }
        }
        var widths = zip(headers, cells).map { header, column in
            column.reduce(DisplayWidth.of(header)) { max($0, DisplayWidth.of($1)) }
        }
        if let layout = result.chartLayout, layout.drawn, layout.value < table.columns.count {
            let used = widths.reduce(1) { $0 + $1 + 3 }
            let room = min(max((width ?? BoxTableRenderer.defaultWidth) - used - 3, BoxTableRenderer.minBarWidth), BoxTableRenderer.maxBarWidth)
            let numbers = table.columns[layout.value]
            let values = (0..<table.rowCount).map { numbers.value(at: $0).asDouble }
            headers.append("")
            rightAligned.append(false)
            cells.append(Array(BarChart.bars(values, width: room).prefix(shownRows)))
            widths.append(room)
        }
        if let width, !widths.isEmpty {
            var fitting = 0, used = 1
            while fitting < widths.count, used + widths[fitting] + 3 <= width - (fitting + 1 < widths.count ? 4 : 0) {
                used += widths[fitting] + 3
                fitting += 1
            }
            if fitting < widths.count {
                let kept = max(fitting, 1)
                headers = Array(headers.prefix(kept)) + ["…"]
                rightAligned = Array(rightAligned.prefix(kept)) + [false]
                cells = Array(cells.prefix(kept)) + [Array(repeating: "…", count: shownRows)]
                widths = Array(widths.prefix(kept)) + [1]
            }
        }
        let plural = table.rowCount == 1 ? "row" : "rows"
        var out = "\(NumberFormat.grouped(Int64(table.rowCount))) \(plural)\n"
        guard !headers.isEmpty else { return out }
        out += line("┌", "┬", "┐", widths)
        let headerCells = headers.enumerated().map { index, header in
            let padded = DisplayWidth.pad(header, to: widths[index], alignRight: rightAligned[index])
            return colored ? "\u{1B}[1m\(padded)\u{1B}[0m" : padded
        }
        out += "│ " + headerCells.joined(separator: " │ ") + " │\n"
        out += line("├", "┼", "┤", widths)
        for row in 0..<shownRows {
            let rowCells = cells.indices.map { DisplayWidth.pad(cells[$0][row], to: widths[$0], alignRight: rightAligned[$0]) }
            out += "│ " + rowCells.joined(separator: " │ ") + " │\n"
        }
        out += line("└", "┴", "┘", widths)
        if shownRows < table.rowCount {
            out += "… \(NumberFormat.grouped(Int64(table.rowCount - shownRows))) more rows\n"
        }
        if let layout = result.chartLayout, layout.drawn, let series = TimeSeries(table, layout: layout) {
            out += sparklines(series, measure: table.columns[layout.value].name)
        }
        return out
    }

    /// One sparkline per series of a time series, over its own years: `applications 2010–2025 ▁▂▃█`;
    /// a year without a value inside the range is a space.
    private func sparklines(_ series: TimeSeries, measure: String) -> String {
        let names = series.lines.map { $0.name.isEmpty ? measure : "\(measure) (\($0.name))" }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        return zip(names, series.lines).map { name, line in
            let first = line.values.firstIndex { $0 != nil } ?? 0, last = line.values.lastIndex { $0 != nil } ?? 0
            let years = "\(series.first + Int64(first))–\(series.first + Int64(last))"
            return DisplayWidth.pad(name, to: nameWidth, alignRight: false) + " \(years) " + BarChart.sparkline(Array(line.values[first...last])) + "\n"
        }.joined()
    }

    private func line(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right + "\n"
    }
}

extension String {
    /// The text with line breaks and tabs shown as spaces, for one-line cells.
    var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
