/// Where the loader's bytes come from: read front to back in chunks, and again from the start when
/// a second pass is needed.
protocol ByteSource {
    /// The number of bytes when known in advance (to reserve column capacity), else nil.
    var knownSize: Int? { get }
    /// The memory the source itself holds, in bytes (a stream read into memory holds all of it).
    var heldBytes: Int { get }
    /// Reads the next bytes into `buffer` (at most its size); 0 at the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(LoadError) -> Int
    /// Starts again from the first byte.
    mutating func rewind() throws(LoadError)
    /// The first `count` bytes (fewer at the end), without the reading checks: for locating an error.
    func prefix(_ count: Int) -> [UInt8]
    /// Throws `changed` when the bytes are no longer those the reading started with.
    func checkUnchanged() throws(LoadError)
}

/// Bytes already in memory, as a `ByteSource`.
struct MemorySource: ByteSource {
    /// All the bytes.
    let bytes: [UInt8]
    private var position = 0

    /// A source over `bytes`.
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var knownSize: Int? { bytes.count }

    var heldBytes: Int { MemoryBudget.heapBytes(bytes) }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(LoadError) -> Int {
        let count = min(buffer.count, bytes.count &- position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position &+ count)]))
        }
        position &+= count
        return count
    }

    mutating func rewind() throws(LoadError) { position = 0 }

    func prefix(_ count: Int) -> [UInt8] { Array(bytes.prefix(max(0, count))) }

    func checkUnchanged() throws(LoadError) {}
}
