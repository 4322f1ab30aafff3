/// Writes a result as CSV or TSV: a header line, then every row; raw values; fields quoted
/// (RFC 4180) when they hold the delimiter, a quote or a line break, looked for by Unicode scalar
/// (a quote followed by a combining mark is still a quote to a CSV reader).
struct DelimitedRenderer: RowRenderer {
    /// `,` or a tab.
    let delimiter: Unicode.Scalar

    func header(_ table: Table) -> String {
        table.columns.map { quote($0.name) }.joined(separator: String(delimiter)) + "\n"
    }

    func row(_ row: Int, of table: Table) -> String {
        table.columns.map { quote(CellFormatter.raw($0.value(at: row))) }.joined(separator: String(delimiter)) + "\n"
    }

    private func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.doubling("\"") + "\""
    }
}
