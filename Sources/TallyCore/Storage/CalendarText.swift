/// Calendar values as text: written in ISO 8601 (`2024-03-15`, `2024-03-15 08:30:00`, `2024-03`,
/// `2024-Q1`, `2024-W11`, `Mon`), and read back from what a file or a query holds.
public enum CalendarText {
    /// A stored calendar value of `type` written as text.
    public static func format(_ value: Int64, as type: ValueType) -> String {
        switch type {
        case .datetime:
            let day = CivilCalendar.floorDivide(value, CivilCalendar.secondsPerDay)
            let second = value - day * CivilCalendar.secondsPerDay
            return format(day, as: .date) + " " + padded(second / 3600, 2) + ":" + padded(second / 60 % 60, 2) + ":" + padded(second % 60, 2)
        case .month:
            let year = CivilCalendar.floorDivide(value, 12)
            return padded(year, 4) + "-" + padded(value - year * 12 + 1, 2)
        case .quarter:
            let year = CivilCalendar.floorDivide(value, 4)
            return padded(year, 4) + "-Q" + String(value - year * 4 + 1)
        case .week:
            let (year, number) = isoWeek(value)
            return padded(year, 4) + "-W" + padded(number, 2)
        case .weekday:
            return (1...7).contains(value) ? CivilCalendar.weekdayNames[Int(value) - 1] : String(value)
        default:
            let date = CivilCalendar.civil(value)
            return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
        }
    }

    /// A calendar value of `type` read back from its text (`format` gives it), or nil.
    public static func value(_ text: String, as type: ValueType) -> Int64? {
        switch type {
        case .date:
            guard let moment = moment(text.utf8), !moment.hasTime else { return nil }
            return moment.seconds / CivilCalendar.secondsPerDay
        case .datetime:
            return moment(text.utf8)?.seconds
        default:
            return bucket(text, as: type)
        }
    }

    /// The ISO year and week number (1–53) of a week bucket.
    static func isoWeek(_ week: Int64) -> (year: Int64, number: Int64) {
        let thursday = week * 7 - 3 + 3
        let year = CivilCalendar.civil(thursday).year
        return (year, (thursday - CivilCalendar.days(year: year, month: 1, day: 1)) / 7 + 1)
    }

    /// The week bucket of ISO year `year`, week `number`, if that week exists.
    static func week(year: Int64, number: Int64) -> Int64? {
        guard CivilCalendar.years.contains(year), (1...53).contains(number) else { return nil }
        let fourthOfJanuary = CivilCalendar.days(year: year, month: 1, day: 4)
        let bucket = CivilCalendar.week(fourthOfJanuary) + number - 1
        return isoWeek(bucket).year == year ? bucket : nil
    }

    /// `value` in decimal with leading zeros to `width` digits (a minus sign first when negative).
    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A period written in a query: `"2024"`, `"2024-03"`, `"2024-03-15"` or a moment
    /// `"2024-03-15 08:30[:00]"`, as the seconds it starts at and the seconds it ends before.
    public static func period(_ text: String) -> (start: Int64, end: Int64, unit: PeriodUnit)? {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.number(4), CivilCalendar.years.contains(year) else { return nil }
        let day = CivilCalendar.secondsPerDay
        if reader.atEnd {
            let start = CivilCalendar.days(year: year, month: 1, day: 1)
            return (start * day, CivilCalendar.days(year: year + 1, month: 1, day: 1) * day, .year)
        }
        guard reader.eat(UInt8(ascii: "-")), let month = reader.number(2), (1...12).contains(month) else { return nil }
        if reader.atEnd {
            let start = CivilCalendar.days(year: year, month: month, day: 1)
            return (start * day, (start + CivilCalendar.daysIn(month: month, year: year)) * day, .month)
        }
        guard let moment = dateTime(year: year, month: month, after: &reader) else { return nil }
        return moment.hasTime ? (moment.seconds, moment.seconds + 1, .second) : (moment.seconds, moment.seconds + day, .day)
    }

    /// How long a period written in a query is.
    public enum PeriodUnit: Sendable {
        case year, month, day, second
    }

