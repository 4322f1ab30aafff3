/// Draws a result as a standalone SVG chart for `export QUERY to "file.svg"`: horizontal bars,
/// or a line per series for a time series; titled with the query, with axis labels, value
/// labels, and a footnote (also in `<desc>`) giving the source, licence and query.
struct SVGChartRenderer {
    /// The query as written, used as the title.
    let query: String

    /// Canvas width and the fixed parts of the layout, in pixels.
    static let width = 860.0, titleLine = 20.0, barHeight = 22.0, barGap = 6.0, plotHeight = 360.0
    /// A single line with at most this many points labels each; a longer one labels its
    /// first, last, largest and smallest.
    static let labelledPoints = 12
    /// Colours of the series, in turn.
    static let palette = ["#3b6ea5", "#d1603d", "#5a9e4b", "#8e5ea2", "#c9a227", "#4a9fa8"]

    /// The SVG text, or an error when the result has no number to draw.
    func render(_ result: ResultSet) throws(Diagnostic) -> String {
        guard let layout = result.chartLayout, layout.value < result.table.columns.count else {
            throw .error("chart-without-number", "there is no number to chart in this result",
                         help: ["group it, e.g. `… group by COLUMN`, or show a numeric column"])
        }
        var canvas = SVGCanvas()
        let titleLines = SVGCanvas.wrap(query, width: 84)
        var top = 16.0
        for line in titleLines {
            top += SVGChartRenderer.titleLine
            canvas.text(line, x: 20, y: top, size: 15, weight: "bold")
        }
        top += 24
        let bottom: Double
        if let series = TimeSeries(result.table, layout: layout), result.table.rowCount > 1 {
            bottom = drawLines(series, result, layout, on: &canvas, top: top)
        } else {
            bottom = drawBars(result, layout, on: &canvas, top: top)
        }
        let info = result.table.info
        var footnote: [String] = []
        if !info.source.isEmpty { footnote.append("Source: \(info.source).") }
        if !info.licence.isEmpty { footnote.append("Licence: \(info.licence).") }
        footnote.append("Query: \(query)")
        var y = bottom + 34
        for line in SVGCanvas.wrap(footnote.joined(separator: " "), width: 130) {
            canvas.text(line, x: 20, y: y, size: 11, fill: "#555")
            y += 15
        }
        return canvas.document(width: SVGChartRenderer.width, height: y + 10, title: query, description: footnote.joined(separator: " "))
    }

    /// Horizontal bars, one per row, labelled with the keys, each value written right of its
    /// bar (right of the zero line for a negative bar, clear of the labels); returns the y
    /// below the drawing.
    private func drawBars(_ result: ResultSet, _ layout: ChartLayout, on canvas: inout SVGCanvas, top: Double) -> Double {
        let table = result.table
        let numbers = table.columns[layout.value]
        let separates = layout.value < result.separatesThousands.count && result.separatesThousands[layout.value]
        let labels = (0..<table.rowCount).map { row in
            layout.labels.map { table.columns[$0].value(at: row).description }.joined(separator: " ")
        }
        let header = layout.labels.map { table.columns[$0].name }.joined(separator: ", ")
        let labelWidth = min(max(Double(max(labels.map(\.count).max() ?? 0, header.count)) * 7.5 + 16, 60), 260)
        let left = 20 + labelWidth, right = SVGChartRenderer.width - 110
        let values = (0..<table.rowCount).map { numbers.value(at: $0).asDouble }
        let scale = AxisScale(values.compactMap { $0 } + [0])
        let x = { (value: Double) in left + (right - left) * scale.fraction(of: value) }
        let step = SVGChartRenderer.barHeight + SVGChartRenderer.barGap
        let plotBottom = top + 10 + Double(table.rowCount) * step
        if !header.isEmpty { canvas.text(header, x: left - 8, y: top, size: 12, weight: "bold", anchor: "end") }
        for tick in scale.ticks {
            canvas.line(x1: x(tick), y1: top + 6, x2: x(tick), y2: plotBottom, stroke: "#ddd")
            canvas.text(AxisScale.label(tick), x: x(tick), y: plotBottom + 16, size: 11, anchor: "middle", fill: "#555")
        }
        canvas.text(table.columns[layout.value].name, x: (left + right) / 2, y: plotBottom + 36, size: 12, weight: "bold", anchor: "middle")
        for (row, value) in values.enumerated() {
            let y = top + 10 + Double(row) * step
            canvas.text(labels[row], x: left - 8, y: y + SVGChartRenderer.barHeight * 0.7, size: 12, anchor: "end")
            guard let value else {
                canvas.text("missing", x: x(0) + 6, y: y + SVGChartRenderer.barHeight * 0.7, size: 11, fill: "#999")
                continue
            }
            let start = min(x(0), x(value)), end = max(x(0), x(value))
            canvas.rect(x: start, y: y, width: max(end - start, 0.5), height: SVGChartRenderer.barHeight,
                        fill: value < 0 ? SVGChartRenderer.palette[1] : SVGChartRenderer.palette[0])
            let text = CellFormatter.display(numbers.value(at: row), separatesThousands: separates)
            canvas.text(text, x: (value < 0 ? x(0) : end) + 5, y: y + SVGChartRenderer.barHeight * 0.7, size: 11)
        }
        canvas.line(x1: x(0), y1: top + 6, x2: x(0), y2: plotBottom, stroke: "#333")
        return plotBottom + 36
    }

