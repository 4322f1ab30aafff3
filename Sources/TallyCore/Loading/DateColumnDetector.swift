/// Finds the loaded text columns that hold datetimes: a column is a datetime when every value is a
/// date or a `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]]` with an optional offset (converted to UTC; a date
/// alone is its midnight). Each distinct value is read once, from the column's dictionary, and the
/// rows then take its number of seconds. A column of dates alone is read as dates while it loads
/// (`FieldClassifier`); any that still reaches here as text becomes 32-bit day numbers.
enum DateColumnDetector {
    /// `column` as a date or datetime column, and whether any value carried an offset; nil when
    /// it is not text, has no value, or holds one value that is not an ISO date.
    static func converted(_ column: Column) -> (column: Column, hadOffsets: Bool)? {
        guard case .text(let codes, let dictionary) = column.data, column.missingCount < column.count else { return nil }
        var seconds = [Int64](repeating: 0, count: dictionary.count)
        var hasTime = false, hadOffsets = false
        for (code, value) in dictionary.values.enumerated() {
            guard let moment = CalendarText.moment(value.utf8) else { return nil }
            seconds[code] = moment.seconds
            hasTime = hasTime || moment.hasTime
            hadOffsets = hadOffsets || moment.hasOffset
        }
        let data: ColumnData
        if hasTime {
            data = .integer(codes.map { seconds[Int($0)] })
        } else {
            let days = seconds.map { Int32(truncatingIfNeeded: $0 / CivilCalendar.secondsPerDay) }
            data = .days(codes.map { days[Int($0)] })
        }
        let converted = Column(
            name: column.name, originalName: column.originalName, data: data, validity: column.validity,
            calendarType: hasTime ? .datetime : .date)
        return (converted, hadOffsets)
    }

    /// For a text column of dates in another layout (`15/03/2024`), the layouts that read every
    /// value, so `describe` can point at `date(x, "DD/MM/YYYY")`.
    static func otherLayouts(_ column: Column) -> [String] {
        guard case .text(_, let dictionary) = column.data, column.missingCount < column.count,
              let first = dictionary.values.first, first.utf8.first.map({ $0 &- 0x30 < 10 }) == true else { return [] }
        return DateLayout.common.filter { layout in dictionary.values.allSatisfy { layout.days($0) != nil } }.map(\.text)
    }
}