    /// An ISO 8601 date or datetime field from a file: `YYYY-MM-DD`, then optionally `T` or a
    /// space, `HH:MM`, `:SS`, a fraction (dropped) and an offset (`Z`, `±HH`, `±HHMM`, `±HH:MM`,
    /// converted to UTC). Nil for anything else, an invalid date (`1900-02-29`) included.
    public static func moment(_ bytes: some Collection<UInt8>) -> (seconds: Int64, hasTime: Bool, hasOffset: Bool)? {
        var reader = DigitReader(Array(bytes))
        guard let year = reader.number(4), reader.eat(UInt8(ascii: "-")), let month = reader.number(2) else { return nil }
        return dateTime(year: year, month: month, after: &reader)
    }

    /// The rest of a date after `YYYY-MM`: `-DD` and an optional time, to the end of the text.
    private static func dateTime(year: Int64, month: Int64, after reader: inout DigitReader) -> (seconds: Int64, hasTime: Bool, hasOffset: Bool)? {
        guard reader.eat(UInt8(ascii: "-")), let day = reader.number(2),
              CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        let midnight = CivilCalendar.days(year: year, month: month, day: day) * CivilCalendar.secondsPerDay
        if reader.atEnd { return (midnight, false, false) }
        guard reader.eat(UInt8(ascii: "T")) || reader.eat(UInt8(ascii: " ")),
              let hour = reader.number(2), hour < 24, reader.eat(UInt8(ascii: ":")),
              let minute = reader.number(2), minute < 60 else { return nil }
        var second: Int64 = 0
        if reader.eat(UInt8(ascii: ":")) {
            guard let value = reader.number(2), value < 60 else { return nil }
            second = value
            if reader.eat(UInt8(ascii: ".")) || reader.eat(UInt8(ascii: ",")) {
                guard reader.skipDigits() > 0 else { return nil }
            }
        }
        var offset: Int64 = 0
        var hasOffset = false
        if reader.eat(UInt8(ascii: "Z")) {
            hasOffset = true
        } else if let sign = reader.sign() {
            guard let hours = reader.number(2), hours <= 18 else { return nil }
            _ = reader.eat(UInt8(ascii: ":"))
            let minutes = reader.atEnd ? 0 : reader.number(2)
            guard let minutes, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
            hasOffset = true
        }
        guard reader.atEnd else { return nil }
        return (midnight + hour * 3600 + minute * 60 + second - offset, true, hasOffset)
    }

    /// A bucket label written in a query (`"2024-03"`, `"2024-Q1"`, `"2024-W11"`, `"Sat"`), as the
    /// stored bucket of `type`.
    public static func bucket(_ text: String, as type: ValueType) -> Int64? {
        var reader = DigitReader(Array(text.utf8))
        switch type {
        case .weekday:
            let folded = text.lowercased()
            guard folded.count >= 3 else { return nil }
            let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            return names.firstIndex { $0.hasPrefix(folded) }.map { Int64($0) + 1 }
        case .month:
            guard let year = reader.number(4), CivilCalendar.years.contains(year), reader.eat(UInt8(ascii: "-")),
                  let month = reader.number(2), (1...12).contains(month), reader.atEnd else { return nil }
            return year * 12 + month - 1
        case .quarter:
            guard let year = reader.number(4), CivilCalendar.years.contains(year), reader.eat(UInt8(ascii: "-")),
                  reader.eat(UInt8(ascii: "Q")) || reader.eat(UInt8(ascii: "q")),
                  let quarter = reader.number(1), (1...4).contains(quarter), reader.atEnd else { return nil }
            return year * 4 + quarter - 1
        case .week:
            guard let year = reader.number(4), reader.eat(UInt8(ascii: "-")),
                  reader.eat(UInt8(ascii: "W")) || reader.eat(UInt8(ascii: "w")),
                  let number = reader.number(2), reader.atEnd else { return nil }
            return week(year: year, number: number)
        default:
            return nil
        }
    }
}

/// Reads fixed-width digit groups and separators from the bytes of a date.
struct DigitReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    var atEnd: Bool { index == bytes.count }

    /// Exactly `width` digits as a number, or nil (reading nothing).
    mutating func number(_ width: Int) -> Int64? {
        guard index + width <= bytes.count else { return nil }
        var value: Int64 = 0
        for offset in 0..<width {
            let digit = bytes[index + offset] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        index += width
        return value
    }

    /// Reads `byte` if it comes next.
    mutating func eat(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads `+` (1) or `-` (-1) if one comes next.
    mutating func sign() -> Int64? {
        if eat(UInt8(ascii: "+")) { return 1 }
        if eat(UInt8(ascii: "-")) { return -1 }
        return nil
    }

    /// Reads a run of digits, returning how many.
    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
        return index - start
    }
}
