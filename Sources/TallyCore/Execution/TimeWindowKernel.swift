/// Computes a `TimeWindow` over the rows of a grouped table: the rows are put in order by
/// series (the other keys, numbered by their codes) and time, and each series is walked once.
/// A time key counts periods (years, or the days, weeks, months or quarters of `CivilCalendar`),
/// so the period before P is P − 1: a row whose series has no row in P − 1 gets a missing
/// `previous` and `growth`, however close the row above it is. The caveats found on the way (a gap
/// before a value, a moving average across a gap, growth from a small base) are recorded in the
/// execution context, once each, for the rows shown.
struct TimeWindowKernel {
    let window: TimeWindow
    /// The grouped table.
    let table: Table
    let context: ExecutionContext

    /// Growth caveats list the series and periods with a small base, up to this many.
    static let listed = 3

    /// The window's values for every row of the table, from the base values `base`.
    func run(base: Column) throws(Diagnostic) -> Column {
        let count = table.rowCount
        let times = table.columns[window.time]
        guard case .integer(let periods) = times.data else {
            throw .error("internal", "the time key of \(window.name) does not count periods")
        }
        let series = try GroupNumbering(window.series.map { table.columns[$0] }, rowCount: count, context: context)
        let order = (0..<count).filter { times.isValid($0) }.sorted {
            (series.ids[$0], periods[$0]) < (series.ids[$1], periods[$1])
        }
        var runs: [ArraySlice<Int>] = []
        var start = 0
        for position in order.indices where position + 1 == order.count || series.ids[order[position + 1]] != series.ids[order[position]] {
            runs.append(order[start...position])
            start = position + 1
        }
        var notes = Notes()
        let result: Column
        switch window.function {
        case .previous, .growth:
            var previous = [Int32](repeating: -1, count: count)
            for run in runs {
                for (before, row) in zip(run, run.dropFirst()) {
                    if periods[row] &- periods[before] == 1 {
                        previous[row] = Int32(truncatingIfNeeded: before)
                    } else if isShown(row) {
                        notes.gaps.append("\(label(row)) (no rows in \(self.periods(from: periods[before] &+ 1, through: periods[row] &- 1)))")
                    }
                }
            }
            let earlier = base.placed(at: previous)
            result = window.function == .previous ? earlier : growth(from: earlier, to: base, notes: &notes)
        case .cumulative:
            result = try cumulative(base, runs: runs)
        case .movingAverage(let width):
            result = movingAverage(base, width: width, runs: runs, periods: periods, notes: &notes)
        }
        for note in notes.diagnostics(window) { context.warn(note) }
        return result
    }

    /// Whether `row` is in the result shown, whose rows alone get caveats.
    private func isShown(_ row: Int) -> Bool {
        context.shownRows?.contains(row) ?? false
    }

    /// A period of the time key as written (`2015`, `2024-03`, `2024-W11`).
    private func period(_ value: Int64) -> String {
        table.columns[window.time].calendarType.map { CalendarText.format(value, as: $0) } ?? String(value)
    }

    /// The periods from `first` through `last` (`2012–2014`; `2024-01 to 2024-03`, as a dash
    /// would read as part of a date).
    private func periods(from first: Int64, through last: Int64) -> String {
        if first == last { return period(first) }
        return period(first) + (table.columns[window.time].calendarType == nil ? "–" : " to ") + period(last)
    }

    /// The series and time of `row` (`DEU 2016`).
    private func label(_ row: Int) -> String {
        (window.series + [window.time]).map { table.columns[$0].value(at: row).description }.joined(separator: " ")
    }

    /// `(new − base) / |base| × 100`, missing where either is missing or the base is 0; bases
    /// under 100 are noted.
    private func growth(from earlier: Column, to current: Column, notes: inout Notes) -> Column {
        let a = earlier.doubles, b = current.doubles
        var values = [Double](repeating: 0, count: current.count)
        var validity = ValidityMask(count: current.count)
        for row in 0..<current.count {
            guard earlier.bothValid(current, row), a[row] != 0 else { validity.set(row, valid: false); continue }
            values[row] = (b[row] - a[row]) / abs(a[row]) * 100
            if abs(a[row]) < CaveatFinder.smallBase, isShown(row) {
                notes.smallBases.append("\(label(row)) \(CaveatFinder.amount(a[row])) → \(CaveatFinder.amount(b[row])) (\(CaveatFinder.signed(values[row]))%)")
            }
        }
        return Column(name: "", data: .decimal(values), validity: validity.missingCount == 0 ? nil : validity)
    }

