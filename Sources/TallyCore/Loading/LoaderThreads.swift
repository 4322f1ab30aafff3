import Dispatch

/// Runs the loader's independent jobs (parts of a block, columns of a merge) on several threads.
enum LoaderThreads {
    /// Calls `body(0) … body(count - 1)`, concurrently when `threads` > 1; each call must touch only
    /// its own slot of any shared state.
    static func run(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        guard threads > 1, count > 1 else {
            for index in 0..<max(0, count) { body(index) }
            return
        }
        withoutActuallyEscaping(body) { work in
            nonisolated(unsafe) let job = work
            DispatchQueue.concurrentPerform(iterations: count) { index in job(index) }
        }
    }
}
