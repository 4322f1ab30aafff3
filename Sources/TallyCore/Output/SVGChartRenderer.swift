/// Draws a result as a standalone SVG chart for `export QUERY to "file.svg" [titled "…"]`, sized
/// for a slide (a 1280×720 view box, no text under 14 px): the title (the query when none is
/// given), the caveats under it, then horizontal bars (at most 25, with a note when more were
/// cut) or a line per series for a time series, with axis and value labels, and a footnote
/// (also in `<desc>`) giving the source, licence and query.
struct SVGChartRenderer {
    /// The query as written, in the footnote (and the title when none is given).
    let query: String
    /// The title written after `titled`.
    var title: String?

    /// The view box and its margin, in pixels.
    static let width = 1280.0, height = 720.0, margin = 40.0
    /// Font sizes: a title, the query standing in for one, caveats and bar labels, and
    /// everything else (the smallest used).
    static let titleSize = 30.0, queryTitleSize = 22.0, textSize = 16.0, smallSize = 14.0
    /// The most bars drawn; a longer result is cut, with a note.
    static let maxBars = 25
    /// The most lines drawn for the rows of a crosstab; the others are named in a note.
    static let maxLines = 10
    /// A single line with at most this many points labels each; a longer one labels its
    /// first, last, largest and smallest.
    static let labelledPoints = 12
    /// Colours of the series, in turn: one for each of the `maxLines` lines a crosstab draws.
    static let palette = ["#3b6ea5", "#d1603d", "#5a9e4b", "#8e5ea2", "#c9a227", "#4a9fa8",
                          "#7a7a7a", "#b5517a", "#8c6d3f", "#1f3f66"]
    /// The colour of caveats and notes on the chart.
    static let caveatColour = "#8a4b00"

    /// The SVG text, or an error when the result has no number to draw.
    func render(_ result: ResultSet) throws(Diagnostic) -> String {
        guard let layout = result.chartLayout, layout.value < result.table.columns.count else {
            throw .error("chart-without-number", "there is no number to chart in this result",
                         help: ["group it, e.g. `… group by COLUMN`, or show a numeric column"])
        }
        let heading = title ?? query
        let headingSize = title == nil ? Self.queryTitleSize : Self.titleSize
        var canvas = SVGCanvas()
        var top = Self.margin
        for line in Self.wrap(heading, size: headingSize) {
            top += headingSize * 1.2
            canvas.text(line, x: Self.margin, y: top, size: headingSize, weight: "bold")
        }
        let series = layout.cells != nil
            ? TimeSeries(crosstab: result.table, layout: layout, limit: Self.maxLines)
            : result.table.rowCount > 1 ? TimeSeries(result.table, layout: layout) : nil
        var notes = (result.warnings + result.caveats).map { "⚠ " + $0.message }
        if series != nil, layout.cells != nil, result.table.rowCount > Self.maxLines {
            notes.append(Self.undrawnRows(result.table, layout))
        } else if series == nil, result.table.rowCount > Self.maxBars {
            notes.append("Showing the first \(Self.maxBars) of \(NumberFormat.grouped(Int64(result.table.rowCount))) bars, in the result's order.")
        }
        top += 6
        for line in notes.flatMap({ Self.wrap($0, size: Self.textSize) }) {
            top += Self.textSize * 1.35
            canvas.text(line, x: Self.margin, y: top, size: Self.textSize, fill: Self.caveatColour)
        }
        top += 40
        let info = result.table.info
        var footnote: [String] = []
        if !info.source.isEmpty { footnote.append("Source: \(info.source).") }
        if !info.licence.isEmpty { footnote.append("Licence: \(info.licence).") }
        footnote.append("Query: \(query)")
        let footLines = Self.wrap(footnote.joined(separator: " "), size: Self.smallSize)
        var y = Self.height - Self.margin / 2 - Double(footLines.count - 1) * Self.smallSize * 1.3
        let bottom = y - Self.smallSize * 1.3 - 12
        if let series {
            drawLines(series, result, layout, on: &canvas, top: top, bottom: bottom)
        } else {
            drawBars(result, layout, on: &canvas, top: top, bottom: bottom)
        }
        for line in footLines {
            canvas.text(line, x: Self.margin, y: y, size: Self.smallSize, fill: "#555")
            y += Self.smallSize * 1.3
        }
        return canvas.document(width: Self.width, height: Self.height, title: heading, description: footnote.joined(separator: " "))
    }

