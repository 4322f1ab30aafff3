/// Where one field's value lies in the file's bytes: the content between the quotes for a quoted field.
struct FieldSpan: Equatable {
    /// Offset of the value's first byte.
    var start: Int
    /// Number of bytes (at most the field limit, so it fits in 32 bits).
    var length: UInt32
    /// `quoted` and `doubledQuotes` bits.
    var flags: UInt32

    /// Set when the field was written in quotes.
    static let quoted: UInt32 = 1
    /// Set when a quoted field holds `""` pairs that stand for one `"` each.
    static let doubledQuotes: UInt32 = 2

    /// Offset one past the value's last byte.
    var end: Int { start &+ Int(length) }

    /// Whether the field holds no bytes (an empty or `""` field: a missing value).
    var isEmpty: Bool { length == 0 }

    /// Whether the value must be unescaped (`""` → `"`) before use.
    var hasDoubledQuotes: Bool { flags & Self.doubledQuotes != 0 }

    /// Where the field begins in the file: its opening quote when quoted.
    var fieldStart: Int { flags & Self.quoted != 0 ? start &- 1 : start }

    /// The value's bytes, with `""` pairs collapsed to `"`, appended to `output`.
    func appendValue(from bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard hasDoubledQuotes else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            return
        }
        var index = start
        while index < end {
            let byte = bytes[index]
            output.append(byte)
            index &+= byte == 0x22 ? 2 : 1
        }
    }
}
