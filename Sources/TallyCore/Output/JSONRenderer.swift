/// Writes a result as one JSON array of objects, keys in column order; missing is `null`.
struct JSONRenderer: RowRenderer {
    func header(_ table: Table) -> String {
        table.rowCount > 0 ? "[\n" : "[]\n"
    }

    func row(_ row: Int, of table: Table) -> String {
        let fields = table.columns.map { JSONRenderer.string($0.name) + ": " + JSONRenderer.value($0.value(at: row)) }
        return "  {" + fields.joined(separator: ", ") + "}" + (row + 1 < table.rowCount ? ",\n" : "\n")
    }

    func footer(_ table: Table) -> String {
        table.rowCount > 0 ? "]\n" : ""
    }

    /// A JSON value: numbers raw (non-finite as null), text quoted.
    static func value(_ value: Value) -> String {
        switch value {
        case .missing: return "null"
        case .integer(let v): return String(v)
        case .decimal(let v): return v.isFinite ? NumberFormat.plain(v) : "null"
        case .boolean(let v): return v ? "true" : "false"
        case .text(let v): return string(v)
        case .calendar: return string(value.description)
        }
    }

    /// A JSON string literal with the required escapes; DEL, C1 controls and bidirectional
    /// controls are escaped too (`\u202e`), so JSON printed on a terminal cannot act on it,
    /// while a JSON reader gets the same text back.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalText.needsEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
