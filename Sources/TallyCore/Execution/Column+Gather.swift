extension Column {
    /// The rows at `rows`, in that order; the whole column when `rows` is nil.
    func gathered(_ rows: Selection?) -> Column {
        guard let rows else { return self }
        var result = Column(name: name, originalName: originalName, data: data.gathered(rows), calendarType: type.isCalendar ? type : nil)
        result.validity = validity.flatMap { ValidityMask.gathered($0, at: rows) }
        return result
    }

    /// The rows at `rows`, in that order, with a missing value where the row is -1 (a source
    /// row that a lookup found no match for).
    func gatheredOrMissing(_ rows: Selection) -> Column {
        var result = Column(name: name, originalName: originalName, data: data.gathered(rows), calendarType: type.isCalendar ? type : nil)
        result.validity = ValidityMask.gathered(validity, at: rows)
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
    /// The values at `rows` (a zero value where a row is -1); dates as `integer`, so that only
    /// loaded tables hold `days`.
    func gathered(_ rows: Selection) -> ColumnData {
        switch self {
        case .integer(let v): return .integer(rows.gather(v, missing: 0))
        case .days(let v): return .integer(rows.gather(v, missing: 0).map(Int64.init))
        case .decimal(let v): return .decimal(rows.gather(v, missing: 0))
        case .boolean(let v): return .boolean(rows.gather(v, missing: false))
        case .text(let codes, let dictionary): return .text(codes: rows.gather(codes, missing: 0), dictionary: dictionary)
        }
    }
}

extension Selection {
    /// `values[row]` for each row of the selection in order, `missing` where the row is -1;
    /// gathered in fixed parts on both cores.
    func gather<Gathered: BitwiseCopyable>(_ values: [Gathered], missing: Gathered) -> [Gathered] {
        let parts = Parallel.ranges(count, parts: Parallel.partCount(count))
        return [Gathered](unsafeUninitializedCapacity: count) { buffer, initialized in
            withUnsafeBufferPointer { rows in
                values.withUnsafeBufferPointer { values in
                    nonisolated(unsafe) let (output, rows, values) = (buffer, rows, values)
                    Parallel.forEach(parts.count) { part in
                        for i in parts[part] {
                            let row = Int(rows[i])
                            output[i] = row < 0 ? missing : values[row]
                        }
                    }
                }
            }
            initialized = count
        }
    }
}

/// Compares text by Unicode code point (UTF-8 byte order), as tally sorts and compares text.
@inline(__always)
func codePointLess(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}
