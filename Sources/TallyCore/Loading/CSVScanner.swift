/// The byte-level, quote-aware state machine that splits CSV bytes into records and fields.
///
/// It walks a byte range once, writing a `FieldSpan` per field into a caller's flat array; it never
/// builds strings. Unquoted fields are searched eight bytes at a time for the delimiter and line ends.
/// Rules (RFC 4180 plus tally's policies):
/// - A field that starts with `"` is quoted: it ends at a `"` not followed by another; `""` stands for
///   one quote; delimiters and line breaks inside are data, kept byte for byte (CRLF included).
/// - After a closing quote, spaces are dropped; anything but a delimiter or line end is an error.
/// - A `"` inside an unquoted field is data.
/// - Lines end with `\n` or `\r\n`; a `\r` right before the end of the range also ends a line; a final
///   line break is optional.
///
/// A scanner covers `position..<end`, so chunks of records that start at known record boundaries
/// could be scanned independently.
struct CSVScanner {
    /// What one call to `nextRecord` found.
    struct Record: Equatable {
        /// Offset of the record's first byte.
        var start: Int
        /// Number of fields written.
        var fieldCount: Int
        /// Offset of the line break that ended the record (or of the end of the range).
        var lineEnd: Int
        /// Whether the record is an empty line (no bytes, no quotes).
        var isBlank: Bool
    }

    /// The field separator byte.
    let delimiter: UInt8
    /// The field and column bounds.
    let limits: CSVLimits
    /// Where the next record starts.
    private(set) var position: Int
    /// One past the last byte to scan.
    let end: Int

    /// A scanner of `range` of the bytes it will be handed, splitting fields at `delimiter`.
    init(delimiter: UInt8, range: Range<Int>, limits: CSVLimits) {
        self.delimiter = delimiter
        self.limits = limits
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// What ended a field: a delimiter, a line break at an offset, or the end of the range.
    private enum Terminator: Equatable { case delimiter, lineEnd(at: Int), endOfRange }

    private static let quote: UInt8 = 0x22
    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let space: UInt8 = 0x20

    /// Scans the next record of `bytes`, writing its fields into the first `fieldCount` elements of
    /// `fields` (grown as needed; elements past them are left as they were, so one array serves every
    /// record without being emptied); nil at the end of the range. `bytes` must be the same buffer
    /// (at least `end` bytes) on every call.
    mutating func nextRecord(_ bytes: UnsafeBufferPointer<UInt8>, into fields: inout [FieldSpan]) throws(LoadError) -> Record? {
        guard position < end, end <= bytes.count else { return nil }
        let start = position
        var count = 0
        while true {
            let (span, terminator) = try scanField(bytes)
            count &+= 1
            if count > limits.maxColumns { throw .tooManyColumns(offset: start, limit: limits.maxColumns) }
            if count <= fields.count { fields[count &- 1] = span } else { fields.append(span) }
            let lineEnd: Int
            switch terminator {
            case .delimiter: continue
            case .lineEnd(let offset): lineEnd = offset
            case .endOfRange: lineEnd = end
            }
            let blank = count == 1 && span.length == 0 && span.flags == 0
            return Record(start: start, fieldCount: count, lineEnd: lineEnd, isBlank: blank)
        }
    }

    /// Scans one field at `position`, leaving `position` after its terminator.
    private mutating func scanField(_ bytes: UnsafeBufferPointer<UInt8>) throws(LoadError) -> (FieldSpan, Terminator) {
        let fieldStart = position
        if fieldStart < end, bytes[fieldStart] == Self.quote {
            return try scanQuotedField(bytes, openingQuote: fieldStart)
        }
        var index = fieldStart
        var terminator = Terminator.endOfRange
        var next = end
        let raw = UnsafeRawPointer(bytes.baseAddress)
        let delimiters = UInt64(delimiter) &* Self.everyByte
        while index < end {
            if let raw, index &+ 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let found = Self.matches(word, delimiters) | Self.matches(word, Self.lineFeeds) | Self.matches(word, Self.carriageReturns)
                if found == 0 {
                    index &+= 8
                    continue
                }
                index &+= found.trailingZeroBitCount &>> 3
            }
            let byte = bytes[index]
            if byte == delimiter {
                terminator = .delimiter
                next = index &+ 1
                break
            }
            if byte == Self.lineFeed {
                terminator = .lineEnd(at: index)
                next = index &+ 1
                break
            }
            if byte == Self.carriageReturn {
                if index &+ 1 == end || bytes[index &+ 1] == Self.lineFeed {
                    terminator = .lineEnd(at: index)
                    next = min(index &+ 2, end)
                    break
                }
            }
            index &+= 1
        }
        let length = index &- fieldStart
        if length > limits.maxFieldBytes { throw .fieldTooLong(offset: fieldStart, limit: limits.maxFieldBytes) }
        position = next
        return (FieldSpan(start: fieldStart, length: UInt32(truncatingIfNeeded: length), flags: 0), terminator)
    }

    private static let everyByte: UInt64 = 0x0101_0101_0101_0101
    private static let quotes = UInt64(quote) &* everyByte
    private static let lineFeeds = UInt64(lineFeed) &* everyByte
    private static let carriageReturns = UInt64(carriageReturn) &* everyByte

    /// The high bit of each byte of `word` (little-endian) that equals the byte repeated in `pattern`;
    /// bytes above the first match may be marked too, so only the lowest mark is exact.
    @inline(__always)
    private static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return (x &- everyByte) & ~x & 0x8080_8080_8080_8080
    }

    /// Scans a quoted field whose opening quote is at `openingQuote`.
    private mutating func scanQuotedField(_ bytes: UnsafeBufferPointer<UInt8>, openingQuote: Int) throws(LoadError) -> (FieldSpan, Terminator) {
        let contentStart = openingQuote &+ 1
        var index = contentStart
        var flags = FieldSpan.quoted
        var contentEnd = -1
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < end {
            if let raw, index &+ 8 <= end, Self.matches(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), Self.quotes) == 0 {
                index &+= 8
                continue
            }
            if bytes[index] != Self.quote {
                index &+= 1
                continue
            }
            if index &+ 1 < end, bytes[index &+ 1] == Self.quote {
                flags |= FieldSpan.doubledQuotes
                index &+= 2
                continue
            }
            contentEnd = index
            break
        }
        guard contentEnd >= 0 else { throw .unterminatedQuote(offset: openingQuote) }
        let length = contentEnd &- contentStart
        if length > limits.maxFieldBytes { throw .fieldTooLong(offset: openingQuote, limit: limits.maxFieldBytes) }
        let span = FieldSpan(start: contentStart, length: UInt32(truncatingIfNeeded: length), flags: flags)
        index = contentEnd &+ 1
        while index < end, bytes[index] == Self.space, delimiter != Self.space { index &+= 1 }
        if index == end {
            position = end
            return (span, .endOfRange)
        }
        let byte = bytes[index]
        if byte == delimiter {
            position = index &+ 1
            return (span, .delimiter)
        }
        if byte == Self.lineFeed {
            position = index &+ 1
            return (span, .lineEnd(at: index))
        }
        if byte == Self.carriageReturn, index &+ 1 == end || bytes[index &+ 1] == Self.lineFeed {
            position = min(index &+ 2, end)
            return (span, .lineEnd(at: index))
        }
        throw .textAfterQuote(offset: index)
    }
}
