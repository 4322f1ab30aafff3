import Glibc

/// Runs scalar functions column-at-a-time: numbers row by row; text once per distinct value of
/// a dictionary, the rows then re-coded, never a string per row; dates by arithmetic on their day
/// numbers. Missing in gives missing out.
struct FunctionKernel {
    /// Number of rows.
    let count: Int
    /// The data row (1-based) that result row `i` comes from, for error messages.
    let rowNumber: (Int) -> Int

    /// The result of `id` over evaluated `arguments`; `constants` holds the value of each
    /// argument written as a literal (digits, lengths, replaced text).
    func run(_ id: ScalarFunction.ID, _ arguments: [Column], constants: [Value?], type: ValueType) throws(Diagnostic) -> Column {
        let first = arguments.first ?? .constant(.missing, type: type, count: count)
        func whole(_ position: Int) -> Int {
            guard position < constants.count, case .integer(let n)? = constants[position] else { return 0 }
            return Int(clamping: n)
        }
        func text(_ position: Int) -> String {
            guard position < constants.count, case .text(let t)? = constants[position] else { return "" }
            return t
        }
        switch id {
        case .today: return .constant(.calendar(FunctionKernel.today(), .date), type: .date, count: count)
        case .round: return try round(first, digits: whole(1))
        case .floor: return try numeric(first, integer: { $0 }, decimal: { $0.rounded(.down) })
        case .ceil: return try numeric(first, integer: { $0 }, decimal: { $0.rounded(.up) })
        case .abs:
            return try numeric(first, integer: { value throws(Diagnostic) in
                guard value != .min else { throw ExpressionEvaluator.overflow }
                return Swift.abs(value)
            }, decimal: { Swift.abs($0) })
        case .lower: return first.mappedText { $0.lowercased() }
        case .upper: return first.mappedText { $0.uppercased() }
        case .trim: return first.mappedText(FunctionKernel.trimmingSpaces)
        case .length: return first.mappedInteger { Int64($0.unicodeScalars.count) }
        case .left:
            let n = whole(1)
            return first.mappedText { String(String.UnicodeScalarView($0.unicodeScalars.prefix(n))) }
        case .right:
            let n = whole(1)
            return first.mappedText { String(String.UnicodeScalarView($0.unicodeScalars.suffix(n))) }
        case .replace:
            let from = text(1), to = text(2)
            return first.mappedText { from.isEmpty ? $0 : $0.replacing(from, with: to) }
        case .concat: return TextPairs.joined(first, arguments[1], count: count)
        case .coalesce:
            return ColumnPicker(choices: arguments, type: type, count: count).pick { row in
                arguments.firstIndex { $0.isValid(row) }
            }
        case .if:
            guard case .boolean(let flags) = first.data else { return .constant(.missing, type: type, count: count) }
            return ColumnPicker(choices: Array(arguments.dropFirst()), type: type, count: count).pick { row in
                first.isValid(row) ? (flags[row] ? 0 : 1) : nil
            }
        case .number: return try number(first)
        case .text: return first.writtenAsText(count: count)
        case .date: return try date(first, layout: constants.count > 1 ? text(1) : nil)
        case .year: return first.calendarPart(.integer) { CivilCalendar.civil($0).year }
        case .quarter: return first.calendarPart(.quarter) { let date = CivilCalendar.civil($0); return date.year * 4 + (date.month - 1) / 3 }
        case .month: return first.calendarPart(.month, CivilCalendar.month)
        case .week: return first.calendarPart(.week, CivilCalendar.week)
        case .day: return first.calendarPart(.date) { $0 }
        case .monthNumber: return first.calendarPart(.integer) { CivilCalendar.civil($0).month }
        case .weekday: return first.calendarPart(.weekday, CivilCalendar.weekday)
        case .hour:
            guard first.calendarType == .datetime, case .integer(let seconds) = first.data else { return first.calendarPart(.integer) { _ in 0 } }
            let day = CivilCalendar.secondsPerDay
            return Column(name: "", data: .integer(seconds.map { ($0 - CivilCalendar.floorDivide($0, day) * day) / 3600 }), validity: first.validity)
        case .daysBetween: return try FunctionKernel.dayArithmetic(first, arguments[1], count: count, subtract: true)
        case .addDays: return try FunctionKernel.dayArithmetic(first, arguments[1], count: count, subtract: false)
        }
    }

