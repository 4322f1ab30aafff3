import Synchronization

/// A flag the executor polls between batches; set from a signal handler to cancel a query.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates a cleared flag.
    public init() {}

    /// Asks the running statement to stop.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Clears the flag before the next statement.
    public func reset() { flag.store(false, ordering: .relaxed) }

    /// Whether cancellation was asked for.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
