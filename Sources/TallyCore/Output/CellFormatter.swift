/// Turns cells into text: grouped and rounded for people (tables, Markdown), raw for data
/// (CSV, TSV, JSON).
enum CellFormatter {
    /// A cell for a person: `12,615`, `38.72`, `2017`; empty for missing.
    static func display(_ value: Value, separatesThousands: Bool) -> String {
        switch value {
        case .integer(let v): return separatesThousands ? NumberFormat.grouped(v) : String(v)
        case .decimal(let v): return NumberFormat.fixed(v, places: 2, separators: separatesThousands)
        default: return value.description
        }
    }

    /// A cell for data formats: shortest round-trip decimals, no separators; empty for missing.
    static func raw(_ value: Value) -> String { value.description }

    /// Whether a column is right-aligned (numbers).
    static func isRightAligned(_ type: ValueType) -> Bool { type.isNumeric }
}
