import Dispatch

/// Runs independent pieces of work on both cores (or more), each writing only its own result:
/// the executor's parts of a scan or an aggregation, the loader's parts of a block.
enum Parallel {
    /// Calls `body(0) … body(count - 1)`, concurrently when `threads` > 1; each call must touch
    /// only its own slot of any shared state.
    static func forEach(_ count: Int, threads: Int = 2, _ body: (Int) -> Void) {
        guard threads > 1, count > 1 else {
            for index in 0..<max(0, count) { body(index) }
            return
        }
        withoutActuallyEscaping(body) { work in
            nonisolated(unsafe) let job = work
            DispatchQueue.concurrentPerform(iterations: count) { index in job(index) }
        }
    }

    /// `body(0) … body(count - 1)`, run concurrently; the results in index order.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: max(0, count))
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            forEach(count) { index in slots[index] = body(index) }
        }
        return results.compactMap { $0 }
    }

    /// Splits `0..<total` into `parts` contiguous ranges of nearly equal size.
    static func ranges(_ total: Int, parts: Int) -> [Range<Int>] {
        let parts = max(1, min(parts, total))
        return (0..<parts).map { part in (total * part / parts)..<(total * (part + 1) / parts) }
    }

    /// How many parts to split `total` rows into: the partition is fixed by the size, not by the
    /// machine, so results (decimal sums included) are the same however many threads run it.
    static func partCount(_ total: Int) -> Int { total >= 65_536 ? 2 : 1 }
}
