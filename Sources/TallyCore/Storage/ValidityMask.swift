/// One bit per row: set when the row's value is present, clear when it is missing.
public struct ValidityMask: Sendable, Equatable {
    /// The bits, 64 rows a word, row `i` at bit `i % 64` of word `i / 64`.
    public private(set) var words: [UInt64]
    /// Number of rows covered.
    public private(set) var count: Int

    /// A mask of `count` rows, all present (`true`) or all missing (`false`).
    public init(count: Int, allValid: Bool = true) {
        self.count = count
        self.words = Array(repeating: allValid ? ~0 : 0, count: (count + 63) / 64)
    }

    /// Whether row `i` holds a value.
    @inline(__always)
    public func isValid(_ i: Int) -> Bool {
        words[i &>> 6] & (1 &<< UInt64(i & 63)) != 0
    }

    /// Marks row `i` present or missing.
    @inline(__always)
    public mutating func set(_ i: Int, valid: Bool) {
        if valid { words[i &>> 6] |= 1 &<< UInt64(i & 63) } else { words[i &>> 6] &= ~(1 &<< UInt64(i & 63)) }
    }

    /// Appends one row.
    public mutating func append(_ valid: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        set(count - 1, valid: valid)
    }

    /// Calls `body(i, row)` for each `rows[i]` that holds a value, with the test hoisted out of
    /// the loop when nothing is missing.
    @inline(__always)
    public static func forEachPresent(
        _ rows: UnsafeBufferPointer<Int32>, in mask: ValidityMask?, _ body: (Int, Int) -> Void
    ) {
        guard let mask else {
            for i in 0..<rows.count { body(i, Int(rows[i])) }
            return
        }
        mask.words.withUnsafeBufferPointer { words in
            for i in 0..<rows.count {
                let row = Int(rows[i])
                if words[row &>> 6] & (1 &<< UInt64(row & 63)) != 0 { body(i, row) }
            }
        }
    }

    /// Calls `body` with the mask's words, or nil when there is no mask (nothing missing), for
    /// loops that test many rows without touching the array each time.
    @inline(__always)
    public static func withWords<Result, Failure>(
        _ mask: ValidityMask?, _ body: (UnsafeBufferPointer<UInt64>?) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard let mask else { return try body(nil) }
        return try mask.words.withUnsafeBufferPointer { words throws(Failure) in try body(words) }
    }

    /// Whether row `i` is present according to `words` (nil: every row is).
    @inline(__always)
    public static func isValid(_ words: UnsafeBufferPointer<UInt64>?, _ i: Int) -> Bool {
        guard let words else { return true }
        return words[i &>> 6] & (1 &<< UInt64(i & 63)) != 0
    }

    /// Which of the rows at `rows` of a column with validity `source` (nil: every row present)
    /// hold a value, a row -1 being missing; nil when all of them do. Made in fixed parts of
    /// whole words on both cores.
    static func gathered(_ source: ValidityMask?, at rows: Selection) -> ValidityMask? {
        let wordCount = (rows.count + 63) / 64
        let parts = Parallel.ranges(wordCount, parts: Parallel.partCount(rows.count))
        var missing = 0
        let words = [UInt64](unsafeUninitializedCapacity: wordCount) { buffer, initialized in
            rows.withUnsafeBufferPointer { rows in
                withWords(source) { sourceWords in
                    nonisolated(unsafe) let (output, rows, sourceWords) = (buffer, rows, sourceWords)
                    missing = Parallel.map(parts.count) { part in
                        var missing = 0
                        for word in parts[part] {
                            let first = word &* 64, end = Swift.min(rows.count, first &+ 64)
                            var bits: UInt64 = 0
                            for i in first..<end {
                                let row = Int(rows[i])
                                let present = row >= 0 && isValid(sourceWords, row)
                                bits |= (present ? 1 : 0) &<< UInt64(i & 63)
                            }
                            output[word] = bits
                            missing &+= (end &- first) &- bits.nonzeroBitCount
                        }
                        return missing
                    }.reduce(0, +)
                }
            }
            initialized = wordCount
        }
        guard missing > 0 else { return nil }
        var mask = ValidityMask(count: 0)
        mask.words = words
        mask.count = rows.count
        return mask
    }

    /// Number of missing rows.
    public var missingCount: Int {
        var present = 0
        for (index, word) in words.enumerated() {
            let bitsInWord = min(64, count - index * 64)
            let masked = bitsInWord == 64 ? word : word & ((1 << UInt64(bitsInWord)) - 1)
            present += masked.nonzeroBitCount
        }
        return count - present
    }
}
