/// Count, sum, smallest and largest of a numeric column over the kept rows, in one fused pass
/// per part: the fast path for aggregates without groups (`show count, sum(x), min(x), max(x)`).
struct ColumnTotals {
    /// Rows with a value.
    var present: Int64 = 0
    /// The exact sum of an integer column, in 128 bits, which no count of 64-bit values can
    /// leave: only the finished sum must fit 64 bits.
    var integerSum: Int128 = 0
    /// The sum of a decimal column.
    var decimalSum: Double = 0
    /// A row holding the smallest and the largest value, when any value is present.
    var minimumRow: Int?
    var maximumRow: Int?

    /// The totals of `column` over `rows` (all rows when nil), parts run on both cores and
    /// combined in order.
    static func compute(_ column: Column, rows: Selection?, context: ExecutionContext) throws(Diagnostic) -> ColumnTotals {
        let total = rows?.count ?? column.count
        let parts = Parallel.ranges(total, parts: Parallel.partCount(total))
        let pieces = Parallel.map(parts.count) { part in
            Result { () throws(Diagnostic) -> ColumnTotals in
                try context.checkCancelled()
                switch column.data {
                case .integer(let values): return ColumnTotals.integers(values, column.validity, rows, parts[part])
                case .days(let values): return ColumnTotals.integers(values, column.validity, rows, parts[part])
                case .decimal(let values): return ColumnTotals.decimals(values, column.validity, rows, parts[part])
                case .text, .boolean: return ColumnTotals()
                }
            }
        }
        var combined = ColumnTotals()
        for piece in pieces { combined.add(try piece.get(), in: column) }
        return combined
    }

    private static func integers<Stored: FixedWidthInteger & SignedInteger>(
        _ values: [Stored], _ validity: ValidityMask?, _ rows: Selection?, _ range: Range<Int>
    ) -> ColumnTotals {
        var totals = ColumnTotals()
        var sum: Int64 = 0, low = Int64.max, high = Int64.min, lowRow = -1, highRow = -1, count: Int64 = 0
        values.withUnsafeBufferPointer { values in
            forEachRow(rows, range, validity) { row in
                let value = Int64(values[row])
                sum &+= value
                count &+= 1
                if value < low { low = value; lowRow = row }
                if value > high { high = value; highRow = row }
            }
        }
        totals.present = count
        guard count > 0 else { return totals }
        totals.minimumRow = lowRow
        totals.maximumRow = highRow
        let largest = max(low.magnitude, high.magnitude)
        let (bound, overflow) = largest.multipliedReportingOverflow(by: UInt64(count))
        if overflow || bound > UInt64(Int64.max) {
            var wide: Int128 = 0
            values.withUnsafeBufferPointer { values in forEachRow(rows, range, validity) { wide &+= Int128(values[$0]) } }
            totals.integerSum = wide
        } else {
            totals.integerSum = Int128(sum)
        }
        return totals
    }

    private static func decimals(_ values: [Double], _ validity: ValidityMask?, _ rows: Selection?, _ range: Range<Int>) -> ColumnTotals {
        var totals = ColumnTotals()
        var sum = 0.0, low = Double.infinity, high = -Double.infinity, lowRow = -1, highRow = -1, count: Int64 = 0
        values.withUnsafeBufferPointer { values in
            forEachRow(rows, range, validity) { row in
                let value = values[row]
                sum += value
                count &+= 1
                if lowRow < 0 || value < low { low = value; lowRow = row }
                if highRow < 0 || value > high { high = value; highRow = row }
            }
        }
        totals.present = count
        totals.decimalSum = sum
        if count > 0 {
            totals.minimumRow = lowRow
            totals.maximumRow = highRow
        }
        return totals
    }

    /// Calls `body` for each present row at `range` of `rows` (or of all rows).
    @inline(__always)
    private static func forEachRow(_ rows: Selection?, _ range: Range<Int>, _ validity: ValidityMask?, _ body: (Int) -> Void) {
        ValidityMask.withWords(validity) { words in
            if let rows {
                rows.withUnsafeBufferPointer { rows in
                    for position in range where ValidityMask.isValid(words, Int(rows[position])) { body(Int(rows[position])) }
                }
            } else if words == nil {
                for row in range { body(row) }
            } else {
                for row in range where ValidityMask.isValid(words, row) { body(row) }
            }
        }
    }

    /// The one-row result of `function` from the totals of `column`.
    static func result(_ function: AggregateFunction, _ totals: ColumnTotals, of column: Column) throws(Diagnostic) -> Column {
        let empty = totals.present == 0
        switch function {
        case .count, .countValues:
            return .integers("", [totals.present])
        case .sum:
            if column.type == .decimal { return .decimals("", [empty ? nil : totals.decimalSum]) }
            guard let sum = Int64(exactly: totals.integerSum) else { throw SlotIntegerSum.overflow }
            return .integers("", [empty ? nil : sum])
        case .avg:
            let sum = column.type == .decimal ? totals.decimalSum : Double(totals.integerSum)
            return .decimals("", [empty ? nil : sum / Double(totals.present)])
        case .min, .max, .only:
            let row = function == .max ? totals.maximumRow : totals.minimumRow
            guard let row else { return .constant(.missing, type: column.type, count: 1) }
            return column.gathered([Int32(truncatingIfNeeded: row)])
        case .distinct, .median:
            return .constant(.missing, type: .integer, count: 1)
        }
    }

    /// Folds the next part's totals into these.
    private mutating func add(_ other: ColumnTotals, in column: Column) {
        integerSum &+= other.integerSum
        decimalSum += other.decimalSum
        present &+= other.present
        minimumRow = ColumnTotals.better(minimumRow, other.minimumRow, in: column, largest: false)
        maximumRow = ColumnTotals.better(maximumRow, other.maximumRow, in: column, largest: true)
    }

    private static func better(_ a: Int?, _ b: Int?, in column: Column, largest: Bool) -> Int? {
        guard let a else { return b }
        guard let b else { return a }
        switch column.data {
        case .integer(let v): return (largest ? v[b] > v[a] : v[b] < v[a]) ? b : a
        case .days(let v): return (largest ? v[b] > v[a] : v[b] < v[a]) ? b : a
        case .decimal(let v): return (largest ? v[b] > v[a] : v[b] < v[a]) ? b : a
        default: return a
        }
    }
}
