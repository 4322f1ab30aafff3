/// Looks in a query's kept rows and result for what a careful reader should be told: sums
/// that mix units, an incomplete year, percent changes from a small base, groups missing in
/// a compared year, and time series with missing years.
struct CaveatFinder {
    /// What to look for.
    let checks: [CaveatCheck]
    let plan: QueryPlan
    /// The rows the filters kept (nil: all rows of the source).
    let rows: Selection?
    /// Which row of each side of the query's lookups and joins every source row was made from
    /// (nil: the query combines nothing).
    var lineage: CombinedRows? = nil
    /// The result, as shown.
    let result: Table
    /// The cancellation flag, polled in every loop over rows.
    let context: ExecutionContext

    /// Bases below this make a percent change a caveat.
    static let smallBase = 100.0
    /// Group names listed in a caveat before "and N more".
    static let listed = 3
    /// Missing periods listed per series before the rest are counted.
    static let listedPeriods = 12
    /// The widest span of years, first to last, in which missing years are looked for.
    static let maxSpan: Int64 = 1_000
    /// Category values listed in a caveat before "and N more": a category has few values, and the
    /// caveat is about which were added.
    static let listedCategories = 8
    /// Unmatched rows looked at for keys to show, so that a caveat never boxes every row.
    static let keysSampled = 10_000

