/// One aggregate's running state for every group slot, fed batch by batch: `rows[i]` (a source
/// row) belongs to slot `slots[i]`. Partitions of the rows each fill their own state, and the
/// states are merged in partition order.
protocol SlotAggregate: AnyObject {
    /// Adds one batch.
    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>)
    /// Folds another partition's state into this one (the later partition).
    func merge(_ other: SlotAggregate)
    /// The result for the slots in `groups`, in that order (an error when it does not fit its type).
    func column(groups: [Int]) throws(Diagnostic) -> Column
}

/// Rows per slot and the first row of each: which groups exist and where their keys are.
final class SlotRows: SlotAggregate {
    private(set) var counts: [Int64]
    private(set) var firstRows: [Int32]

    init(slots: Int) {
        counts = [Int64](repeating: 0, count: slots)
        firstRows = [Int32](repeating: Int32.max, count: slots)
    }

    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {
        counts.withUnsafeMutableBufferPointer { counts in
            firstRows.withUnsafeMutableBufferPointer { firsts in
                for i in 0..<rows.count {
                    let slot = Int(slots[i])
                    counts[slot] &+= 1
                    if firsts[slot] > rows[i] { firsts[slot] = rows[i] }
                }
            }
        }
    }

    func merge(_ other: SlotAggregate) {
        guard let other = other as? SlotRows else { return }
        for slot in counts.indices {
            counts[slot] &+= other.counts[slot]
            firstRows[slot] = min(firstRows[slot], other.firstRows[slot])
        }
    }

    func column(groups: [Int]) -> Column {
        Column(name: "", data: .integer(groups.map { counts[$0] }))
    }
}

/// A place kept for an aggregate computed after the batches (`distinct`, `median`).
final class SlotDeferred: SlotAggregate {
    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {}
    func merge(_ other: SlotAggregate) {}
    func column(groups: [Int]) -> Column { .constant(.missing, type: .integer, count: groups.count) }
}

/// `count(x)`: present values per slot.
final class SlotValueCount: SlotAggregate {
    private let validity: ValidityMask?
    private(set) var counts: [Int64]

    init(slots: Int, argument: Column) {
        validity = argument.validity
        counts = [Int64](repeating: 0, count: slots)
    }

    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {
        counts.withUnsafeMutableBufferPointer { counts in
            ValidityMask.forEachPresent(rows, in: validity) { i, _ in counts[Int(slots[i])] &+= 1 }
        }
    }

    func merge(_ other: SlotAggregate) {
        guard let other = other as? SlotValueCount else { return }
        for slot in counts.indices { counts[slot] &+= other.counts[slot] }
    }

    func column(groups: [Int]) -> Column {
        Column(name: "", data: .integer(groups.map { counts[$0] }))
    }
}

/// `sum` of whole numbers, exact whatever the running totals do: only the finished sum must
/// fit 64 bits, so `9e18 + 9e18 - 9e18` is 9e18. Sums are kept in 64 bits while a bound on
/// every running total (each batch adds at most its largest magnitude times its size) stays
/// inside that range, so rows are added without a check; past it they are kept in 128 bits,
/// which no count of 64-bit values can leave.
final class SlotIntegerSum: SlotAggregate {
    private let values: [Int64]
    private let validity: ValidityMask?
    /// The sums while `bound` fits 64 bits.
    private var sums: [Int64]
    /// The sums once `bound` has left 64 bits (`sums` is then no longer used).
    private var wideSums: [Int128]?
    private(set) var present: [Int64]
    /// No slot's running sum has a larger magnitude than this.
    private var bound: UInt64 = 0

    init(slots: Int, values: [Int64], validity: ValidityMask?) {
        self.values = values
        self.validity = validity
        sums = [Int64](repeating: 0, count: slots)
        present = [Int64](repeating: 0, count: slots)
    }

    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {
        if wideSums == nil, !raiseBound(by: batchBound(rows)) { widen() }
        values.withUnsafeBufferPointer { values in
            present.withUnsafeMutableBufferPointer { present in
                if wideSums == nil {
                    sums.withUnsafeMutableBufferPointer { sums in
                        ValidityMask.forEachPresent(rows, in: validity) { i, row in
                            sums[Int(slots[i])] &+= values[row]
                            present[Int(slots[i])] &+= 1
                        }
                    }
                } else {
                    wideSums?.withUnsafeMutableBufferPointer { sums in
                        ValidityMask.forEachPresent(rows, in: validity) { i, row in
                            sums[Int(slots[i])] &+= Int128(values[row])
                            present[Int(slots[i])] &+= 1
                        }
                    }
                }
            }
        }
    }

