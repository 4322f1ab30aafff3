/// Writes a result as a Markdown (GitHub) table; numbers right-aligned, raw values (country
/// codes stay codes), control characters shown as escapes (`TerminalText`): Markdown is read
/// by people.
struct MarkdownRenderer: RowRenderer {
    func header(_ table: Table) -> String {
        guard !table.columns.isEmpty else { return "" }
        return "| " + table.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
            + "|" + table.columns.map { CellFormatter.isRightAligned($0.type) ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
    }

    func row(_ row: Int, of table: Table) -> String {
        guard !table.columns.isEmpty else { return "" }
        return "| " + table.columns.map { escape(CellFormatter.raw($0.value(at: row))) }.joined(separator: " | ") + " |\n"
    }

    private func escape(_ text: String) -> String {
        TerminalText.visible(text.replacingNewlines).replacingScalars { $0 == "|" ? "\\|" : nil }
    }
}
