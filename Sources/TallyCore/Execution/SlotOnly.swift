/// The one value each group has, for an expression that must not vary within a group (a
/// country attribute outside an aggregate): the smallest and the largest value per slot, from
/// the same kernels as `min` and `max`, and how many rows of each slot have a value; the
/// group's value is the smallest, and a group whose two differ, or whose value is missing in
/// some rows only, is reported by `firstVarying`.
final class SlotOnly: SlotAggregate {
    private let smallest: SlotExtreme
    private let largest: SlotExtreme
    private let present: SlotValueCount

    init(slots: Int, argument: Column) {
        smallest = SlotExtreme(slots: slots, argument: argument, largest: false)
        largest = SlotExtreme(slots: slots, argument: argument, largest: true)
        present = SlotValueCount(slots: slots, argument: argument)
    }

    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {
        smallest.add(rows: rows, slots: slots)
        largest.add(rows: rows, slots: slots)
        present.add(rows: rows, slots: slots)
    }

    func merge(_ other: SlotAggregate) {
        guard let other = other as? SlotOnly else { return }
        smallest.merge(other.smallest)
        largest.merge(other.largest)
        present.merge(other.present)
    }

    func column(groups: [Int]) -> Column { smallest.column(groups: groups) }

    /// The position in `groups` of the first group with two different values, or with a value
    /// in some of its rows and none in others (the second value is then missing); `rowCounts`
    /// holds the rows of every slot. A group missing the value in all its rows has one value.
    func firstVarying(groups: [Int], rowCounts: [Int64]) -> (group: Int, values: (Value, Value))? {
        let low = smallest.column(groups: groups), high = largest.column(groups: groups)
        for (index, slot) in groups.enumerated() {
            let a = low.value(at: index), b = high.value(at: index)
            if a != b { return (index, (a, b)) }
            if present.counts[slot] > 0, present.counts[slot] < rowCounts[slot] { return (index, (a, .missing)) }
        }
        return nil
    }
}
