/// The one value each group has, for an expression that must not vary within a group (a
/// country attribute outside an aggregate): the smallest and the largest value per slot, from
/// the same kernels as `min` and `max`; the group's value is the smallest, and a group whose
/// two differ is reported by `firstVarying`.
final class SlotOnly: SlotAggregate {
    private let smallest: SlotExtreme
    private let largest: SlotExtreme

    init(slots: Int, argument: Column) {
        smallest = SlotExtreme(slots: slots, argument: argument, largest: false)
        largest = SlotExtreme(slots: slots, argument: argument, largest: true)
    }

    func add(rows: UnsafeBufferPointer<Int32>, slots: UnsafeBufferPointer<Int32>) {
        smallest.add(rows: rows, slots: slots)
        largest.add(rows: rows, slots: slots)
    }

    func merge(_ other: SlotAggregate) {
        guard let other = other as? SlotOnly else { return }
        smallest.merge(other.smallest)
        largest.merge(other.largest)
    }

    func column(groups: [Int]) -> Column { smallest.column(groups: groups) }

    /// The position in `groups` of the first group with two different values, and those two.
    func firstVarying(groups: [Int]) -> (group: Int, values: (Value, Value))? {
        let low = smallest.column(groups: groups), high = largest.column(groups: groups)
        for index in groups.indices {
            let a = low.value(at: index), b = high.value(at: index)
            if a != b { return (index, (a, b)) }
        }
        return nil
    }
}
