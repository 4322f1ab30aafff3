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
    /// The width to fit; text columns are narrowed, then columns hidden, and a line says which (`TableFitter`).
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
        let headers = table.columns.map { TerminalText.visible($0.name) }
        let cells: [[String]] = table.columns.enumerated().map { index, column in
            (0..<shownRows).map { row in
                let text = CellFormatter.display(column.value(at: row), separatesThousands: result.separatesThousands[index])
                return DisplayWidth.truncate(TerminalText.visible(text.replacingNewlines), to: BoxTableRenderer.maxCellWidth)
            }
        }
        let chart = result.chartLayout.flatMap { $0.drawn && $0.value < table.columns.count ? $0 : nil }
        let chartWidth = chart.map { $0.cells?.count ?? BoxTableRenderer.minBarWidth }
        let fit = fitting(result, headers: headers, cells: cells, reserving: chartWidth.map { $0 + 3 } ?? 0)
        var shownHeaders = fit.shown.map { headers[$0] }
        var rightAligned = fit.shown.map { CellFormatter.isRightAligned(table.columns[$0].type) }
        var shownCells = zip(fit.shown, fit.widths).map { column, width in cells[column].map { DisplayWidth.truncateAtWord($0, to: width) } }
        var widths = fit.widths
        if let chart, let spread = chart.cells {
            shownHeaders.append("")
            rightAligned.append(false)
            shownCells.append((0..<shownRows).map { row in BarChart.sparkline(spread.map { table.columns[$0].value(at: row).asDouble }) })
            widths.append(spread.count)
        } else if let chart {
            let used = widths.reduce(1) { $0 + $1 + 3 }
            let room = min(max((width ?? BoxTableRenderer.defaultWidth) - used - 3, BoxTableRenderer.minBarWidth), BoxTableRenderer.maxBarWidth)
            let numbers = table.columns[chart.value]
            let values = (0..<table.rowCount).map { numbers.value(at: $0).asDouble }
            shownHeaders.append("")
            rightAligned.append(false)
            shownCells.append(Array(BarChart.bars(values, width: room).prefix(shownRows)))
            widths.append(room)
        }
        var out = NumberFormat.counted(table.rowCount, "row") + "\n"
        guard !shownHeaders.isEmpty else { return out }
        out += line("┌", "┬", "┐", widths)
        let headerCells = shownHeaders.enumerated().map { index, header in
            let padded = DisplayWidth.pad(DisplayWidth.truncate(header, to: widths[index]), to: widths[index], alignRight: rightAligned[index])
            return colored ? "\u{1B}[1m\(padded)\u{1B}[0m" : padded
        }
        out += "│ " + headerCells.joined(separator: " │ ") + " │\n"
        out += line("├", "┼", "┤", widths)
        for row in 0..<shownRows {
            let rowCells = shownCells.indices.map { DisplayWidth.pad(shownCells[$0][row], to: widths[$0], alignRight: rightAligned[$0]) }
            out += "│ " + rowCells.joined(separator: " │ ") + " │\n"
        }
        out += line("└", "┴", "┘", widths)
        if shownRows < table.rowCount {
            out += "… \(NumberFormat.grouped(Int64(table.rowCount - shownRows))) more rows\n"
        }
        if !fit.hidden.isEmpty, let width {
            let names = fit.hidden.map { headers[$0] }.joined(separator: ", ")
            out += TextWrapper.paragraph("", "hidden to fit \(width) columns: \(names); `set layout vertical` shows all", width: width)
        }
        if let chart, let series = TimeSeries(table, layout: chart) {
            out += sparklines(series, measure: headers[chart.value])
        }
        return out
    }

    /// Which columns fit the width: the row's names (the chart labels, else the first column)
    /// and the headline number are never hidden. When the names alone are too wide (rows
    /// without grouping name themselves by every text column), only the first name and the
    /// number drawn are kept for sure.
    private func fitting(_ result: ResultSet, headers: [String], cells: [[String]], reserving reserved: Int) -> TableFitter.Fit {
        let table = result.table
        let labels = result.chartLayout?.labels ?? []
        var protected = Set(labels.isEmpty && !table.columns.isEmpty ? [0] : labels)
        if let headline = result.headline { protected.insert(headline) }
        let names = Set(table.columns.map { $0.name.lowercased() })
        let columns = table.columns.indices.map { index in
            let headerWidth = DisplayWidth.of(headers[index]), name = table.columns[index].name.lowercased()
            return TableFitter.Column(
                width: cells[index].reduce(headerWidth) { max($0, DisplayWidth.of($1)) }, headerWidth: headerWidth,
                isText: table.columns[index].type == .text, isProtected: false,
                isRepeat: name.hasSuffix("_name") && names.contains(String(name.dropLast(5))))
        }
        func fit(protecting protected: Set<Int>) -> TableFitter.Fit {
            var guarded = columns
            for index in protected where guarded.indices.contains(index) { guarded[index].isProtected = true }
            return TableFitter(columns: guarded).fit(width: width, reserved: reserved)
        }
        let full = fit(protecting: protected)
        guard let width, full.drawnWidth > width - reserved, labels.count > 1 else { return full }
        var essential = Set(labels.prefix(1))
        if let headline = result.headline { essential.insert(headline) }
        if let value = result.chartLayout?.value, table.columns.indices.contains(value), table.columns[value].type.isNumeric { essential.insert(value) }
        return fit(protecting: essential)
    }

    /// One sparkline per series of a time series, over its own years: `applications 2010–2025 ▁▂▃█`;
    /// a year without a value inside the range is a space.
    private func sparklines(_ series: TimeSeries, measure: String) -> String {
        let names = series.lines.map { $0.name.isEmpty ? measure : "\(measure) (\(TerminalText.visible($0.name)))" }
        let nameWidth = names.map(DisplayWidth.of).max() ?? 0
        return zip(names, series.lines).map { name, line in
            let first = line.values.firstIndex { $0 != nil } ?? 0, last = line.values.lastIndex { $0 != nil } ?? 0
            let years = "\(series.label(series.first + Int64(first)))–\(series.label(series.first + Int64(last)))"
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
        guard utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) else { return self }
        return String(map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    }
}