    /// The note naming the rows of a crosstab that are not drawn (at most 20 by name).
    private static func undrawnRows(_ table: Table, _ layout: ChartLayout) -> String {
        let names = (maxLines..<table.rowCount).map { row in
            layout.labels.map { table.columns[$0].value(at: row).description }.joined(separator: " ")
        }
        let listed = names.prefix(20).joined(separator: ", ") + (names.count > 20 ? " and \(names.count - 20) more" : "")
        return "Showing the first \(maxLines) of \(NumberFormat.grouped(Int64(table.rowCount))) rows as lines; not drawn: \(listed)."
    }

    /// `text` broken into lines that fit the width at font `size`.
    private static func wrap(_ text: String, size: Double) -> [String] {
        SVGCanvas.wrap(text, width: Int((width - 2 * margin) / (size * SVGCanvas.characterWidth)))
    }

    /// Horizontal bars between `top` and `bottom`, one per row (the first `maxBars`), labelled
    /// with the keys, each value written right of its bar (right of the zero line for a
    /// negative bar, clear of the labels), with the value axis under them.
    private func drawBars(_ result: ResultSet, _ layout: ChartLayout, on canvas: inout SVGCanvas, top: Double, bottom: Double) {
        let table = result.table
        let count = min(table.rowCount, Self.maxBars)
        let numbers = table.columns[layout.value]
        let separates = layout.value < result.separatesThousands.count && result.separatesThousands[layout.value]
        let labels = (0..<count).map { row in
            layout.labels.map { table.columns[$0].value(at: row).description }.joined(separator: " ")
        }
        let header = layout.labels.map { table.columns[$0].name }.joined(separator: ", ")
        let step = max((bottom - 44 - top) / Double(max(count, 1)), 1)
        let labelSize = step >= 24 ? Self.textSize : Self.smallSize
        let widest = Double(max(labels.map(\.count).max() ?? 0, header.count))
        let labelWidth = min(max(widest * labelSize * SVGCanvas.characterWidth + 16, 80), Self.width * 0.4)
        let left = Self.margin + labelWidth, right = Self.width - Self.margin - 110
        let values = (0..<count).map { numbers.value(at: $0).asDouble }
        let scale = AxisScale(values.compactMap { $0 } + [0])
        let x = { (value: Double) in left + (right - left) * scale.fraction(of: value) }
        let barHeight = min(step * 0.72, 40)
        let plotBottom = top + Double(count) * step
        if !header.isEmpty { canvas.text(header, x: left - 10, y: top - 8, size: Self.smallSize, weight: "bold", anchor: "end") }
        for tick in scale.ticks {
            canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: plotBottom, stroke: "#ddd")
            canvas.text(AxisScale.label(tick), x: x(tick), y: plotBottom + 20, size: Self.smallSize, anchor: "middle", fill: "#555")
        }
        canvas.text(table.columns[layout.value].name, x: (left + right) / 2, y: plotBottom + 42, size: Self.smallSize, weight: "bold", anchor: "middle")
        for (row, value) in values.enumerated() {
            let y = top + Double(row) * step + (step - barHeight) / 2
            let baseline = y + barHeight / 2 + labelSize * 0.35
            canvas.text(labels[row], x: left - 10, y: baseline, size: labelSize, anchor: "end")
            guard let value else {
                canvas.text("missing", x: x(0) + 6, y: baseline, size: Self.smallSize, fill: "#777")
                continue
            }
            let start = min(x(0), x(value)), end = max(x(0), x(value))
            canvas.rect(x: start, y: y, width: max(end - start, 0.5), height: barHeight,
                        fill: value < 0 ? Self.palette[1] : Self.palette[0])
            let text = CellFormatter.display(numbers.value(at: row), separatesThousands: separates)
            canvas.text(text, x: (value < 0 ? x(0) : end) + 6, y: baseline, size: Self.smallSize)
        }
        canvas.line(x1: x(0), y1: top, x2: x(0), y2: plotBottom, stroke: "#333")
    }

    /// One line per series over the years between `top` and `bottom`, broken where a year is
    /// missing, with a point per year and value labels on a single line.
    private func drawLines(_ series: TimeSeries, _ result: ResultSet, _ layout: ChartLayout, on canvas: inout SVGCanvas, top: Double, bottom: Double) {
        let table = result.table
        let left = Self.margin + 90, right = Self.width - Self.margin - 20
        let legendRows = series.lines.count > 1 ? Double(series.lines.count) : 0
        let plotTop = top + legendRows * 22, plotBottom = bottom - 44
        let scale = AxisScale(series.lines.flatMap { $0.values.compactMap { $0 } } + [0])
        let span = Double(max(series.last - series.first, 1))
        let x = { (year: Int64) in left + (right - left) * Double(year - series.first) / span }
        let y = { (value: Double) in plotBottom - (plotBottom - plotTop) * scale.fraction(of: value) }
        for tick in scale.ticks {
            canvas.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: tick == 0 ? "#333" : "#ddd")
            canvas.text(AxisScale.label(tick), x: left - 10, y: y(tick) + 5, size: Self.smallSize, anchor: "end", fill: "#555")
        }
        let every = max(1, Int((span / 16).rounded(.up)))
        for year in series.first...series.last where (year - series.first) % Int64(every) == 0 {
            canvas.text(series.label(year), x: x(year), y: plotBottom + 20, size: Self.smallSize, anchor: "middle", fill: "#555")
        }
        let timeName = layout.acrossName ?? layout.time.map { table.columns[$0].name } ?? "year"
        canvas.text(timeName, x: (left + right) / 2, y: plotBottom + 42, size: Self.smallSize, weight: "bold", anchor: "middle")
        canvas.text(layout.cellName ?? table.columns[layout.value].name, x: Self.margin + 8, y: (plotTop + plotBottom) / 2, size: Self.smallSize,
                    weight: "bold", anchor: "middle", rotate: -90)
        let single = series.lines.count == 1
        for (index, line) in series.lines.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            if !single {
                let legendY = top + Double(index) * 22
                canvas.rect(x: left, y: legendY - 12, width: 16, height: 12, fill: colour)
                canvas.text(line.name, x: left + 24, y: legendY, size: Self.smallSize)
            }
            var runs: [[(Double, Double)]] = [[]]
            var points: [(Double, Double, Double)] = []
            for (offset, value) in line.values.enumerated() {
                guard let value else {
                    runs.append([])
                    continue
                }
                let point = (x(series.first + Int64(offset)), y(value))
                runs[runs.count - 1].append(point)
                points.append((point.0, point.1, value))
            }
            for run in runs where run.count > 1 { canvas.polyline(run, stroke: colour) }
            let extremes = [points.first, points.last, points.max { $0.2 < $1.2 }, points.min { $0.2 < $1.2 }].compactMap { $0?.0 }
            for (px, py, value) in points {
                canvas.circle(cx: px, cy: py, r: 4, fill: colour)
                if single && (points.count <= Self.labelledPoints || extremes.contains(px)) {
                    canvas.text(AxisScale.label(value), x: px, y: py - 10, size: Self.smallSize, anchor: "middle", fill: "#333")
                }
            }
        }
    }
}