    /// The most a batch can add to one slot's magnitude: its largest magnitude times its size.
    private func batchBound(_ rows: UnsafeBufferPointer<Int32>) -> UInt64 {
        var largest: UInt64 = 0
        values.withUnsafeBufferPointer { values in
            for i in 0..<rows.count { largest = max(largest, values[Int(rows[i])].magnitude) }
        }
        let (product, overflow) = largest.multipliedReportingOverflow(by: UInt64(rows.count))
        return overflow ? .max : product
    }

    /// Raises the bound, answering false when it would leave the 64-bit range.
    private func raiseBound(by amount: UInt64) -> Bool {
        let (total, overflow) = bound.addingReportingOverflow(amount)
        guard !overflow, total <= UInt64(Int64.max) else { return false }
        bound = total
        return true
    }

    /// Moves the sums to 128 bits.
    private func widen() {
        if wideSums == nil { wideSums = sums.map { Int128($0) } }
    }

    func merge(_ other: SlotAggregate) {
        guard let other = other as? SlotIntegerSum else { return }
        for slot in present.indices { present[slot] &+= other.present[slot] }
        if wideSums == nil, other.wideSums == nil, raiseBound(by: other.bound) {
            for slot in sums.indices { sums[slot] &+= other.sums[slot] }
            return
        }
        widen()
        for slot in present.indices { wideSums?[slot] &+= other.sum(slot) }
    }

    /// The exact sum of one slot.
    private func sum(_ slot: Int) -> Int128 {
        wideSums?[slot] ?? Int128(sums[slot])
    }

    static let overflow = Diagnostic.error(
        "integer-overflow", "a sum is too large for a whole number (beyond ±9,223,372,036,854,775,807)",
        help: ["sum a decimal instead, e.g. sum(COLUMN * 1.0)"])

    func column(groups: [Int]) throws(Diagnostic) -> Column {
        var validity = ValidityMask(count: groups.count)
        var results = [Int64](repeating: 0, count: groups.count)
        for (index, slot) in groups.enumerated() {
            if present[slot] == 0 { validity.set(index, valid: false); continue }
            guard let sum = Int64(exactly: sum(slot)) else { throw SlotIntegerSum.overflow }
            results[index] = sum
        }
        return Column(name: "", data: .integer(results), validity: validity.missingCount == 0 ? nil : validity)
    }
}

/// `sum` of decimals and `avg` of any number: a double sum and a count per slot.
final class SlotDecimalSum: SlotAggregate {
    private let argument: Column
    private let average: Bool
    private(set) var sums: [Double]
    private(set) var present: [Int64]

    init(slots: Int, argument: Column, average: Bool) {
        self.argument = argument
        self.average = average
        sums = [Double](repeating: 0, count: slots)
        present = [Int64](repeating: 0, count: slots)
    }

    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {
        switch argument.data {
        case .integer(let values): accumulate(values, rows, slots) { Double($0) }
        case .decimal(let values): accumulate(values, rows, slots) { $0 }
        case .boolean, .text, .days: break
        }
    }

    @inline(__always)
    private func accumulate<T>(_ values: [T], _ rows: UnsafeBufferPointer<Int32>, _ slots: UnsafeBufferPointer<Int32>, _ number: (T) -> Double) {
        let validity = argument.validity
        values.withUnsafeBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                present.withUnsafeMutableBufferPointer { present in
                    ValidityMask.forEachPresent(rows, in: validity) { i, row in
                        sums[Int(slots[i])] += number(values[row])
                        present[Int(slots[i])] &+= 1
                    }
                }
            }
        }
    }

    func merge(_ other: SlotAggregate) {
        guard let other = other as? SlotDecimalSum else { return }
        for slot in sums.indices {
            sums[slot] += other.sums[slot]
            present[slot] &+= other.present[slot]
        }
    }

    func column(groups: [Int]) -> Column {
        var validity = ValidityMask(count: groups.count)
        var results = [Double](repeating: 0, count: groups.count)
        for (index, slot) in groups.enumerated() {
            if present[slot] == 0 { validity.set(index, valid: false); continue }
            results[index] = average ? sums[slot] / Double(present[slot]) : sums[slot]
        }
        return Column(name: "", data: .decimal(results), validity: validity.missingCount == 0 ? nil : validity)
    }
}

