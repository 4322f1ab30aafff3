extension CaveatFinder {
    /// A first or last period that the kept rows cover only in part: rows of a month that start
    /// after its first day or end before its last make a total that looks like a rise or a fall.
    /// Read on the raw day numbers (a datetime counts by its day); nil when both ends are whole.
    /// Polls the cancellation flag as it reads the rows.
    func partialPeriods(column: Int, bucket: ScalarFunction.ID) throws(Diagnostic) -> Diagnostic? {
        let source = plan.source.columns[column]
        let (low, high): (Int64, Int64)
        let isDatetime: Bool
        switch source.data {
        case .days(let days):
            (low, high) = try KeyCoder.range(of: days, validity: source.validity, rows: rows, context: context)
            isDatetime = false
        case .integer(let seconds) where source.calendarType == .datetime:
            (low, high) = try KeyCoder.range(of: seconds, validity: source.validity, rows: rows, context: context)
            isDatetime = true
        default:
            return nil
        }
        guard low <= high else { return nil }
        let day = { (value: Int64) in isDatetime ? CivilCalendar.floorDivide(value, CivilCalendar.secondsPerDay) : value }
        guard let start = PeriodBounds(of: day(low), bucket: bucket), let end = PeriodBounds(of: day(high), bucket: bucket) else { return nil }
        let period = bucket == .week ? "week" : bucket.rawValue
        let text = { (value: Int64) in CalendarText.format(day(value), as: .date) }
        let startsLate = day(low) > start.first, endsEarly = day(high) < end.last
        let said: String
        var whose = "its"
        switch (startsLate, endsEarly) {
        case (true, true) where start.first == end.first:
            said = "the only \(period), \(start.written), has rows from \(text(low)) to \(text(high))"
        case (true, true):
            said = "the first \(period), \(start.written), has rows from \(text(low)) and the last, \(end.written), until \(text(high))"
            whose = "their"
        case (true, false):
            said = "the first \(period), \(start.written), has rows only from \(text(low))"
        case (false, true):
            said = "the last \(period), \(end.written), has rows only until \(text(high))"
        case (false, false):
            return nil
        }
        return .warning(
            "partial-period", "\(said): if the data stop there, \(whose) figures cover only part of the \(period)",
            help: ["compare whole \(period)s (a `since` or `until` of whole periods), or read it apart; `help partial periods` explains this"])
    }
}
