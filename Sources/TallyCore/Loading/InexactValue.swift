/// A whole number that a decimal column cannot hold exactly (`9007199254740993` is stored as
/// `9007199254740992`): the loader reports the first one of each column, since the file's value
/// changed without a sign in the table.
struct InexactValue: Equatable {
    /// The row (0 = the first data row).
    var row: Int
    /// The number as the file writes it.
    var written: String
    /// What the column holds instead.
    var stored: Double

    /// Whole numbers up to this size are exact as decimals.
    private static let exactLimit: UInt64 = 1 << 53
    /// Decimals from this size on may come from a whole number beyond 64 bits.
    private static let beyondIntegers = 9.2e18

    /// `value` at `row`, if it changes as a decimal.
    @inline(__always)
    static func check(_ value: Int64, row: Int) -> InexactValue? {
        guard value.magnitude > exactLimit else { return nil }
        let stored = Double(value)
        return Int64(exactly: stored) == value ? nil : InexactValue(row: row, written: String(value), stored: stored)
    }

    /// The first of `values` (rows numbered from `firstRow`) that changes as a decimal.
    static func first(in values: [Int64], firstRow: Int) -> InexactValue? {
        for (offset, value) in values.enumerated() {
            if let found = check(value, row: firstRow &+ offset) { return found }
        }
        return nil
    }

    /// The field `bytes[start..<start+length]` read as the decimal `value` at `row`, if it is a whole
    /// number too large for 64 bits that the decimal does not hold exactly.
    @inline(__always)
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int, value: Double, row: Int) -> InexactValue? {
        guard value.magnitude >= beyondIntegers else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start &+ length)]), as: UTF8.self)
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if let whole = UInt64(digits), UInt64(exactly: value.magnitude) == whole { return nil }
        return InexactValue(row: row, written: text, stored: value)
    }

    /// This value, `rows` rows further down (a chunk's row within the whole column).
    func shifted(by rows: Int) -> InexactValue { InexactValue(row: row &+ rows, written: written, stored: stored) }

    /// The earlier of two values, either of which may be absent.
    static func earlier(_ a: InexactValue?, _ b: InexactValue?) -> InexactValue? {
        guard let a else { return b }
        guard let b else { return a }
        return a.row <= b.row ? a : b
    }

    /// The stored value written out in full where it is whole (`9007199254740992`).
    var storedText: String {
        if let whole = Int64(exactly: stored) { return String(whole) }
        if let whole = UInt64(exactly: stored.magnitude) { return (stored < 0 ? "-" : "") + String(whole) }
        return String(stored)
    }
}
