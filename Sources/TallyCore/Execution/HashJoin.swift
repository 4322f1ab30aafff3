/// Matches the rows of a source table with the rows of another table whose keys are equal:
/// the kernel of `lookup` (each source row once, the other side's key unique) and `join` (every
/// matching pair). The other side's rows are bucketed by key slot once; each source row then
/// finds its bucket by its slot, so the work per source row is an array read.
struct HashJoin {
    /// Each row's key slot on both sides.
    let slots: KeySlots
    /// Where each slot's rows start in `otherRows`; the last entry is the end.
    let slotStart: [Int32]
    /// The other side's rows, bucketed by slot, in file order within a bucket.
    let otherRows: [Int32]

    /// Buckets the other side's rows of `keys` (at least one key).
    init(keys: [JoinKeyColumns], context: ExecutionContext) throws(Diagnostic) {
        var slots = try KeySlots.of(keys[0], context: context)
        for key in keys.dropFirst() {
            slots = try slots.combined(with: try KeySlots.of(key, context: context), context: context)
        }
        var start = [Int32](repeating: 0, count: slots.count + 1)
        for slot in slots.right where slot >= 0 { start[Int(slot) + 1] += 1 }
        for slot in 0..<slots.count { start[slot + 1] += start[slot] }
        var next = start
        var rows = [Int32](repeating: 0, count: Int(start[slots.count]))
        for (row, slot) in slots.right.enumerated() where slot >= 0 {
            rows[Int(next[Int(slot)])] = Int32(truncatingIfNeeded: row)
            next[Int(slot)] += 1
        }
        self.slots = slots
        self.slotStart = start
        self.otherRows = rows
    }

    /// How many rows of the other side have `slot`'s key.
    @inline(__always)
    private func size(_ slot: Int32) -> Int32 {
        slot < 0 ? 0 : slotStart[Int(slot) + 1] - slotStart[Int(slot)]
    }

    /// The first key the other side holds more than once: one of its rows and how many share the key.
    func duplicatedKey() -> (row: Int, count: Int)? {
        for slot in 0..<slots.count where slotStart[slot + 1] - slotStart[slot] > 1 {
            return (Int(otherRows[Int(slotStart[slot])]), Int(slotStart[slot + 1] - slotStart[slot]))
        }
        return nil
    }

    /// For a lookup (the other side's key unique): the other row each source row matches, -1 for none.
    func lookupRows(context: ExecutionContext) throws(Diagnostic) -> Selection {
        var rows = Selection(repeating: -1, count: slots.left.count)
        for (row, slot) in slots.left.enumerated() where size(slot) > 0 {
            try context.checkCancelled(atRow: row)
            rows[row] = otherRows[Int(slotStart[Int(slot)])]
        }
        return rows
    }

    /// For a join: every matching pair, source rows in file order and each one's matches in the
    /// other side's file order. Throws when the pairs would not fit in memory's row numbering.
    func joinPairs(context: ExecutionContext) throws(Diagnostic) -> (source: Selection, other: Selection) {
        var total = 0
        for slot in slots.left { total += Int(size(slot)) }
        guard total <= Int(Int32.max) else {
            throw .error(
                "join-too-large", "the join would make \(total) rows, more than tally can hold",
                help: ["filter either side first, or use `lookup` when the other side has one row per key"])
        }
        var source = Selection(), other = Selection()
        source.reserveCapacity(total)
        other.reserveCapacity(total)
        for (row, slot) in slots.left.enumerated() where size(slot) > 0 {
            try context.checkCancelled(atRow: row)
            for position in slotStart[Int(slot)]..<slotStart[Int(slot) + 1] {
                source.append(Int32(truncatingIfNeeded: row))
                other.append(otherRows[Int(position)])
            }
        }
        return (source, other)
    }

    /// How many rows matched on each side, how many source rows matched more than once, and
    /// up to `sampleLimit` source rows without a match, for showing their keys.
    func counts(sampleLimit: Int = 10_000) -> JoinCounts {
        var counts = JoinCounts()
        var hit = [Bool](repeating: false, count: slots.count)
        for (row, slot) in slots.left.enumerated() {
            let matches = size(slot)
            if matches == 0 {
                counts.sourceUnmatched += 1
                if counts.unmatchedSample.count < sampleLimit { counts.unmatchedSample.append(row) }
                continue
            }
            counts.sourceMatched += 1
            hit[Int(slot)] = true
            if matches > 1 {
                counts.repeatedSourceRows += 1
                counts.extraRows += Int(matches) - 1
            }
        }
        for slot in 0..<slots.count where hit[slot] { counts.otherMatched += Int(slotStart[slot + 1] - slotStart[slot]) }
        counts.otherUnmatched = slots.right.count - counts.otherMatched
        return counts
    }
}

/// What a lookup or join matched, for `explain` and the caveats.
public struct JoinCounts: Sendable, Equatable {
    /// Source rows with at least one match, and without.
    public var sourceMatched = 0, sourceUnmatched = 0
    /// Rows of the other side matched by at least one source row, and not matched.
    public var otherMatched = 0, otherUnmatched = 0
    /// Source rows that matched more than one row (a join counts them more than once).
    public var repeatedSourceRows = 0
    /// Rows a join adds beyond one per matched source row.
    public var extraRows = 0
    /// Some source rows without a match, in file order.
    var unmatchedSample: [Int] = []
}
