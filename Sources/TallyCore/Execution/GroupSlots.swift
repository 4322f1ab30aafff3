/// Where each row's group lives: a slot number from the key codes. When the keys' combined
/// space is small, the slot is computed directly (`Σ code × stride`); otherwise the combinations
/// present are numbered through a hash table, one slot per position in the row list.
struct GroupSlots {
    /// How many slots there are.
    let count: Int
    private let coders: [KeyCoder]
    private let strides: [Int]
    private let listed: [Int32]?

    /// Combined key spaces up to this many slots are addressed directly.
    static let maxDirectSlots = 1 << 22

    /// Slots for `keys` (source-length columns) over the rows at `positions` of `rows`.
    init(keys: [Column], rows: Selection?, positions: Int, context: ExecutionContext) throws(Diagnostic) {
        coders = try keys.map { key throws(Diagnostic) in try KeyCoder(key, rows: rows, context: context) }
        var space = 1, overflow = false
        var strides: [Int] = []
        for coder in coders.reversed() {
            strides.insert(space, at: 0)
            (space, overflow) = overflow ? (space, true) : space.multipliedReportingOverflow(by: coder.cardinality)
        }
        self.strides = strides
        if !overflow && space <= GroupSlots.maxDirectSlots {
            count = space
            listed = nil
            return
        }
        var ids = [Int32](repeating: 0, count: positions)
        var numbered = coders.first?.cardinality ?? 1
        for (index, coder) in coders.enumerated() {
            var numbering: [Int: Int32] = [:]
            for position in 0..<positions {
                if position & 0xFFFF == 0 { try context.checkCancelled() }
                let row = rows.map { Int($0[position]) } ?? position
                let combined = index == 0 ? coder.code(row) : Int(ids[position]) &* coder.cardinality &+ coder.code(row)
                if let id = numbering[combined] { ids[position] = id } else {
                    let id = Int32(truncatingIfNeeded: numbering.count)
                    numbering[combined] = id
                    ids[position] = id
                }
            }
            numbered = max(numbering.count, 1)
        }
        count = numbered
        listed = ids
    }

    /// The slot of source row `row`, found at `position` in the row list.
    func slot(row: Int, position: Int) -> Int {
        if let listed { return Int(listed[position]) }
        var slot = 0
        for (index, coder) in coders.enumerated() { slot &+= coder.code(row) &* strides[index] }
        return slot
    }

    /// The slots of one batch: `rows`, found at `positions` in the row list.
    func fill(_ slots: UnsafeMutableBufferPointer<Int32>, rows: UnsafeBufferPointer<Int32>, positions: Range<Int>) {
        if let listed {
            listed.withUnsafeBufferPointer { listed in
                for i in 0..<rows.count { slots[i] = listed[positions.lowerBound + i] }
            }
            return
        }
        for i in 0..<rows.count { slots[i] = 0 }
        for (index, coder) in coders.enumerated() { coder.addCodes(of: rows, times: strides[index], to: slots) }
    }
}