    /// One line per series over the years, broken where a year is missing, with a point per
    /// year and value labels on a single line; returns the y below the drawing.
    private func drawLines(_ series: TimeSeries, _ result: ResultSet, _ layout: ChartLayout, on canvas: inout SVGCanvas, top: Double) -> Double {
        let table = result.table
        let left = 100.0, right = SVGChartRenderer.width - 40
        let plotTop = top + 10 + (series.lines.count > 1 ? Double(series.lines.count) * 18 : 0)
        let plotBottom = plotTop + SVGChartRenderer.plotHeight
        let scale = AxisScale(series.lines.flatMap { $0.values.compactMap { $0 } } + [0])
        let span = Double(max(series.last - series.first, 1))
        let x = { (year: Int64) in left + (right - left) * Double(year - series.first) / span }
        let y = { (value: Double) in plotBottom - (plotBottom - plotTop) * scale.fraction(of: value) }
        for tick in scale.ticks {
            canvas.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: tick == 0 ? "#333" : "#ddd")
            canvas.text(AxisScale.label(tick), x: left - 8, y: y(tick) + 4, size: 11, anchor: "end", fill: "#555")
        }
        let every = max(1, Int((span / 12).rounded(.up)))
        for year in series.first...series.last where (year - series.first) % Int64(every) == 0 {
            canvas.text(String(year), x: x(year), y: plotBottom + 16, size: 11, anchor: "middle", fill: "#555")
        }
        let timeName = layout.time.map { table.columns[$0].name } ?? "year"
        canvas.text(timeName, x: (left + right) / 2, y: plotBottom + 36, size: 12, weight: "bold", anchor: "middle")
        canvas.text(table.columns[layout.value].name, x: 24, y: (plotTop + plotBottom) / 2, size: 12, weight: "bold", anchor: "middle", rotate: -90)
        let single = series.lines.count == 1
        for (index, line) in series.lines.enumerated() {
            let colour = SVGChartRenderer.palette[index % SVGChartRenderer.palette.count]
            if series.lines.count > 1 {
                let legendY = top + 8 + Double(index) * 18
                canvas.rect(x: left, y: legendY - 9, width: 14, height: 10, fill: colour)
                canvas.text(line.name, x: left + 20, y: legendY, size: 12)
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
                canvas.circle(cx: px, cy: py, r: 3, fill: colour)
                if single && (points.count <= SVGChartRenderer.labelledPoints || extremes.contains(px)) {
                    canvas.text(AxisScale.label(value), x: px, y: py - 8, size: 10, anchor: "middle", fill: "#333")
                }
            }
        }
        return plotBottom + 36
    }
}