/// `min` and `max`: the best value per slot and a row that holds it. Values are compared as
/// numbers: integers by value, decimals by value, text by code-point rank, false before true.
final class SlotExtreme: SlotAggregate {
    private let argument: Column
    private let largest: Bool
    private let keys: Either
    private(set) var bestRows: [Int32]
    private var bestIntegers: [Int64]
    private var bestDecimals: [Double]

    /// The column's values as comparable numbers.
    private enum Either {
        case integers([Int64])
        case decimals([Double])
    }

    init(slots: Int, argument: Column, largest: Bool) {
        self.argument = argument
        self.largest = largest
        bestRows = [Int32](repeating: -1, count: slots)
        switch argument.data {
        case .integer(let values):
            keys = .integers(values)
        case .days(let values):
            keys = .integers(values.map(Int64.init))
        case .decimal(let values):
            keys = .decimals(values)
        case .boolean(let values):
            keys = .integers(values.map { $0 ? 1 : 0 })
        case .text(let codes, let dictionary):
            let ranks = TextOrder.ranks(of: dictionary)
            keys = .integers(codes.map { Int64(ranks[Int($0)]) })
        }
        let start = largest ? Int64.min : Int64.max
        bestIntegers = [Int64](repeating: start, count: slots)
        bestDecimals = [Double](repeating: largest ? -.infinity : .infinity, count: slots)
    }

    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {
        switch keys {
        case .integers(let values): update(values, &bestIntegers, rows, slots)
        case .decimals(let values): update(values, &bestDecimals, rows, slots)
        }
    }

    @inline(__always)
    private func update<T: Comparable>(
        _ values: [T], _ best: inout [T], _ rows: UnsafeBufferPointer<Int32>, _ slots: UnsafeBufferPointer<Int32>
    ) {
        let validity = argument.validity, largest = self.largest
        values.withUnsafeBufferPointer { values in
            best.withUnsafeMutableBufferPointer { best in
                bestRows.withUnsafeMutableBufferPointer { bestRows in
                    ValidityMask.forEachPresent(rows, in: validity) { i, row in
                        let slot = Int(slots[i]), value = values[row]
                        if bestRows[slot] < 0 || (largest ? value > best[slot] : value < best[slot]) {
                            best[slot] = value
                            bestRows[slot] = rows[i]
                        }
                    }
                }
            }
        }
    }

    func merge(_ other: SlotAggregate) {
        guard let other = other as? SlotExtreme else { return }
        for slot in bestRows.indices where other.bestRows[slot] >= 0 {
            let better: Bool
            switch keys {
            case .integers: better = largest ? other.bestIntegers[slot] > bestIntegers[slot] : other.bestIntegers[slot] < bestIntegers[slot]
            case .decimals: better = largest ? other.bestDecimals[slot] > bestDecimals[slot] : other.bestDecimals[slot] < bestDecimals[slot]
            }
            if bestRows[slot] < 0 || better {
                bestRows[slot] = other.bestRows[slot]
                bestIntegers[slot] = other.bestIntegers[slot]
                bestDecimals[slot] = other.bestDecimals[slot]
            }
        }
    }

    func column(groups: [Int]) -> Column {
        guard argument.count > 0 else { return .constant(.missing, type: argument.type, count: groups.count) }
        var validity = ValidityMask(count: groups.count)
        var rows = Selection()
        rows.reserveCapacity(groups.count)
        for (index, slot) in groups.enumerated() {
            if bestRows[slot] < 0 { validity.set(index, valid: false) }
            rows.append(max(bestRows[slot], 0))
        }
        var column = Column(name: "", data: argument.data.gathered(rows))
        column.validity = validity.missingCount == 0 ? nil : validity
        return column
    }
}
