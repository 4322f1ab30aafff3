/// Writes a result as CSV or TSV: a header line, then every row; raw values; fields quoted
/// (RFC 4180) when they hold the delimiter, a quote or a line break.
struct DelimitedRenderer: RowRenderer {
    /// `,` or a tab.
    let delimiter: Character

    func header(_ table: Table) -> String {
        table.columns.map { quote($0.name) }.joined(separator: String(delimiter)) + "\n"
    }

    func row(_ row: Int, of table: Table) -> String {
        table.columns.map { quote(CellFormatter.raw($0.value(at: row))) }.joined(separator: String(delimiter)) + "\n"
    }

    private func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    /// The string with every `target` replaced by `replacement` (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
