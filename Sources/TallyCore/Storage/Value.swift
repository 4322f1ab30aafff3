/// One scalar value: what a cell holds once taken out of its column.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case missing
    case integer(Int64)
    case decimal(Double)
    case text(String)
    case boolean(Bool)
    /// A calendar value of a calendar type (`date`, `datetime`, `month`, …), stored as that
    /// type counts it (see `CivilCalendar`).
    case calendar(Int64, ValueType)

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

    /// The place of this value on a time axis: a whole number (a year), or a calendar value's
    /// count (days, months, …), so that consecutive periods are consecutive numbers; nil otherwise.
    public var timePosition: Int64? {
        switch self {
        case .integer(let v), .calendar(let v, _): return v
        case .decimal(let v): return v.rounded() == v && abs(v) < 1e15 ? Int64(v) : nil
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
        case .calendar(let v, let type): return CalendarText.format(v, as: type)
        }
    }
}

/// The type of a column or an expression.
public enum ValueType: String, Sendable, Equatable {
    case integer, decimal, text, boolean
    /// A calendar day, and a moment to the second (UTC).
    case date, datetime
    /// Period buckets: `2024-03`, `2024-Q1`, `2024-W11`, and the days of the week (`Mon` … `Sun`).
    case month, quarter, week, weekday

    /// Whether values of this type are numbers.
    public var isNumeric: Bool { self == .integer || self == .decimal }

    /// Whether values of this type are calendar values stored as integers.
    public var isCalendar: Bool {
        switch self {
        case .date, .datetime, .month, .quarter, .week, .weekday: return true
        default: return false
        }
    }

    /// Whether this is a date or a datetime: what time clauses and date literals work on.
    public var isDateLike: Bool { self == .date || self == .datetime }
}