    /// Every caveat found, in a fixed order.
    func caveats() throws(Diagnostic) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for check in checks {
            switch check {
            case .mixedUnits(let unit, let measure):
                let caveat = if let pivot = plan.pivot {
                    try crosstabMixedUnits(pivot, unit: unit, measure: measure)
                } else {
                    try mixedUnits(unit: unit, measure: measure)
                }
                if let caveat { found.append(caveat) }
            case .mixedCategories(let category, let measure):
                if let caveat = try mixedCategories(category: category, measure: measure) { found.append(caveat) }
            case .incompleteYear(let time, let year):
                if let caveat = incompleteYear(time: time, year: year) { found.append(caveat) }
            case .missingYears(let time, let series):
                if plan.top == nil, plan.limit == nil, let caveat = try missingYears(time: time, series: series) { found.append(caveat) }
            case .population(let country, let time, let facts, let division, let summed):
                let baseGroup = division == .summed ? try sameGroup(agreeingOn: []) : nil
                var caveats = PopulationCaveats(source: plan.source, rows: rows, baseGroup: baseGroup)
                    .caveats(country: country, time: time, facts: facts, division: division, summed: summed)
                if caveats.contains(where: { $0.code == "repeated-population" }),
                   let sameGroup = try sameGroup(agreeingOn: [plan.source.columns[country].gathered(rows), plan.source.columns[time].gathered(rows)]) {
                    caveats = PopulationCaveats(source: plan.source, rows: rows, sameGroup: sameGroup, baseGroup: baseGroup)
                        .caveats(country: country, time: time, facts: facts, division: division, summed: summed)
                }
                found += caveats
            case .unmatched(let step, let keys, let dataset):
                if let otherRows = lineage?.other(step)?.rows, let caveat = try unmatched(otherRows, keys: keys, dataset: dataset) { found.append(caveat) }
            case .fanOut(let step, let ofOther, let side, let other, _):
                if let made = ofOther ? lineage?.other(step) : lineage?.before(step), let sideRows = made.rows,
                   let caveat = try fanOut(sideRows, count: made.count, side: side, other: other) { found.append(caveat) }
            case .repeatedLookup(let step, let keys, let dataset, let columns):
                if let made = lineage?.other(step), let otherRows = made.rows,
                   let caveat = try repeatedLookup(otherRows, count: made.count, keys: keys, dataset: dataset, columns: columns) { found.append(caveat) }
            case .partialPeriods(let column, let bucket):
                if let caveat = try partialPeriods(column: column, bucket: bucket) { found.append(caveat) }
            case .ofSide(let caveat, let step, let concerned):
                let side = step.map { lineage?.other($0)?.rows } ?? lineage?.start.rows
                if try usesSideRows(side, concerned: concerned) { found.append(caveat) }
            }
        }
        if let change = plan.change {
            found += try changeCaveats(change)
        }
        return found
    }

    /// The units among the kept rows, with the measure's total in each, when there are several.
    private func mixedUnits(unit: Int, measure: Int) throws(Diagnostic) -> Diagnostic? {
        try mixedValues(
            of: unit, measure: measure, code: "mixed-units", what: "different units", limit: CaveatFinder.listed,
            why: "one case can cover several persons", topic: "mixed units")
    }

    /// The categories (`kind`) among the kept rows, with the measure's total in each, when there are several.
    private func mixedCategories(category: Int, measure: Int) throws(Diagnostic) -> Diagnostic? {
        let name = plan.source.columns[category].name
        return try mixedValues(
            of: category, measure: measure, code: "mixed-categories", what: "several values of \(name)",
            limit: CaveatFinder.listedCategories, why: "one person can be counted at several stages, once for each \(name)",
            topic: "mixed categories")
    }

    /// A caveat naming each value of `column` that the sums of `measure` added, with its total,
    /// when the kept rows hold more than one; `why` says why that matters.
    private func mixedValues(
        of column: Int, measure: Int, code: String, what: String, limit: Int, why: String, topic: String
    ) throws(Diagnostic) -> Diagnostic? {
        let totals = try totalsByValue(of: column, measure: measure)
        guard totals.count > 1 else { return nil }
        let measureName = plan.source.columns[measure].name
        let columnName = plan.source.columns[column].name
        return .warning(
            code, "these sums of \(measureName) add \(what) together: " + Self.listed(totals.map { "\(Self.amount($0.total)) \($0.value)" }, limit: limit),
            help: ["\(why); add `\(columnName)` to `group by` to see them apart, or keep one with `where \(columnName) = \(totals[0].value)`",
                   "`help \(topic)` explains this"])
    }

    /// Each value of text column `column` among the kept rows with the total of `measure` over
    /// its rows, largest total first; polls the cancellation flag as it goes.
    func totalsByValue(of column: Int, measure: Int) throws(Diagnostic) -> [(value: String, total: Double)] {
        let labels = plan.source.columns[column].gathered(rows)
        let values = plan.source.columns[measure].gathered(rows)
        guard case .text(let codes, let dictionary) = labels.data else { return [] }
        var totals = [Double](repeating: 0, count: dictionary.values.count)
        var present = [Bool](repeating: false, count: dictionary.values.count)
        let numbers = values.doubles
        for i in 0..<codes.count {
            try context.checkCancelled(atRow: i)
            guard labels.isValid(i) else { continue }
            let code = Int(codes[i])
            present[code] = true
            if values.isValid(i) { totals[code] += numbers[i] }
        }
        return dictionary.values.indices.filter { present[$0] }.sorted { totals[$0] > totals[$1] }.map { (dictionary.values[$0], totals[$0]) }
    }

    /// The kept rows that a lookup found no match for, with a few of their keys.
    private func unmatched(_ otherRows: Selection, keys: [Int], dataset: String) throws(Diagnostic) -> Diagnostic? {
        var count = 0
        var shown: [String] = []
        func visit(_ row: Int) {
            guard otherRows[row] < 0 else { return }
            count += 1
            guard shown.count < CaveatFinder.listed, count <= CaveatFinder.keysSampled else { return }
            let key = keys.map { CellFormatter.raw(plan.source.columns[$0].value(at: row)) }.joined(separator: ", ")
            if !shown.contains(key) { shown.append(key) }
        }
        try forEachKept(of: otherRows.count, visit)
        guard count > 0 else { return nil }
        let keyNames = keys.map { plan.source.columns[$0].name }.joined(separator: ", ")
        return .warning(
            "unmatched-lookup", "\(NumberFormat.grouped(Int64(count))) kept \(count == 1 ? "row has" : "rows have") no match in \(dataset) (\(keyNames): \(shown.joined(separator: "; "))\(count > shown.count ? "; …" : "")), so the looked-up values are missing there",
            help: ["missing values are skipped by sums and averages; `help lookup` explains this"])
    }

    /// The kept rows made from a row of `side` that a join matched more than once: a sum
    /// counts that row once per match.
    private func fanOut(_ sideRows: Selection, count: Int, side: String, other: String) throws(Diagnostic) -> Diagnostic? {
        let repeated = try rowsRepeatedInAGroup(sideRows, count: count) { _ in }
        guard repeated > 0 else { return nil }
        return .warning(
            "join-fan-out", "\(NumberFormat.grouped(Int64(repeated))) \(repeated == 1 ? "row" : "rows") of \(side) \(repeated == 1 ? "was" : "were") counted more than once: each matched several rows of \(other), and the result counts it once per match",
            help: ["aggregate one side first, e.g. `join (\(other) group by …) on …`, or use `lookup` when the other side has one row per key; `help join` explains this"])
    }

    /// The rows of a looked-up dataset that several kept rows of one group looked up: an
    /// aggregate of a looked-up column counts each of them once per such row (a population added
    /// up once for each applicants row of its country and year).
    private func repeatedLookup(_ otherRows: Selection, count: Int, keys: [Int], dataset: String, columns: Set<Int>) throws(Diagnostic) -> Diagnostic? {
        var shown: [String] = []
        let repeated = try rowsRepeatedInAGroup(otherRows, count: count) { row in
            if shown.count < CaveatFinder.listed {
                shown.append(keys.map { CellFormatter.raw(plan.source.columns[$0].value(at: row)) }.joined(separator: ", "))
            }
        }
        guard repeated > 0 else { return nil }
        let keyNames = keys.map { plan.source.columns[$0].name }.joined(separator: ", ")
        let column = columns.min().map { plan.source.columns[$0].name } ?? dataset
        return .warning(
            "repeated-lookup", "an aggregate of \(column) counts a row of \(dataset) once for every kept row that looked it up, and \(NumberFormat.grouped(Int64(repeated))) \(repeated == 1 ? "row" : "rows") of \(dataset) \(repeated == 1 ? "was" : "were") looked up by more than one\(plan.grouping?.keys.isEmpty == false ? " of the same group" : "") (\(keyNames): \(shown.joined(separator: "; "))\(repeated > shown.count ? "; …" : ""))",
            help: ["a looked-up column has one value per group when the query groups by the lookup's keys: show it without an aggregate, e.g. `group by \(keyNames) show …, \(column)`; `help lookup` explains this"])
    }

    /// How many rows of a side of `count` rows more than one kept row of the same group came
    /// from (`sideRows[i]`: the side's row of combined row `i`, -1 for none): an aggregate of the
    /// group counts each of them once per such row. Without groups the result is one group.
    /// Calls `found` with the kept row at which each is first seen repeated, in order.
    private func rowsRepeatedInAGroup(_ sideRows: Selection, count: Int, _ found: (Int) -> Void) throws(Diagnostic) -> Int {
        var anyRepeated = false
        var seen = [Bool](repeating: false, count: count)
        try forEachKept(of: sideRows.count) { row in
            let side = Int(sideRows[row])
            guard side >= 0 else { return }
            if seen[side] { anyRepeated = true }
            seen[side] = true
        }
        guard anyRepeated else { return 0 }
        let side = rows.map { rows in rows.map { Int64(sideRows[Int($0)]) } } ?? sideRows.map(Int64.init)
        let pairs = try sameGroup(agreeingOn: [Column(name: "", data: .integer(side))])
        var uses = [UInt8](repeating: 0, count: pairs?.count ?? count)
        var counted = [Bool](repeating: false, count: count)
        var repeated = 0
        var position = 0
        try forEachKept(of: sideRows.count) { row in
            defer { position += 1 }
            let side = Int(sideRows[row])
            guard side >= 0 else { return }
            let slot = pairs.map { Int($0.ids[position]) } ?? side
            guard uses[slot] < 2 else { return }
            uses[slot] += 1
            guard uses[slot] == 2, !counted[side] else { return }
            counted[side] = true
            repeated += 1
            found(row)
        }
        return repeated
    }

    /// Per kept row, in order, a number shared by the kept rows of one group that agree on
    /// `extra` (columns of one value per kept row); nil when the query has no groups.
    private func sameGroup(agreeingOn extra: [Column]) throws(Diagnostic) -> GroupNumbering? {
        guard let keys = plan.grouping?.keys, !keys.isEmpty else { return nil }
        let evaluator = ExpressionEvaluator(table: plan.source, rows: rows, context: context)
        var columns: [Column] = []
        for key in keys { columns.append(try evaluator.evaluate(key)) }
        return try GroupNumbering(columns + extra, rowCount: evaluator.count, context: context)
    }

    /// Calls `body` with every kept row of a source of `count` rows, in order.
    private func forEachKept(of count: Int, _ body: (Int) -> Void) throws(Diagnostic) {
        if let rows {
            for (position, row) in rows.enumerated() {
                try context.checkCancelled(atRow: position)
                body(Int(row))
            }
            return
        }
        for row in 0..<count {
            try context.checkCancelled(atRow: row)
            body(row)
        }
    }

    /// Whether the result includes the incomplete year: its rows as shown when they have the time
    /// column (a `having`, `top` or `limit` may have dropped that year), else the kept rows.
    private func incompleteYear(time: Int, year: Int64) -> Diagnostic? {
        let includes = if plan.pivot == nil, let shown = result.timeColumnIndex {
            CaveatFinder.includes(year, in: result.columns[shown], rows: nil)
        } else {
            CaveatFinder.includes(year, in: plan.source.columns[time], rows: rows)
        }
        return includes ? CaveatFinder.incompleteYear(year) : nil
    }

    /// The caveat that the result includes `year`, which the source marks incomplete.
    static func incompleteYear(_ year: Int64) -> Diagnostic {
        .warning(
            "incomplete-year", "the result includes \(year), which is incomplete in the source: its figures cover only part of the year",
            help: ["compare whole years, e.g. `until \(year &- 1)`; `help incomplete year` explains this"])
    }

    /// Whether a present value of `column` at `rows` (all rows when nil) equals `year`, read on
    /// the raw numbers.
    static func includes(_ year: Int64, in column: Column, rows: Selection?) -> Bool {
        withYearTest(year, in: column) { holds in
            guard let rows else { return (0..<column.count).contains(where: holds) }
            return rows.contains { holds(Int($0)) }
        } ?? false
    }

    /// Which rows of `column` hold `year` (present values only), read on the raw numbers.
    static func rowsHolding(_ year: Int64, in column: Column) -> [Bool] {
        withYearTest(year, in: column) { holds in (0..<column.count).map(holds) } ?? [Bool](repeating: false, count: column.count)
    }

    /// `body` given a test of whether row `i` of `column` holds `year`; nil for a column of
    /// booleans or text, which holds no years.
    private static func withYearTest<Answer>(_ year: Int64, in column: Column, _ body: ((Int) -> Bool) -> Answer) -> Answer? {
        ValidityMask.withWords(column.validity) { words in
            switch column.data {
            case .integer(let values): return body { ValidityMask.isValid(words, $0) && values[$0] == year }
            case .days(let values): return body { ValidityMask.isValid(words, $0) && Int64(values[$0]) == year }
            case .decimal(let values): return body { ValidityMask.isValid(words, $0) && values[$0] == Double(year) }
            case .boolean, .text: return nil
            }
        }
    }

    /// Whether a kept row was made from a row of a parenthesised side that `concerned` marks
    /// (nil: any row of it); row `i` was made from its row `sideRows[i]` (-1: none; nil: row `i`).
    private func usesSideRows(_ sideRows: Selection?, concerned: [Bool]?) throws(Diagnostic) -> Bool {
        var used = false
        try forEachKept(of: sideRows?.count ?? plan.source.rowCount) { row in
            let sideRow = sideRows.map { Int($0[row]) } ?? row
            if sideRow >= 0, concerned.map({ $0[sideRow] }) ?? true { used = true }
        }
        return used
    }

    /// Years missing inside each series of a time series; a series spanning `maxSpan` years or more
    /// (a missing-date marker such as -9223372036854775808 among real years) is not enumerated.
    private func missingYears(time: Int, series: [Int]) throws(Diagnostic) -> Diagnostic? {
        guard time < result.columns.count else { return nil }
        let years = result.columns[time]
        var yearsBySeries: [String: Set<Int64>] = [:]
        var seriesOrder: [String] = []
        for row in 0..<result.rowCount {
            try context.checkCancelled(atRow: row)
            guard let year = years.value(at: row).timePosition else { continue }
            let name = label(row, series)
            if yearsBySeries[name] == nil { seriesOrder.append(name) }
            yearsBySeries[name, default: []].insert(year)
        }
        var gaps: [String] = []
        var missingCount = 0
        for (index, name) in seriesOrder.enumerated() {
            try context.checkCancelled(atRow: index)
            let present = (yearsBySeries[name] ?? []).sorted()
            guard let first = present.first, let last = present.last else { continue }
            let span = last.subtractingReportingOverflow(first)
            guard !span.overflow, span.partialValue < CaveatFinder.maxSpan else { continue }
            let missing = (first...last).filter { !(yearsBySeries[name] ?? []).contains($0) }
            guard !missing.isEmpty else { continue }
            missingCount += missing.count
            let written = missing.prefix(CaveatFinder.listedPeriods).map { position in
                years.calendarType.map { CalendarText.format(position, as: $0) } ?? String(position)
            }.joined(separator: ", ") + (missing.count > CaveatFinder.listedPeriods ? ", … (\(missing.count) in all)" : "")
            gaps.append(name.isEmpty ? written : "\(name): \(written)")
        }
        guard !gaps.isEmpty else { return nil }
        let shown = gaps.prefix(CaveatFinder.listed).joined(separator: "; ")
        let more = gaps.count > CaveatFinder.listed ? " (and \(gaps.count - CaveatFinder.listed) more series)" : ""
        let unit = years.calendarType.map { $0 == .date ? "day" : $0.rawValue } ?? "year"
        return .note(
            "missing-years", "the time series has no rows for some \(unit)s: \(shown)\(more)",
            help: ["a missing \(unit) is not a zero: nothing was reported; a line drawn across it hides the gap; `help missing years` explains this"])
    }

    /// Groups missing in a compared year, and percent changes from a small base.
    private func changeCaveats(_ change: ChangeSpec) throws(Diagnostic) -> [Diagnostic] {
        let keys = Array(0..<change.fromColumn)
        let before = result.columns[change.fromColumn], after = result.columns[change.toColumn]
        let percent = result.columns[change.percentColumn]
        var absent: [String] = [], small: [String] = []
        let base = before.doubles, new = after.doubles
        for row in 0..<result.rowCount {
            try context.checkCancelled(atRow: row)
            if !before.isValid(row) || !after.isValid(row) {
                absent.append(label(row, keys).isEmpty ? "the whole result" : label(row, keys))
            } else if abs(base[row]) < CaveatFinder.smallBase {
                let name = label(row, keys)
                let pct = percent.isValid(row) ? " (\(Self.signed(percent.doubles[row]))%)" : " (no percent from 0)"
                small.append((name.isEmpty ? "" : name + " ") + "\(Self.amount(base[row])) → \(Self.amount(new[row]))" + pct)
            }
        }
        var found: [Diagnostic] = []
        if !absent.isEmpty {
            let groups = absent.count == 1 ? "1 group has" : "\(absent.count) groups have"
            found.append(.note(
                "change-missing-group", "\(groups) no value in \(change.from) or \(change.to), so contribution_pct does not add up to 100: " + Self.listed(absent),
                help: ["a group missing in a year shows an empty cell, not 0: the source reported nothing; `help missing groups` explains this"]))
        }
        if !small.isEmpty { found.append(Self.smallBase(small)) }
        return found
    }

    /// The warning for percent changes from a base under `smallBase`, each written
    /// `NAME base → new (+N.N%)`.
    static func smallBase(_ changes: [String]) -> Diagnostic {
        .warning(
            "small-base", "percent change from a base under \(Int(CaveatFinder.smallBase)): " + listed(changes),
            help: ["from a small base a few more make a large percent; read the change itself; `help small base` explains this"])
    }

    /// The values of `columns` in `row`, joined by spaces.
    private func label(_ row: Int, _ columns: [Int]) -> String {
        columns.map { result.columns[$0].value(at: row).description }.joined(separator: " ")
    }

    /// Up to `limit` items, then "and N more".
    static func listed(_ items: [String], limit: Int = CaveatFinder.listed) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        return items.count > limit ? shown + " and \(items.count - limit) more" : shown
    }

    /// A number as tables show it: whole numbers grouped, others to two places.
    static func amount(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 9e15 ? NumberFormat.grouped(Int64(value)) : NumberFormat.fixed(value)
    }

    /// A percent with its sign and one decimal.
    static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : "") + NumberFormat.fixed(value, places: 1)
    }
}
