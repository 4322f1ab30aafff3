/// The first and last day of the calendar period (year, quarter, month or ISO week) that holds a
/// day, for telling whether rows cover a whole period.
struct PeriodBounds {
    /// The buckets that span several days.
    static let buckets: Set<ScalarFunction.ID> = [.year, .quarter, .month, .week]

    /// The period's first day number.
    let first: Int64
    /// The period's last day number.
    let last: Int64
    /// The period as the bucket writes it (`2024-07`, `2024-Q3`, `2024-W29`, `2024`).
    let written: String

    /// The `bucket` period that holds day number `day`; nil for a bucket that is one day or none.
    init?(of day: Int64, bucket: ScalarFunction.ID) {
        let date = CivilCalendar.civil(day)
        switch bucket {
        case .year:
            first = CivilCalendar.days(year: date.year, month: 1, day: 1)
            last = CivilCalendar.days(year: date.year, month: 12, day: 31)
            written = String(date.year)
        case .quarter:
            let firstMonth = (date.month - 1) / 3 * 3 + 1
            first = CivilCalendar.days(year: date.year, month: firstMonth, day: 1)
            last = CivilCalendar.days(year: date.year, month: firstMonth + 2, day: CivilCalendar.daysIn(month: firstMonth + 2, year: date.year))
            written = CalendarText.format(date.year * 4 + (date.month - 1) / 3, as: .quarter)
        case .month:
            first = CivilCalendar.days(year: date.year, month: date.month, day: 1)
            last = CivilCalendar.days(year: date.year, month: date.month, day: CivilCalendar.daysIn(month: date.month, year: date.year))
            written = CalendarText.format(CivilCalendar.month(day), as: .month)
        case .week:
            first = day - (CivilCalendar.weekday(day) - 1)
            last = first + 6
            written = CalendarText.format(CivilCalendar.week(day), as: .week)
        default:
            return nil
        }
    }
}
