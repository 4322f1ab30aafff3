import Dispatch

/// Runs independent pieces of work on both cores (or more), each writing only its own result.
enum Parallel {
    /// `body(0) … body(count - 1)`, run concurrently; the results in index order.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        var results = [T?](repeating: nil, count: count)
        withoutActuallyEscaping(body) { work in
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                nonisolated(unsafe) let job = work
                DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = job(index) }
            }
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
