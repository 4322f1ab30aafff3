/// The proleptic Gregorian calendar as tally stores it: a date is a count of days since
/// 1970-01-01, a datetime a count of seconds since 1970-01-01 00:00:00 UTC, and the buckets count
/// months (`year * 12 + month - 1`), quarters (`year * 4 + quarter - 1`), ISO weeks (weeks since
/// the Monday 1969-12-29) and weekdays (1 = Monday … 7 = Sunday). Years run from 0001 to 9999.
public enum CivilCalendar {
    /// Seconds in a day.
    public static let secondsPerDay: Int64 = 86_400
    /// The first and last year a date may have.
    public static let years: ClosedRange<Int64> = 1...9999

    /// Whether `year` has a February 29.
    public static func isLeap(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of `month` (1–12) in `year`.
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day number of a valid date (see `isValid`).
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day of a day number.
    public static func civil(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether the year, month and day make a date tally can hold.
    public static func isValid(year: Int64, month: Int64, day: Int64) -> Bool {
        years.contains(year) && (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// The first and last day numbers tally can hold.
    public static let dayRange: ClosedRange<Int64> = days(year: 1, month: 1, day: 1)...days(year: 9999, month: 12, day: 31)

    /// `a / b` rounded towards minus infinity.
    @inline(__always)
    public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    @inline(__always)
    public static func weekday(_ days: Int64) -> Int64 {
        days + 3 - floorDivide(days + 3, 7) * 7 + 1
    }

    /// The ISO week of a day number, counted from the week of Monday 1969-12-29.
    @inline(__always)
    public static func week(_ days: Int64) -> Int64 {
        floorDivide(days + 3, 7)
    }

    /// The month bucket of a day number.
    @inline(__always)
    public static func month(_ days: Int64) -> Int64 {
        let date = civil(days)
        return date.year * 12 + date.month - 1
    }

    /// The weekday names, Monday first.
    public static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
}
