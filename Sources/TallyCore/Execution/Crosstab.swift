/// Spreads a grouped table into a crosstab (`across KEY`): one row per combination of the row
/// keys, one column per value of the across key (in time order, or by total largest first),
/// each cell the first aggregate of its group — missing where the group has no rows, never 0 —
/// and a `total` per row. Works on the grouped table's rows only: its groups are numbered by
/// their key codes (`GroupNumbering`) and every value is moved by position.
struct Crosstab {
    let pivot: PivotSpec
    let grouping: Aggregate
    /// The dataset and the rows the query kept, for totals that need every value (`median`).
    let source: Table
    let rows: Selection?
    let context: ExecutionContext

    /// The crosstab of `grouped` (row keys, the across key, then the aggregates): its row keys,
    /// `total`, then the columns of values; the outputs of those columns, and the values of the
    /// across key they hold, in order. Without row keys there is one row, as for an aggregate
    /// over all kept rows: over no rows, only a missing `total`.
    func spread(_ grouped: Table) throws(Diagnostic) -> (table: Table, columns: [OutputColumn], values: [Value]) {
        let keyCount = pivot.rowKeyCount
        if keyCount == 0 && grouped.rowCount == 0 {
            var total = Column.constant(.missing, type: pivot.asShare ? .decimal : pivot.cell.type, count: 1)
            total.name = PivotSpec.totalName
            return (Table(name: source.name, columns: [total], rowCount: 1), [], [])
        }
        let cells = try ExpressionEvaluator(table: grouped, rows: nil, context: context).evaluate(pivot.cell)
        let rowGroups = try GroupNumbering(Array(grouped.columns.prefix(keyCount)), rowCount: grouped.rowCount, context: context)
        let columnGroups = try GroupNumbering([grouped.columns[keyCount]], rowCount: grouped.rowCount, context: context)
        guard columnGroups.count <= PivotSpec.maxColumns else { throw tooManyColumns(columnGroups.count) }
        try context.checkCancelled()

        let totals = CrosstabTotals(pivot: pivot, grouping: grouping, grouped: grouped, source: source, rows: rows, context: context)
        let rowTotals = try totals.total(over: rowGroups, keeping: Array(0..<keyCount))
        let columnTotals = pivot.inTimeOrder ? nil : try totals.total(over: columnGroups, keeping: [keyCount])
        let values = grouped.columns[keyCount].gathered(columnGroups.first)
        let order = RowOrder.permutation(
            count: columnGroups.count,
            keys: (pivot.inTimeOrder ? [] : columnTotals.map { [($0, true)] } ?? []) + [(values, false)])

        var fineRow = [Int32](repeating: -1, count: rowGroups.count * columnGroups.count)
        for row in 0..<grouped.rowCount {
            fineRow[Int(columnGroups.ids[row]) * rowGroups.count + Int(rowGroups.ids[row])] = Int32(truncatingIfNeeded: row)
        }
        var columns: [Column] = []
        for index in 0..<keyCount {
            var key = grouped.columns[index].gathered(rowGroups.first)
            key.name = grouping.keyNames[index]
            columns.append(key)
        }
        var total = pivot.asShare ? rowTotals.percentsOfSum : rowTotals
        total.name = PivotSpec.totalName
        columns.append(total)

        var outputs: [OutputColumn] = []
        var names = Set(columns.map { $0.name.lowercased() })
        for group in order {
            let positions = Array(fineRow[(group * rowGroups.count)..<((group + 1) * rowGroups.count)])
            var column = cells.placed(at: positions)
            if pivot.asShare { column = column.percentsOfSum }
            let value = values.value(at: group)
            column.name = value.isMissing ? "missing" : CellFormatter.raw(value)
            guard names.insert(column.name.lowercased()).inserted else { throw duplicateName(column.name) }
            outputs.append(OutputColumn(
                name: column.name, expr: .column(columns.count, column.type),
                separatesThousands: pivot.separatesThousands, role: pivot.role))
            columns.append(column)
        }
        return (Table(name: source.name, columns: columns, rowCount: rowGroups.count), outputs, order.map { values.value(at: $0) })
    }

    private func tooManyColumns(_ count: Int) -> Diagnostic {
        .error("across-too-wide", "across \(pivot.keyName) would make \(count) columns; at most \(PivotSpec.maxColumns) fit",
               at: pivot.keySpan, label: "\(count) different values",
               help: ["keep fewer values with `where` or a time clause (e.g. `since 2015`), or group by \(pivot.keyName) to see them as rows"])
    }

    private func duplicateName(_ name: String) -> Diagnostic {
        .error("duplicate-output", "the crosstab would have two columns named '\(name)'", at: pivot.keySpan,
               label: "a value of \(pivot.keyName) is also the name of a column",
               help: ["rename the row key with a computed key, or across another column"])
    }
}

extension Column {
    /// The values at `positions`, missing where a position is negative.
    func placed(at positions: [Int32]) -> Column {
        var result = gathered(positions.map { max($0, 0) })
        if positions.contains(where: { $0 < 0 }) {
            var mask = result.validity ?? ValidityMask(count: positions.count)
            for (index, position) in positions.enumerated() where position < 0 { mask.set(index, valid: false) }
            result.validity = mask
        }
        return result
    }
}
