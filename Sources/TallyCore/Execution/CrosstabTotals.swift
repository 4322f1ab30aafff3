/// The first aggregate of a crosstab over coarser groups than its cells: a whole row (`total`),
/// a whole column (the order of columns by total). Aggregates that add
/// up (`count`, `sum`, `min`, `max`) are rolled up from the grouped table's rows; the others
/// (`avg`, `median`, `distinct`) are computed again over the kept rows.
struct CrosstabTotals {
    let pivot: PivotSpec
    let grouping: Aggregate
    /// The grouped table: row keys, the across key, then the aggregates.
    let grouped: Table
    let source: Table
    let rows: Selection?
    let context: ExecutionContext

    /// The first aggregate of each group of `groups`, which share the values of the grouped
    /// table's key columns `kept`.
    func total(over groups: GroupNumbering, keeping kept: [Int]) throws(Diagnostic) -> Column {
        let keyCount = grouping.keys.count
        var columns: [Column] = []
        for index in 0..<keyCount {
            let key = grouped.columns[index]
            columns.append(kept.contains(index) ? key.gathered(groups.first) : .constant(.missing, type: key.type, count: groups.count))
        }
        let rollsUp = grouping.aggregates.allSatisfy { $0.condition == nil && CrosstabTotals.rolling($0.function) != nil }
        if rollsUp {
            for (offset, spec) in grouping.aggregates.enumerated() {
                columns.append(try grouped.columns[keyCount + offset].rolledUp(CrosstabTotals.rolling(spec.function) ?? .sum, groups: groups))
            }
        } else {
            columns += try recomputed(over: groups, keeping: kept)
        }
        let table = Table(name: grouped.name, columns: columns, rowCount: groups.count)
        return try ExpressionEvaluator(table: table, rows: nil, context: context).evaluate(pivot.cell)
    }

    /// How an aggregate of parts gives the aggregate of the whole, when it does.
    static func rolling(_ function: AggregateFunction) -> AggregateFunction? {
        switch function {
        case .count, .countValues, .sum: return .sum
        case .min, .max, .only: return function
        case .avg, .median, .distinct: return nil
        }
    }

    /// The aggregates computed again over the kept rows, grouped by the kept keys, and matched
    /// to `groups` by their key values.
    private func recomputed(over groups: GroupNumbering, keeping kept: [Int]) throws(Diagnostic) -> [Column] {
        let coarse = Aggregate(
            input: grouping.input, keys: kept.map { grouping.keys[$0] }, keyNames: kept.map { grouping.keyNames[$0] },
            aggregates: grouping.aggregates)
        let table = try GroupedAggregation(source: source, grouping: coarse, context: context).run(rows: rows)
        var matched: [Column] = []
        for (position, index) in kept.enumerated() {
            matched.append(grouped.columns[index].gathered(groups.first).appending(table.columns[position]))
        }
        let numbering = try GroupNumbering(matched, rowCount: groups.count + table.rowCount, context: context)
        var rowOfGroup = [Int32](repeating: -1, count: numbering.count)
        for row in 0..<table.rowCount { rowOfGroup[Int(numbering.ids[groups.count + row])] = Int32(truncatingIfNeeded: row) }
        let positions = (0..<groups.count).map { rowOfGroup[Int(numbering.ids[$0])] }
        return table.columns.dropFirst(kept.count).map { $0.placed(at: positions) }
    }
}

extension Column {
    /// The values combined per group of `groups` by `function` (`sum`, `min`, `max` or `only`),
    /// skipping missing values; a group without values is missing. An integer sum beyond 64 bits
    /// is an error, as it is when aggregating rows.
    func rolledUp(_ function: AggregateFunction, groups: GroupNumbering) throws(Diagnostic) -> Column {
        var validity = ValidityMask(count: groups.count, allValid: false)
        for row in 0..<count where isValid(row) { validity.set(Int(groups.ids[row]), valid: true) }
        let mask = validity.missingCount == 0 ? nil : validity
        switch data {
        case .integer(let values):
            let results = try combined(values, groups: groups) { a, b throws(Diagnostic) in
                switch function {
                case .sum:
                    let (sum, overflow) = a.addingReportingOverflow(b)
                    if overflow { throw SlotIntegerSum.overflow }
                    return sum
                case .min: return Swift.min(a, b)
                case .max: return Swift.max(a, b)
                default: return a
                }
            }
            return Column(name: name, data: .integer(results), validity: mask)
        case .decimal(let values):
            let results = try combined(values, groups: groups) { a, b in
                switch function {
                case .sum: return a + b
                case .min: return Swift.min(a, b)
                case .max: return Swift.max(a, b)
                default: return a
                }
            }
            return Column(name: name, data: .decimal(results), validity: mask)
        case .boolean, .text, .days:
            let compare = RowOrder.comparator(for: self, descending: function == .max)
            var firstRow = [Int32](repeating: -1, count: groups.count)
            for row in 0..<count where isValid(row) {
                let group = Int(groups.ids[row])
                let best = firstRow[group]
                if best < 0 || (function != .only && compare(row, Int(best)) < 0) {
                    firstRow[group] = Int32(truncatingIfNeeded: row)
                }
            }
            return placed(at: firstRow)
        }
    }

    /// The present values of each group folded by `combine`, first to last (0 for a group without any).
    private func combined<Number: Numeric>(
        _ values: [Number], groups: GroupNumbering, _ combine: (Number, Number) throws(Diagnostic) -> Number
    ) throws(Diagnostic) -> [Number] {
        var results = [Number](repeating: 0, count: groups.count)
        var seen = [Bool](repeating: false, count: groups.count)
        for row in 0..<count where isValid(row) {
            let group = Int(groups.ids[row])
            if seen[group] { results[group] = try combine(results[group], values[row]) } else { results[group] = values[row]; seen[group] = true }
        }
        return results
    }
}
