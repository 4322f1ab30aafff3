extension CaveatFinder {
    /// Mixed units in a crosstab, said where they are: the columns of values whose sums add
    /// several units, or, when the units are the columns, the `total` that adds them.
    func crosstabMixedUnits(_ pivot: PivotSpec, unit: Int, measure: Int) throws(Diagnostic) -> Diagnostic? {
        guard let acrossKey = plan.grouping?.keys[pivot.rowKeyCount] else { return nil }
        let measureName = plan.source.columns[measure].name
        let unitName = plan.source.columns[unit].name
        let why = "one case can cover several persons"
        if acrossKey.columnIndex == unit {
            let totals = try totalsByValue(of: unit, measure: measure)
            guard totals.count > 1 else { return nil }
            return .warning(
                "mixed-units", "the total of each row adds different units together: " + Self.listed(totals.map { "\(Self.amount($0.total)) \($0.value)" }),
                help: ["\(why); read the columns apart, or keep one with `where \(unitName) = \(totals[0].value)`", "`help mixed units` explains this"])
        }
        let values = try ExpressionEvaluator(table: plan.source, rows: rows, context: context).evaluate(acrossKey)
        let units = plan.source.columns[unit].gathered(rows), amounts = plan.source.columns[measure].gathered(rows)
        guard case .text(let codes, let dictionary) = units.data else { return nil }
        let columns = try GroupNumbering([values], rowCount: values.count, context: context)
        var totals = [[Double?]](repeating: [Double?](repeating: nil, count: dictionary.count), count: columns.count)
        let numbers = amounts.doubles
        for row in 0..<values.count where units.isValid(row) {
            try context.checkCancelled(atRow: row)
            let column = Int(columns.ids[row]), code = Int(codes[row])
            totals[column][code] = (totals[column][code] ?? 0) + (amounts.isValid(row) ? numbers[row] : 0)
        }
        let names = result.columns.map(\.name)
        var mixed: [(position: Int, text: String)] = []
        for (column, first) in columns.first.enumerated() {
            let present = dictionary.values.indices.filter { totals[column][$0] != nil }
            guard present.count > 1 else { continue }
            let value = values.value(at: Int(first))
            let name = value.isMissing ? "missing" : CellFormatter.raw(value)
            let parts = present.sorted { (totals[column][$0] ?? 0) > (totals[column][$1] ?? 0) }
                .map { "\(Self.amount(totals[column][$0] ?? 0)) \(dictionary.values[$0])" }
            mixed.append((names.firstIndex(of: name) ?? Int.max, "\(name) (\(parts.joined(separator: ", ")))"))
        }
        guard !mixed.isEmpty else { return nil }
        let listed = Self.listed(mixed.sorted { $0.position < $1.position }.map(\.text))
        let largest = dictionary.values.indices.max { a, b in
            totals.reduce(0) { $0 + ($1[a] ?? 0) } < totals.reduce(0) { $0 + ($1[b] ?? 0) }
        }.map { dictionary.values[$0] } ?? ""
        let placesMixed = mixed.count == columns.count ? "in every column" : "in \(mixed.count) of the \(columns.count) columns"
        return .warning(
            "mixed-units", "these sums of \(measureName) add different units together \(placesMixed): \(listed)",
            help: ["\(why); add `\(unitName)` to `group by` to see them apart, or keep one with `where \(unitName) = \(largest)`",
                   "`help mixed units` explains this"])
    }
}
