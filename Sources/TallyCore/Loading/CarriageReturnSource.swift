/// A file whose lines end with a carriage return alone (old Mac files: `a,b\r1,2\r`), read as if
/// they ended with line feeds: every `\r` becomes `\n` as the bytes are read, so the rest of the
/// loader sees ordinary lines and every byte keeps its offset. A `\r` inside a quoted field is a
/// line break in such a file and becomes `\n` as well.
struct CarriageReturnSource<Base: ByteSource>: ByteSource {
    private var base: Base

    /// Bytes looked at to decide how lines end.
    static var sniffBytes: Int { 64 * 1024 }

    /// Wraps `base`, whose lines end with `\r` alone.
    init(_ base: Base) { self.base = base }

    /// Whether the first line break in `prefix` is a `\r` not followed by `\n`.
    static func endsLinesWithCarriageReturns(_ prefix: [UInt8]) -> Bool {
        guard let first = prefix.firstIndex(where: { $0 == 0x0D || $0 == 0x0A }), prefix[first] == 0x0D else { return false }
        return first + 1 < prefix.count && prefix[first + 1] != 0x0A
    }

    var knownSize: Int? { base.knownSize }

    var heldBytes: Int { base.heldBytes }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(LoadError) -> Int {
        let count = try base.read(into: buffer)
        for index in 0..<count where buffer[index] == 0x0D { buffer[index] = 0x0A }
        return count
    }

    mutating func rewind() throws(LoadError) { try base.rewind() }

    func prefix(_ count: Int) -> [UInt8] { base.prefix(count).map { $0 == 0x0D ? 0x0A : $0 } }

    func checkUnchanged() throws(LoadError) { try base.checkUnchanged() }
}
