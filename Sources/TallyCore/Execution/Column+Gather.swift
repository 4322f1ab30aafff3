extension Column {
    /// The rows at `rows`, in that order; the whole column when `rows` is nil.
    func gathered(_ rows: Selection?) -> Column {
        guard let rows else { return self }
        var result = Column(name: name, originalName: originalName, data: data.gathered(rows), calendarType: type.isCalendar ? type : nil)
        if let validity {
            var mask = ValidityMask(count: rows.count)
            for (i, row) in rows.enumerated() where !validity.isValid(Int(row)) { mask.set(i, valid: false) }
            result.validity = mask
        }
        return result
    }

    /// The rows at `rows`, in that order, with a missing value where the row is -1 (a source
    /// row that a lookup found no match for).
    func gatheredOrMissing(_ rows: Selection) -> Column {
        let present = rows.map { $0 < 0 ? 0 : $0 }
        var result = Column(name: name, originalName: originalName, data: data.gathered(present), calendarType: type.isCalendar ? type : nil)
        var mask = ValidityMask(count: rows.count)
        for (i, row) in rows.enumerated() where row < 0 || !isValid(Int(row)) { mask.set(i, valid: false) }
        result.validity = mask.missingCount == 0 ? nil : mask
        return result
    }

    /// A column of `count` copies of `value`.
    static func constant(_ value: Value, type: ValueType, count: Int) -> Column {
        let data: ColumnData
        switch value {
        case .integer(let v), .calendar(let v, _): data = .integer(Array(repeating: v, count: count))
        case .decimal(let v): data = .decimal(Array(repeating: v, count: count))
        case .boolean(let v): data = .boolean(Array(repeating: v, count: count))
        case .text(let v): data = .text(codes: Array(repeating: 0, count: count), dictionary: TextDictionary([v]))
        case .missing:
            switch type {
            case .integer, .date, .datetime, .month, .quarter, .week, .weekday: data = .integer(Array(repeating: 0, count: count))
            case .decimal: data = .decimal(Array(repeating: 0, count: count))
            case .boolean: data = .boolean(Array(repeating: false, count: count))
            case .text: data = .text(codes: Array(repeating: 0, count: count), dictionary: TextDictionary([""]))
            }
        }
        return Column(name: "", data: data, validity: value.isMissing ? ValidityMask(count: count, allValid: false) : nil,
                      calendarType: type.isCalendar ? type : nil)
    }

    /// This column with `days` stored as 64-bit `integer` dates, other columns as they are: for
    /// the few places that are not hot loops over a dataset (a `describe` summary, dates written
    /// as text once per distinct value, `coalesce` and `if` choosing between columns).
    var widened: Column {
        guard case .days(let values) = data else { return self }
        var column = self
        column.data = .integer(values.map(Int64.init))
        column.calendarType = .date
        return column
    }

    /// The values as doubles (integers converted), for arithmetic and comparison.
    var doubles: [Double] {
        switch data {
        case .integer(let v): return v.map(Double.init)
        case .days(let v): return v.map(Double.init)
        case .decimal(let v): return v
        case .boolean(let v): return v.map { $0 ? 1 : 0 }
        case .text(let codes, _): return Array(repeating: .nan, count: codes.count)
        }
    }

    /// The validity of row `i` combined with another column's.
    @inline(__always)
    func bothValid(_ other: Column, _ i: Int) -> Bool { isValid(i) && other.isValid(i) }
}

extension ColumnData {
    /// The values at `rows`; dates as `integer`, so that only loaded tables hold `days`.
    func gathered(_ rows: Selection) -> ColumnData {
        switch self {
        case .integer(let v): return .integer(rows.map { v[Int($0)] })
        case .days(let v): return .integer(rows.map { Int64(v[Int($0)]) })
        case .decimal(let v): return .decimal(rows.map { v[Int($0)] })
        case .boolean(let v): return .boolean(rows.map { v[Int($0)] })
        case .text(let codes, let dictionary): return .text(codes: rows.map { codes[Int($0)] }, dictionary: dictionary)
        }
    }
}

/// Compares text by Unicode code point (UTF-8 byte order), as tally sorts and compares text.
@inline(__always)
func codePointLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