    /// The running total of each series in time order; missing until a value is present. An
    /// integer total beyond 64 bits is an error, as a sum is.
    private func cumulative(_ base: Column, runs: [ArraySlice<Int>]) throws(Diagnostic) -> Column {
        var validity = ValidityMask(count: base.count, allValid: false)
        switch base.data {
        case .integer(let values):
            var totals = [Int64](repeating: 0, count: base.count)
            for run in runs {
                var total: Int64?
                for row in run {
                    if base.isValid(row) {
                        let (sum, overflow) = (total ?? 0).addingReportingOverflow(values[row])
                        if overflow { throw SlotIntegerSum.overflow }
                        total = sum
                    }
                    if let total { totals[row] = total; validity.set(row, valid: true) }
                }
            }
            return Column(name: "", data: .integer(totals), validity: validity.missingCount == 0 ? nil : validity)
        default:
            let values = base.doubles
            var totals = [Double](repeating: 0, count: base.count)
            for run in runs {
                var total: Double?
                for row in run {
                    if base.isValid(row) { total = (total ?? 0) + values[row] }
                    if let total { totals[row] = total; validity.set(row, valid: true) }
                }
            }
            return Column(name: "", data: .decimal(totals), validity: validity.missingCount == 0 ? nil : validity)
        }
    }

    /// The mean of the present values of each row and the `width − 1` rows before it in its
    /// series; missing while the series has fewer rows. Windows longer in time than `width`
    /// periods (they span a gap) are noted.
    private func movingAverage(_ base: Column, width: Int, runs: [ArraySlice<Int>], periods: [Int64], notes: inout Notes) -> Column {
        let values = base.doubles
        var means = [Double](repeating: 0, count: base.count)
        var validity = ValidityMask(count: base.count, allValid: false)
        for run in runs {
            let rows = Array(run)
            for end in rows.indices where end + 1 >= width {
                let span = rows[(end + 1 - width)...end]
                let present = span.filter { base.isValid($0) }
                guard !present.isEmpty else { continue }
                means[rows[end]] = present.reduce(0) { $0 + values[$1] } / Double(present.count)
                validity.set(rows[end], valid: true)
                if let first = span.first, periods[rows[end]] &- periods[first] >= Int64(width), isShown(rows[end]) {
                    notes.wideWindows.append("\(label(rows[end])) averages \(self.periods(from: periods[first], through: periods[rows[end]]))")
                }
            }
        }
        return Column(name: "", data: .decimal(means), validity: validity.missingCount == 0 ? nil : validity)
    }

    /// What the walk found that a reader should know.
    struct Notes {
        /// Rows without a previous period because of a gap: `DEU 2016 (no rows in 2015)`.
        var gaps: [String] = []
        /// Growth from a small base: `DEU 2013 67 → 65 (-3.0%)`.
        var smallBases: [String] = []
        /// Moving averages across a gap: `DEU 2017 averages 2014–2017`.
        var wideWindows: [String] = []

        /// The diagnostics for `window`.
        func diagnostics(_ window: TimeWindow) -> [Diagnostic] {
            var found: [Diagnostic] = []
            if !gaps.isEmpty {
                found.append(.note(
                    "window-gap", "no previous period to compare with after a gap: " + CaveatFinder.listed(gaps),
                    help: ["a period without rows is not a zero: nothing was reported, so there is nothing to compare with; `help previous` explains this"]))
            }
            if !smallBases.isEmpty { found.append(CaveatFinder.smallBase(smallBases)) }
            if !wideWindows.isEmpty {
                found.append(.warning(
                    "moving-average-gap", "\(window.name) spans a gap, so it averages periods further apart: " + CaveatFinder.listed(wideWindows),
                    help: ["it averages the periods that have rows; `help moving average` explains this"]))
            }
            return found
        }
    }
}
