/// One scalar value: what a cell holds once taken out of its column.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case missing
    case integer(Int64)
    case decimal(Double)
    case text(String)
    case boolean(Bool)

    /// Whether this is `missing`.
    public var isMissing: Bool { if case .missing = self { return true } else { return false } }

    /// The value as a double, for numbers; nil otherwise.
    public var asDouble: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .decimal(let v): return v
        default: return nil
        }
    }

    /// A plain rendering: shortest round-trip decimals, no separators, empty for missing.
    public var description: String {
        switch self {
        case .missing: return ""
        case .integer(let v): return String(v)
        case .decimal(let v): return NumberFormat.plain(v)
        case .text(let v): return v
        case .boolean(let v): return v ? "true" : "false"
        }
    }
}

/// The type of a column or an expression.
public enum ValueType: String, Sendable, Equatable {
    case integer, decimal, text, boolean

    /// Whether values of this type are numbers.
    public var isNumeric: Bool { self == .integer || self == .decimal }
}
