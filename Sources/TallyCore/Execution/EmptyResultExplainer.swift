/// Says why a query's filter kept no row: which condition removed every row, and what the
/// column it tests holds (its values, the closest to the one written, or its range; for a time
/// clause, the years the data cover). Run only when the filter kept nothing, so its extra passes
/// over the data cost nothing on the queries that have rows.
struct EmptyResultExplainer {
    let plan: QueryPlan
    /// The combined rows the conditions applied before the lookups and joins kept, when the
    /// lookups and joins were made over every row (nil: all combined rows).
    let combinedRows: Selection?
    let context: ExecutionContext

    /// The explanation, as notes (none when the parts cannot be told apart, or when no row was
    /// there to filter: an empty dataset, or lookups and joins that made none).
    func notes() throws(Diagnostic) -> [Diagnostic] {
        let stages = filterStages
        guard let first = stages.first, first.table.rowCount > 0 else { return [] }
        let filter = RowFilter(table: first.table, context: context)
        for part in first.parts where try filter.select(part.condition, from: nil).isEmpty {
            if isWarnedAbout(part) { return [] }
            return [.note("empty-result", "`\(part.text)` matches no row of \(first.table.name)", help: describe(part, among: nil, in: first.table, narrowed: false))]
        }
        var before: [String] = []
        for (index, stage) in stages.enumerated() {
            guard stage.table.rowCount > 0 else { return [] }
            let filter = RowFilter(table: stage.table, context: context)
            var kept = index > 0 ? combinedRows : nil
            for part in stage.parts {
                let left = try filter.select(part.condition, from: kept)
                if left.isEmpty, !before.isEmpty {
                    if isWarnedAbout(part) { return [] }
                    let rows = kept?.count ?? stage.table.rowCount
                    let count = NumberFormat.counted(rows, "row")
                    return [.note(
                        "empty-result", "`\(part.text)` matches none of the \(count) left by `\(before.joined(separator: " and "))`",
                        help: describe(part, among: kept, in: stage.table, narrowed: true))]
                }
                kept = left
                before.append(part.text)
            }
        }
        return []
    }

    /// Whether the binder already warned that a value written in `part` is not in its column,
    /// which says why the part matches no row.
    private func isWarnedAbout(_ part: FilterPart) -> Bool {
        plan.warnings.contains { $0.code == Binder.absentValueCode && ($0.span.map(part.span.contains) ?? false) }
    }

    /// The row filter's parts in the order they run, with the table they test: those applied
    /// before the lookups and joins over the dataset, then the rest over the combined rows
    /// (only the rows the first kept, or `combinedRows` of them); each group in the order of the query.
    private var filterStages: [(table: Table, parts: [FilterPart])] {
        let outline = plan.outline
        let pushed = outline.pushedConditions.flatMap(\.parts).sorted { $0.span.start < $1.span.start }
        guard !pushed.isEmpty else { return [(outline.source, outline.filterParts)] }
        let pushedSpans = Set(pushed.map(\.span.start))
        return [(outline.scanned, pushed), (outline.source, outline.filterParts.filter { !pushedSpans.contains($0.span.start) })]
    }

    /// What the column a condition tests holds in `table`, among `rows` (nil: all rows), said to
    /// be among the rows left when `narrowed`.
    private func describe(_ part: FilterPart, among rows: Selection?, in table: Table, narrowed: Bool) -> [String] {
        guard let (column, written) = testedColumn(part.condition) else { return [] }
        let values = table.columns[column].gathered(rows)
        let name = table.columns[column].name
        let scope = narrowed ? "there, " : ""
        if case .text(let codes, let dictionary) = values.data {
            var present = [Bool](repeating: false, count: dictionary.count)
            for i in 0..<codes.count where values.isValid(i) { present[Int(codes[i])] = true }
            let held = dictionary.values.indices.filter { present[$0] }.map { dictionary.values[$0] }
            guard !held.isEmpty else { return ["\(scope)\(name) is always missing"] }
            let closest = written.flatMap { Suggestion.closest(to: $0, among: held) }.map { "; did you mean '\($0)'?" } ?? ""
            return [scope + ColumnValueListing.holds(held, column: name) + closest]
        }
        guard values.type.isNumeric else { return [] }
        let numbers = values.doubles
        let valid = (0..<values.count).filter { values.isValid($0) }
        guard let low = valid.map({ numbers[$0] }).min(), let high = valid.map({ numbers[$0] }).max() else {
            return ["\(scope)\(name) is always missing"]
        }
        if part.isTime, rows == nil { return ["the data cover \(number(low, grouped: false)) to \(number(high, grouped: false)) (\(name))"] }
        return ["\(scope)\(name) runs from \(number(low)) to \(number(high))"]
    }

    /// The source column a condition tests, with the text value it is compared with, if any.
    private func testedColumn(_ condition: BoundExpr) -> (Int, String?)? {
        switch condition {
        case .comparison(_, .column(let index, _), .literal(let value, _)):
            if case .text(let text) = value { return (index, text) }
            return (index, nil)
        case .inSet(.column(let index, _), let values, _):
            if values.count == 1, case .text(let text)? = values.first { return (index, text) }
            return (index, nil)
        case .textMatch(_, .column(let index, _), let pattern):
            return (index, pattern)
        case .isMissing(.column(let index, _), _):
            return (index, nil)
        case .domain(let term):
            guard term.expression.type == .boolean, case .column(let index, _)? = term.expression.operands.first else { return nil }
            return (index, nil)
        case .and(let left, let right):
            guard let first = testedColumn(left), let second = testedColumn(right), first.0 == second.0 else { return nil }
            return (first.0, nil)
        case .not(let inner):
            return testedColumn(inner).map { ($0.0, nil) }
        default:
            return nil
        }
    }

    /// A number as a table shows it: whole numbers without decimals, grouped unless they are years.
    private func number(_ value: Double, grouped: Bool = true) -> String {
        guard value.rounded() == value, abs(value) < 9e15 else { return NumberFormat.fixed(value) }
        return grouped ? NumberFormat.grouped(Int64(value)) : String(Int64(value))
    }
}