    /// `s` without the spaces at its start and end (tabs and other spaces stay, as SQL's `trim`).
    static func trimmingSpaces(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " }), let end = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[start...end])
    }

    /// A number function applied row by row, integers staying integers.
    private func numeric(
        _ column: Column, integer: (Int64) throws(Diagnostic) -> Int64, decimal: (Double) -> Double
    ) throws(Diagnostic) -> Column {
        switch column.data {
        case .integer(let values):
            var result = [Int64](repeating: 0, count: values.count)
            for i in values.indices where column.isValid(i) { result[i] = try integer(values[i]) }
            return Column(name: "", data: .integer(result), validity: column.validity)
        case .decimal(let values):
            return Column(name: "", data: .decimal(values.map(decimal)), validity: column.validity)
        default:
            return column
        }
    }

    /// `round(x, digits)`: halves away from zero; an integer with negative digits rounds to tens,
    /// hundreds, … and stays an integer.
    private func round(_ column: Column, digits: Int) throws(Diagnostic) -> Column {
        if digits > 15 { return column }
        var scale = 1.0
        for _ in 0..<Swift.min(Swift.abs(digits), 19) { scale *= 10 }
        let wholeScale = Int64(exactly: scale)
        return try numeric(column, integer: { value throws(Diagnostic) in
            guard digits < 0 else { return value }
            guard let wholeScale else { return 0 }
            let remainder = value % wholeScale
            let base = value - remainder
            guard Swift.abs(remainder) * 2 >= wholeScale else { return base }
            let (rounded, overflow) = base.addingReportingOverflow(value < 0 ? -wholeScale : wholeScale)
            if overflow { throw ExpressionEvaluator.overflow }
            return rounded
        }, decimal: { value in
            digits >= 0 ? (value * scale).rounded(.toNearestOrAwayFromZero) / scale : (value / scale).rounded(.toNearestOrAwayFromZero) * scale
        })
    }

    /// `number(s)`: text read as a decimal once per distinct value; the first value that is not
    /// a number is an error naming it and its row.
    private func number(_ column: Column) throws(Diagnostic) -> Column {
        switch column.data {
        case .integer, .days, .decimal:
            return Column(name: "", data: .decimal(column.doubles), validity: column.validity)
        case .text(let codes, let dictionary):
            let parsed = dictionary.values.map(FunctionKernel.parseNumber)
            var result = [Double](repeating: 0, count: codes.count)
            for i in codes.indices where column.isValid(i) {
                guard let value = parsed[Int(codes[i])] else {
                    throw .error(
                        "not-a-number", "number() cannot read '\(dictionary.values[Int(codes[i])])' (row \(rowNumber(i))) as a number",
                        help: ["a number is digits with an optional sign, fraction and exponent, e.g. -12.5 or 1e3",
                               "keep the rows that are numbers first, or leave the column as text"])
                }
                result[i] = value
            }
            return Column(name: "", data: .decimal(result), validity: column.validity)
        case .boolean:
            return .constant(.missing, type: .decimal, count: count)
        }
    }

