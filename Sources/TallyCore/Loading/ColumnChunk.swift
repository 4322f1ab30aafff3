/// One column's values within one part of a block: type inference and typed values built from the bytes.
///
/// Inference, for each field on its own (so parts combine in any grouping, see `TypeEvidence`):
/// - Empty fields (and `""`) are missing in every column.
/// - Integers while every value is an integer; decimal as soon as one is a decimal (or an integer
///   beyond 64 bits); `NA`, `N/A` and `null` (any case) are missing in such a column.
/// - Boolean when every present value is `true` or `false` (any case).
/// - Date when every present value is an ISO `YYYY-MM-DD` date, kept as day numbers (a column mixing
///   dates with anything else is text here; `DateColumnDetector` may still read it as datetimes).
/// - Otherwise text: any value that is neither (including `08123`, `nan`, `0x1F`, a value holding a
///   quote), mixing booleans with numbers or missing-value tokens, and a column with no value at all
///   (only empty fields or tokens) make the column text, where the tokens are text too.
/// Text is dictionary-encoded in first-seen order; a missing row's code is 0 and means nothing.
///
/// When a part's column turns out to be text after typed rows, the chunk stops collecting and the
/// part is scanned again for that column (`PartParser.rebuildAsText`).
struct ColumnChunk {
    /// What the chunk collects.
    enum Mode {
        /// Infer the type from the fields.
        case infer
        /// Build text codes: the column is already known to be text.
        case text
        /// Only count rows: the column will be built by a later pass.
        case skip
    }

    private(set) var mode = Mode.infer
    /// The type of the values collected so far.
    private(set) var type = InferredType.undecided
    /// The kinds of value seen.
    private(set) var evidence = TypeEvidence()
    /// Set when the column became text after typed rows: the values must be rebuilt from the bytes.
    private(set) var needsRebuild = false
    /// Rows appended.
    private(set) var rowCount = 0
    /// Values of an integer chunk (0 for a missing row).
    private(set) var integers: [Int64] = []
    /// Values of a decimal chunk (0 for a missing row).
    private(set) var decimals: [Double] = []
    /// Values of a boolean chunk (false for a missing row).
    private(set) var booleans: [Bool] = []
    /// Day numbers of a date chunk (0 for a missing row).
    private(set) var days: [Int32] = []
    /// Codes of a text chunk into `dictionary` (0 for a missing row).
    private(set) var codes: [UInt32] = []
    /// The chunk's own dictionary, in first-seen order.
    private(set) var dictionary = TextDictionaryBuilder()
    /// Rows (within the chunk) that are missing, ascending.
    private(set) var missingRows: [Int] = []
    /// The first whole number this chunk holds as a decimal that changed in the conversion.
    private(set) var firstInexact: InexactValue?
    private var unescaped: [UInt8] = []

    /// The memory the chunk holds, in bytes.
    var memoryBytes: Int {
        MemoryBudget.heapBytes(integers) &+ MemoryBudget.heapBytes(decimals) &+ MemoryBudget.heapBytes(booleans)
            &+ MemoryBudget.heapBytes(days) &+ MemoryBudget.heapBytes(codes) &+ MemoryBudget.heapBytes(missingRows)
            &+ MemoryBudget.heapBytes(unescaped)
            &+ dictionary.memoryBytes
    }

    /// Empties the chunk for a new part, keeping its memory.
    mutating func reset(mode: Mode) {
        self.mode = mode
        type = mode == .text ? .text : .undecided
        evidence = mode == .text ? .text : []
        needsRebuild = false
        rowCount = 0
        integers.removeAll(keepingCapacity: true)
        decimals.removeAll(keepingCapacity: true)
        booleans.removeAll(keepingCapacity: true)
        days.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
        dictionary.removeAll()
        missingRows.removeAll(keepingCapacity: true)
        firstInexact = nil
    }

    /// Appends the field `field` of `bytes` as the next row.
    @inline(__always)
    mutating func append(_ field: FieldSpan, _ bytes: UnsafeBufferPointer<UInt8>) {
        let row = rowCount
        rowCount &+= 1
        if type == .text {
            if !needsRebuild && mode != .skip { appendText(field, bytes, row: row) }
            return
        }
        if mode == .skip { return }
        if field.isEmpty {
            missingRows.append(row)
            appendPlaceholder()
            return
        }
        let value = field.hasDoubledQuotes
            ? FieldClassifier.Class.text
            : FieldClassifier.classify(bytes, start: field.start, length: Int(field.length))
        let found = TypeEvidence(value)
        if !evidence.contains(found) {
            evidence.formUnion(found)
            let target = evidence.type
            if target != type { convert(to: target, rows: row) }
            if type == .text {
                if !needsRebuild { appendText(field, bytes, row: row) }
                return
            }
        }
        switch value {
        case .integer(let number):
            if type == .integer {
                integers.append(number)
            } else {
                if firstInexact == nil { firstInexact = InexactValue.check(number, row: row) }
                decimals.append(Double(number))
            }
        case .decimal(let number):
            if firstInexact == nil {
                firstInexact = InexactValue.check(bytes, start: field.start, length: Int(field.length), value: number, row: row)
            }
            decimals.append(number)
        case .boolean(let flag):
            booleans.append(flag)
        case .date(let day):
            days.append(day)
        case .missingToken:
            missingRows.append(row)
            appendPlaceholder()
        case .text:
            break
        }
    }

    /// Appends the field as text (a code), whatever it holds.
    @inline(__always)
    private mutating func appendText(_ field: FieldSpan, _ bytes: UnsafeBufferPointer<UInt8>, row: Int) {
        if field.isEmpty {
            missingRows.append(row)
            codes.append(0)
        } else if field.hasDoubledQuotes {
            unescaped.removeAll(keepingCapacity: true)
            field.appendValue(from: bytes, to: &unescaped)
            codes.append(unescaped.withUnsafeBytes { dictionary.code($0) })
        } else {
            codes.append(dictionary.code(bytes, start: field.start, length: Int(field.length)))
        }
    }

    /// Appends the filler of a missing row to the typed array in use.
    @inline(__always)
    private mutating func appendPlaceholder() {
        switch type {
        case .integer: integers.append(0)
        case .decimal: decimals.append(0)
        case .boolean: booleans.append(false)
        case .date: days.append(0)
        case .undecided, .text: break
        }
    }

    /// Moves the `rows` values collected so far to the type `target`.
    private mutating func convert(to target: InferredType, rows: Int) {
        switch (type, target) {
        case (.undecided, .integer):
            integers.append(contentsOf: Array(repeating: 0, count: rows))
        case (.undecided, .decimal):
            decimals.append(contentsOf: Array(repeating: 0, count: rows))
        case (.undecided, .boolean):
            booleans.append(contentsOf: Array(repeating: false, count: rows))
        case (.undecided, .date):
            days.append(contentsOf: Array(repeating: 0, count: rows))
        case (.integer, .decimal):
            firstInexact = InexactValue.first(in: integers, firstRow: 0)
            decimals.append(contentsOf: integers.lazy.map { Double($0) })
            integers.removeAll(keepingCapacity: true)
        case (.undecided, .text) where !evidence.contains(.missingToken):
            codes.append(contentsOf: Array(repeating: 0, count: rows))
        default:
            needsRebuild = true
            integers.removeAll(keepingCapacity: true)
            decimals.removeAll(keepingCapacity: true)
            booleans.removeAll(keepingCapacity: true)
            days.removeAll(keepingCapacity: true)
            missingRows.removeAll(keepingCapacity: true)
        }
        type = target
    }
}
