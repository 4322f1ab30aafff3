/// Draws a result as one block per row, one `column: value` line per column, for tables too
/// wide to read across (`set layout vertical`, like psql's expanded display):
///
/// ```
/// 2 rows
/// ── row 1 ──
/// destination:  Germany
/// applications: 112,593
/// ── row 2 ──
/// …
/// ```
///
/// Values are never cut: a long one wraps at the width, indented under the values.
struct VerticalRenderer {
    /// Rows printed before `… N more rows`; nil prints every row.
    var rowLimit: Int?
    /// The width long values wrap at; nil leaves them on one line.
    var width: Int?
    /// Bold column names with ANSI escapes.
    var colored = false

    func render(_ result: ResultSet) -> String {
        let table = result.table
        let shownRows = min(table.rowCount, rowLimit ?? table.rowCount)
        let names = table.columns.map { TerminalText.visible($0.name) + ":" }
        let nameWidth = (names.map(DisplayWidth.of).max() ?? 0) + 1
        var out = "\(NumberFormat.counted(table.rowCount, "row"))\n"
        for row in 0..<shownRows {
            out += "── row \(NumberFormat.grouped(Int64(row + 1))) ──\n"
            for (index, column) in table.columns.enumerated() {
                let text = CellFormatter.display(column.value(at: row), separatesThousands: result.separatesThousands[index])
                let value = TerminalText.visible(text.replacingNewlines)
                let lines = TextWrapper.lines(value, width: width, firstColumn: nameWidth, indent: nameWidth)
                let name = DisplayWidth.pad(names[index], to: nameWidth, alignRight: false)
                out += (colored ? "\u{1B}[1m\(name)\u{1B}[0m" : name) + lines.joined(separator: "\n") + "\n"
            }
        }
        if shownRows < table.rowCount {
            out += "… \(NumberFormat.grouped(Int64(table.rowCount - shownRows))) more rows\n"
        }
        return out
    }
}
