/// The bounds the loader enforces so that hostile or mistaken input ends in an error, not a crash or a hang.
struct CSVLimits: Sendable {
    /// The longest field, and the longest line the reader accepts without a line break, in bytes.
    var maxFieldBytes: Int = 64 << 20
    /// The most fields a line may have.
    var maxColumns: Int = 16_384
    /// How many bytes the reader asks the system for at a time.
    var chunkBytes: Int = 1 << 20
    /// The most data rows a table may have: row positions are 32-bit in selections and group ids.
    var maxRows: Int = Int(Int32.max)
    /// The memory budget in megabytes a file read may use (see `MemoryBudget`); nil for none.
    var budgetMegabytes: Int64?
    /// The flag that stops a load (Ctrl-C), polled at every chunk read and while waiting for a FIFO.
    var cancellation: CancellationFlag?

    /// The limits used by `CSVLoader.load`.
    static let standard = CSVLimits()
}
