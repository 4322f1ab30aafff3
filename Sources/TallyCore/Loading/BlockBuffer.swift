/// The loader's window on a file: the bytes read but not yet parsed, and where they sit in the file.
///
/// Parsed bytes are dropped by moving `start`; the next `fill` moves what is left (the incomplete last
/// record) to the front and reads after it, so memory stays about one block however large the file.
/// Every read asks the source for a full chunk, so the reader sees the same chunks as a whole-file read.
struct BlockBuffer {
    private var storage: [UInt8] = []
    /// File offset of the storage's first byte.
    private(set) var base = 0
    /// Where the unparsed bytes start, relative to the storage.
    var start = 0
    /// Number of bytes held, relative to the storage.
    private(set) var count = 0
    /// Whether the source has no more bytes.
    private(set) var atEnd = false

    /// The memory the buffer holds, in bytes.
    var memoryBytes: Int { MemoryBudget.heapBytes(storage) }

    /// Number of unparsed bytes held.
    var unparsed: Int { count &- start }

    /// Reads until at least `target` unparsed bytes are held or the source ends.
    mutating func fill<Source: ByteSource>(from source: inout Source, unparsed target: Int, chunkBytes: Int) throws(LoadError) {
        compact()
        let chunk = max(1, chunkBytes)
        while count < target, !atEnd {
            if storage.count < count &+ chunk { grow(to: max(storage.count &* 2, count &+ chunk)) }
            let from = count
            let result = storage.withUnsafeMutableBytes { buffer in
                Result { () throws(LoadError) -> Int in
                    try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[from..<(from &+ chunk)]))
                }
            }
            let got = try result.get()
            if got == 0 { atEnd = true } else { count &+= got }
        }
    }

    /// Forgets everything and starts again at file offset 0 (after the source was rewound).
    mutating func reset() {
        base = 0
        start = 0
        count = 0
        atEnd = false
    }

    /// The offset just after the last line feed in `range`, or nil when it holds none.
    func lineEnd(lastIn range: Range<Int>) -> Int? {
        storage.withUnsafeBufferPointer { bytes in
            var index = range.upperBound
            while index > range.lowerBound {
                index &-= 1
                if bytes[index] == 0x0A { return index &+ 1 }
            }
            return nil
        }
    }

    /// Where the next record boundary candidate after `offset` is: just after the first line feed at or
    /// after `offset` and before `limit`, else `limit`.
    func lineEnd(firstFrom offset: Int, limit: Int) -> Int {
        storage.withUnsafeBufferPointer { bytes in
            var index = offset
            while index < limit {
                if bytes[index] == 0x0A { return index &+ 1 }
                index &+= 1
            }
            return limit
        }
    }

    /// Calls `body` with the bytes held (offsets relative to the storage).
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws(LoadError) -> Result) throws(LoadError) -> Result {
        try storage.withUnsafeBufferPointer { buffer throws(LoadError) in
            try body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private mutating func grow(to capacity: Int) {
        var grown = [UInt8](repeating: 0, count: capacity)
        let kept = count
        grown.withUnsafeMutableBytes { target in
            storage.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<kept]))
            }
        }
        storage = grown
    }

    private mutating func compact() {
        guard start > 0 else { return }
        let kept = count &- start
        if kept > 0 {
            let from = start
            storage.withUnsafeMutableBytes { buffer in
                guard let pointer = buffer.baseAddress else { return }
                pointer.copyMemory(from: pointer + from, byteCount: kept)
            }
        }
        base &+= start
        count = kept
        start = 0
    }
}
