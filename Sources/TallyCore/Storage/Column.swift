/// The values of one column, stored as one typed array.
public enum ColumnData: Sendable {
    /// 64-bit integers.
    case integer([Int64])
    /// Dates as 32-bit day numbers (days since 1970-01-01, see `CivilCalendar`): how a loaded
    /// date column is stored, in half the memory of `integer`. Computed dates are `integer`.
    case days([Int32])
    /// Doubles.
    case decimal([Double])
    /// Booleans.
    case boolean([Bool])
    /// Dictionary-encoded text: each row holds a code into `TextDictionary.values`. Missing
    /// rows hold code 0, so a dictionary always has at least one value.
    case text(codes: [UInt32], dictionary: TextDictionary)
}

/// The distinct strings of a text column; a row stores its string's index.
public final class TextDictionary: Sendable {
    /// The distinct values, in first-seen order.
    public let values: [String]

    /// Creates a dictionary over `values`, which must be distinct.
    public init(_ values: [String]) { self.values = values }

    /// Number of distinct values.
    public var count: Int { values.count }
}

/// A named column of a table: its values, which of them are missing, and its origin.
public struct Column: Sendable {
    /// The normalized, identifier-like name (`country_of_asylum`).
    public var name: String
    /// The header as written in the file (`Country of asylum`), or the name for computed columns.
    public var originalName: String
    /// The values.
    public var data: ColumnData
    /// Which rows are present; `nil` when none is missing.
    public var validity: ValidityMask?
    /// For integer data that counts calendar units, which (`date`: days since 1970-01-01,
    /// `datetime`: seconds, `month`, `quarter`, `week`, `weekday`: see `CivilCalendar`); nil for
    /// plain integers.
    public var calendarType: ValueType?

    /// Creates a column.
    public init(name: String, originalName: String? = nil, data: ColumnData, validity: ValidityMask? = nil, calendarType: ValueType? = nil) {
        self.name = name
        self.originalName = originalName ?? name
        self.data = data
        self.validity = validity
        self.calendarType = calendarType
    }

    /// The column's type.
    public var type: ValueType {
        switch data {
        case .integer: return calendarType ?? .integer
        case .days: return .date
        case .decimal: return .decimal
        case .boolean: return .boolean
        case .text: return .text
        }
    }

    /// Number of rows.
    public var count: Int {
        switch data {
        case .integer(let v): return v.count
        case .days(let v): return v.count
        case .decimal(let v): return v.count
        case .boolean(let v): return v.count
        case .text(let codes, _): return codes.count
        }
    }

    /// Whether row `i` holds a value.
    @inline(__always)
    public func isValid(_ i: Int) -> Bool { validity?.isValid(i) ?? true }

    /// Row `i` as a `Value`. `i` must be in `0..<count`.
    public func value(at i: Int) -> Value {
        guard isValid(i) else { return .missing }
        switch data {
        case .integer(let v): return calendarType.map { .calendar(v[i], $0) } ?? .integer(v[i])
        case .days(let v): return .calendar(Int64(v[i]), .date)
        case .decimal(let v): return .decimal(v[i])
        case .boolean(let v): return .boolean(v[i])
        case .text(let codes, let dictionary): return .text(dictionary.values[Int(codes[i])])
        }
    }

    /// Number of missing rows.
    public var missingCount: Int { validity?.missingCount ?? 0 }
}
