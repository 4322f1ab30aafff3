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
    init(keys: [JoinKeyColumns]) {
        var slots = KeySlots.of(keys[0])
        for key in keys.dropFirst() { slots = slots.combined(with: KeySlots.of(key)) }
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

    /// The first key the other side holds more than once: one of its rows and how many share the key.
    func duplicatedKey() -> (row: Int, count: Int)? {
        for slot in 0..<slots.count where slotStart[slot + 1] - slotStart[slot] > 1 {
            return (Int(otherRows[Int(slotStart[slot])]), Int(slotStart[slot + 1] - slotStart[slot]))
        }
        return nil
    }

    /// For a lookup (the other side's key unique): the other row each source row matches, -1 for
    /// none, and what matched. The source is probed in fixed parts on both cores.
    func lookup(context: ExecutionContext) throws(Diagnostic) -> (rows: Selection, counts: JoinCounts) {
        let parts = Parallel.ranges(slots.leftCount, parts: Parallel.partCount(slots.leftCount))
        var tallies: [Result<JoinTally, Diagnostic>] = []
        let rows = Selection(unsafeUninitializedCapacity: slots.leftCount) { buffer, initialized in
            nonisolated(unsafe) let matches = buffer
            tallies = Parallel.map(parts.count) { part in
                Result { () throws(Diagnostic) -> JoinTally in
                    var tally = JoinTally(slotCount: slots.count)
                    try forEachBatch(in: parts[part], context: context) { first, batch in
                        tally.count(batch, in: slotStart) { k, slot, size in matches[first + k] = size > 0 ? otherRows[Int(slotStart[Int(slot)])] : -1 }
                    }
                    return tally
                }
            }
            initialized = slots.leftCount
        }
        return (rows, try counts(of: tallies))
    }

    /// For a join: every matching pair, source rows in file order and each one's matches in the
    /// other side's file order, and what matched. Throws when the pairs would not fit in
    /// memory's row numbering. The source is probed twice (to count, then to pair) in fixed
    /// parts on both cores, each part writing its pairs at its own offset.
    func join(context: ExecutionContext) throws(Diagnostic) -> (source: Selection, other: Selection, counts: JoinCounts) {
        let parts = Parallel.ranges(slots.leftCount, parts: Parallel.partCount(slots.leftCount))
        let tallies = Parallel.map(parts.count) { part in
            Result { () throws(Diagnostic) -> JoinTally in
                var tally = JoinTally(slotCount: slots.count)
                try forEachBatch(in: parts[part], context: context) { _, batch in tally.count(batch, in: slotStart) { _, _, _ in } }
                return tally
            }
        }
        let counts = try counts(of: tallies)
        let total = counts.sourceMatched + counts.extraRows
        guard total <= Int(Int32.max) else {
            throw .error(
                "join-too-large", "the join would make \(total) rows, more than tally can hold",
                help: ["filter either side first, or use `lookup` when the other side has one row per key"])
        }
        var offsets = [0]
        for tally in tallies { offsets.append(offsets[offsets.count - 1] + ((try? tally.get())?.pairs ?? 0)) }
        var outcomes: [Result<Void, Diagnostic>] = []
        var other = Selection()
        let source = Selection(unsafeUninitializedCapacity: total) { sourceBuffer, sourceInitialized in
            other = Selection(unsafeUninitializedCapacity: total) { otherBuffer, otherInitialized in
                nonisolated(unsafe) let (sources, others) = (sourceBuffer, otherBuffer)
                outcomes = Parallel.map(parts.count) { part in
                    Result { () throws(Diagnostic) in
                        var next = offsets[part]
                        try forEachBatch(in: parts[part], context: context) { first, batch in
                            for (k, slot) in batch.enumerated() where slot >= 0 {
                                for position in slotStart[Int(slot)]..<slotStart[Int(slot) + 1] {
                                    sources[next] = Int32(truncatingIfNeeded: first + k)
                                    others[next] = otherRows[Int(position)]
                                    next += 1
                                }
                            }
                        }
                    }
                }
                otherInitialized = total
            }
            sourceInitialized = total
        }
        for outcome in outcomes { try outcome.get() }
        return (source, other, counts)
    }

    /// Calls `body(first, slots)` with the slots of consecutive batches of the source rows of
    /// `rows`, `first` being the batch's first row, checking for cancellation between batches.
    private func forEachBatch(
        in rows: Range<Int>, context: ExecutionContext, _ body: (Int, UnsafeBufferPointer<Int32>) -> Void
    ) throws(Diagnostic) {
        try withUnsafeTemporaryAllocation(of: Int32.self, capacity: ExecutionContext.batchSize) { buffer throws(Diagnostic) in
            var start = rows.lowerBound
            while start < rows.upperBound {
                try context.checkCancelled()
                let end = min(rows.upperBound, start + buffer.count)
                let batch = UnsafeMutableBufferPointer(rebasing: buffer[0..<(end - start)])
                slots.left(start..<end, batch)
                body(start, UnsafeBufferPointer(batch))
                start = end
            }
        }
    }

    /// The counts of every part's tally together, or the first part's failure.
    private func counts(of tallies: [Result<JoinTally, Diagnostic>]) throws(Diagnostic) -> JoinCounts {
        var counts = JoinCounts()
        var hit = [Bool](repeating: false, count: slots.count)
        for result in tallies {
            let tally = try result.get()
            counts.sourceMatched += tally.matched
            counts.sourceUnmatched += tally.unmatched
            counts.repeatedSourceRows += tally.repeated
            counts.extraRows += tally.pairs - tally.matched
            for slot in 0..<slots.count where tally.hit[slot] { hit[slot] = true }
        }
        for slot in 0..<slots.count where hit[slot] { counts.otherMatched += Int(slotStart[slot + 1] - slotStart[slot]) }
        counts.otherUnmatched = slots.right.count - counts.otherMatched
        return counts
    }
}

/// What one part of the source matched, before the parts are added up.
private struct JoinTally {
    /// Source rows with at least one match, without, and with more than one.
    var matched = 0, unmatched = 0, repeated = 0
    /// Pairs made: the sum of every row's matches.
    var pairs = 0
    /// Whether some row matched each slot.
    var hit: [Bool]

    init(slotCount: Int) { hit = [Bool](repeating: false, count: slotCount) }

    /// Counts the source rows of a batch of `slots` by how many rows of the other side share
    /// their slot (`slotStart`'s bucket sizes), calling `each(k, slot, size)` for each.
    @inline(__always)
    mutating func count(
        _ slots: UnsafeBufferPointer<Int32>, in slotStart: [Int32], _ each: (Int, Int32, Int32) -> Void
    ) {
        var matched = 0, repeated = 0, pairs = 0
        hit.withUnsafeMutableBufferPointer { hit in
            slotStart.withUnsafeBufferPointer { start in
                for (k, slot) in slots.enumerated() {
                    let size = slot < 0 ? 0 : start[Int(slot) + 1] &- start[Int(slot)]
                    each(k, slot, size)
                    guard size > 0 else { continue }
                    matched &+= 1
                    pairs &+= Int(size)
                    repeated &+= size > 1 ? 1 : 0
                    hit[Int(slot)] = true
                }
            }
        }
        self.matched += matched
        self.unmatched += slots.count - matched
        self.repeated += repeated
        self.pairs += pairs
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
}
