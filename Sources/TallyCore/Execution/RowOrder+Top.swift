extension RowOrder {
    /// The `count` positions of `positions` whose rows come first by `key` (largest first,
    /// missing last, ties to the earlier position), in their original order: a bounded heap
    /// over the candidates, so keeping 5 of 10 million rows sorts only 5.
    static func top(_ count: Int, of positions: [Int], by key: Column) -> [Int] {
        guard count < positions.count else { return positions }
        guard count > 0 else { return [] }
        let byKey = comparator(for: key, descending: true)
        /// Whether candidate `a` (an index into `positions`) ranks before candidate `b`.
        func before(_ a: Int, _ b: Int) -> Bool {
            let c = byKey(positions[a], positions[b])
            return c != 0 ? c < 0 : a < b
        }
        var heap: [Int] = []
        heap.reserveCapacity(count)
        for candidate in positions.indices {
            if heap.count < count {
                heap.append(candidate)
                siftUp(&heap, from: heap.count - 1, before)
            } else if before(candidate, heap[0]) {
                heap[0] = candidate
                siftDown(&heap, before)
            }
        }
        return heap.sorted().map { positions[$0] }
    }

    /// Restores the heap (the last-ranked candidate at the root) after an insertion at `index`.
    private static func siftUp(_ heap: inout [Int], from index: Int, _ before: (Int, Int) -> Bool) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    /// Restores the heap after its root was replaced.
    private static func siftDown(_ heap: inout [Int], _ before: (Int, Int) -> Bool) {
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var last = parent
            if left < heap.count, before(heap[last], heap[left]) { last = left }
            if right < heap.count, before(heap[last], heap[right]) { last = right }
            guard last != parent else { return }
            heap.swapAt(parent, last)
            parent = last
        }
    }
}
