/// The rows of a small table numbered by the values of some of its columns: equal values get
/// one group number, groups numbered in the order they first appear. Built on `GroupSlots`, so
/// values are compared by their codes, never boxed.
struct GroupNumbering {
    /// The group of each row.
    let ids: [Int32]
    /// The first row of each group.
    let first: [Int32]

    /// How many groups there are.
    var count: Int { first.count }

    /// Numbers the `rowCount` rows of `columns` (no columns: every row in one group).
    init(_ columns: [Column], rowCount: Int, context: ExecutionContext) throws(Diagnostic) {
        let slots = try GroupSlots(keys: columns, rows: nil, positions: rowCount, context: context)
        var groupOfSlot = [Int32](repeating: -1, count: slots.count)
        var ids = [Int32](repeating: 0, count: rowCount)
        var first: [Int32] = []
        for row in 0..<rowCount {
            let slot = slots.slot(row: row, position: row)
            if groupOfSlot[slot] < 0 {
                groupOfSlot[slot] = Int32(truncatingIfNeeded: first.count)
                first.append(Int32(truncatingIfNeeded: row))
            }
            ids[row] = groupOfSlot[slot]
        }
        self.ids = ids
        self.first = first
    }
}