    /// `date(s [, layout])`: text read as dates once per distinct value (ISO 8601, or `layout`);
    /// a datetime gives its day. The first value that is not a date is an error naming it and its row.
    private func date(_ column: Column, layout: String?) throws(Diagnostic) -> Column {
        switch (column.data, column.calendarType) {
        case (.integer(let seconds), .datetime?):
            return Column(name: "", data: .integer(seconds.map { CivilCalendar.floorDivide($0, CivilCalendar.secondsPerDay) }),
                          validity: column.validity, calendarType: .date)
        case (.integer, .date?), (.days, _):
            return column
        case (.text(let codes, let dictionary), _):
            let reader = layout.flatMap(DateLayout.init)
            let parsed = dictionary.values.map { value -> Int64? in
                if let reader { return reader.days(value) }
                return CalendarText.moment(value.utf8).map { CivilCalendar.floorDivide($0.seconds, CivilCalendar.secondsPerDay) }
            }
            var result = [Int64](repeating: 0, count: codes.count)
            for i in codes.indices where column.isValid(i) {
                guard let value = parsed[Int(codes[i])] else {
                    throw .error(
                        "not-a-date", "date() cannot read '\(dictionary.values[Int(codes[i])])' (row \(rowNumber(i))) as a date\(layout.map { " written \($0)" } ?? "")",
                        help: [layout == nil ? "give the layout, e.g. date(x, \"DD/MM/YYYY\"); without one, dates are ISO 8601: 2024-03-15"
                                             : "a layout is made of YYYY, MM, DD and the separators between them"])
                }
                result[i] = value
            }
            return Column(name: "", data: .integer(result), validity: column.validity, calendarType: .date)
        default:
            return .constant(.missing, type: .date, count: count)
        }
    }

    /// Today's day number (UTC).
    static func today() -> Int64 {
        CivilCalendar.floorDivide(Int64(time(nil)), CivilCalendar.secondsPerDay)
    }

    /// `d - e` (days between two dates) or `d + n` (a date n days later), row by row; a date
    /// outside the years 0001–9999 is an error.
    static func dayArithmetic(_ left: Column, _ right: Column, count: Int, subtract: Bool) throws(Diagnostic) -> Column {
        switch (left.data, right.data) {
        case (.integer(let a), .integer(let b)): return try dayArithmetic(a, b, left, right, count: count, subtract: subtract)
        case (.days(let a), .integer(let b)): return try dayArithmetic(a, b, left, right, count: count, subtract: subtract)
        case (.integer(let a), .days(let b)): return try dayArithmetic(a, b, left, right, count: count, subtract: subtract)
        case (.days(let a), .days(let b)): return try dayArithmetic(a, b, left, right, count: count, subtract: subtract)
        default: return .constant(.missing, type: subtract ? .integer : .date, count: count)
        }
    }

    /// `dayArithmetic` over the values of `left` and `right`, stored as `a` and `b`.
    private static func dayArithmetic<A: FixedWidthInteger & SignedInteger, B: FixedWidthInteger & SignedInteger>(
        _ a: [A], _ b: [B], _ left: Column, _ right: Column, count: Int, subtract: Bool
    ) throws(Diagnostic) -> Column {
        var validity = ValidityMask(count: count)
        var result = [Int64](repeating: 0, count: count)
        for i in 0..<count {
            guard left.bothValid(right, i) else { validity.set(i, valid: false); continue }
            let (value, overflow) = subtract ? Int64(a[i]).subtractingReportingOverflow(Int64(b[i])) : Int64(a[i]).addingReportingOverflow(Int64(b[i]))
            guard !overflow, subtract || CivilCalendar.dayRange.contains(value) else {
                throw .error("date-out-of-range", "a date would fall outside the years 0001–9999",
                             help: ["tally's dates run from 0001-01-01 to 9999-12-31"])
            }
            result[i] = value
        }
        return Column(name: "", data: .integer(result), validity: validity.missingCount == 0 ? nil : validity,
                      calendarType: subtract ? nil : .date)
    }

    /// The number `text` spells (spaces around it allowed), as the CSV loader reads numbers:
    /// no `nan`, `inf` or hexadecimal.
    static func parseNumber(_ text: String) -> Double? {
        let trimmed = trimmingSpaces(text)
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }),
              let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }
}
