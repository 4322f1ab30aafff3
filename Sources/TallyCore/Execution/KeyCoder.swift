/// Turns one grouping key into a small integer per row, `0..<cardinality`, missing values
/// taking a code of their own: dictionary text uses its codes, integers in a narrow range their
/// offset from the minimum, anything else a code numbered through a hash table.
struct KeyCoder {
    /// How many codes there can be.
    let cardinality: Int
    private let storage: Storage

    private enum Storage {
        case codes([UInt32], validity: ValidityMask?, missingCode: UInt32)
        case offsets([Int64], minimum: Int64, validity: ValidityMask?, missingCode: UInt32)
        case dayOffsets([Int32], minimum: Int64, validity: ValidityMask?, missingCode: UInt32)
        case numbered([UInt32])
    }

    /// Integer ranges up to this width are coded by offset rather than hashed.
    static let maxDirectRange: Int64 = 1 << 16

    /// A coder for `column` (whose rows are the source's rows), to code the rows at `rows` (all
    /// rows when nil); polls `context`'s cancellation flag as it reads them.
    init(_ column: Column, rows: Selection?, context: ExecutionContext) throws(Diagnostic) {
        switch column.data {
        case .text(let codes, let dictionary):
            cardinality = dictionary.count + 1
            storage = .codes(codes, validity: column.validity, missingCode: UInt32(truncatingIfNeeded: dictionary.count))
        case .integer(let values):
            (storage, cardinality) = try KeyCoder.byOffset(column, values, rows: rows, context: context, Storage.offsets)
        case .days(let values):
            (storage, cardinality) = try KeyCoder.byOffset(column, values, rows: rows, context: context, Storage.dayOffsets)
        case .decimal, .boolean:
            (storage, cardinality) = try KeyCoder.numbered(column, context: context)
        }
    }

    /// The code of source row `row`.
    func code(_ row: Int) -> Int {
        switch storage {
        case .codes(let codes, let validity, let missing):
            return validity?.isValid(row) == false ? Int(missing) : Int(codes[row])
        case .offsets(let values, let minimum, let validity, let missing):
            return validity?.isValid(row) == false ? Int(missing) : Int(values[row] &- minimum)
        case .dayOffsets(let values, let minimum, let validity, let missing):
            return validity?.isValid(row) == false ? Int(missing) : Int(Int64(values[row]) &- minimum)
        case .numbered(let codes):
            return Int(codes[row])
        }
    }

    /// Adds `code × stride` of each of `rows` to `slots`: one batch, the storage unpacked once.
    func addCodes(of rows: UnsafeBufferPointer<Int32>, times stride: Int, to slots: UnsafeMutableBufferPointer<Int32>) {
        let step = Int32(truncatingIfNeeded: stride)
        switch storage {
        case .codes(let codes, let validity, let missing):
            codes.withUnsafeBufferPointer { codes in
                for i in 0..<rows.count { slots[i] &+= Int32(truncatingIfNeeded: codes[Int(rows[i])]) &* step }
            }
            if let validity { patchMissing(rows, validity, Int32(truncatingIfNeeded: missing), step, slots, codes) }
        case .offsets(let values, let minimum, let validity, let missing):
            KeyCoder.addOffsets(of: rows, values, minimum: minimum, validity: validity, missing: missing, times: step, to: slots)
        case .dayOffsets(let values, let minimum, let validity, let missing):
            KeyCoder.addOffsets(of: rows, values, minimum: minimum, validity: validity, missing: missing, times: step, to: slots)
        case .numbered(let codes):
            codes.withUnsafeBufferPointer { codes in
                for i in 0..<rows.count { slots[i] &+= Int32(truncatingIfNeeded: codes[Int(rows[i])]) &* step }
            }
        }
    }

    /// Adds `(value − minimum) × step` of each of `rows` to `slots`, the missing code for missing rows.
    private static func addOffsets<Stored: FixedWidthInteger & SignedInteger>(
        of rows: UnsafeBufferPointer<Int32>, _ values: [Stored], minimum: Int64, validity: ValidityMask?, missing: UInt32,
        times step: Int32, to slots: UnsafeMutableBufferPointer<Int32>
    ) {
        values.withUnsafeBufferPointer { values in
            for i in 0..<rows.count { slots[i] &+= Int32(truncatingIfNeeded: Int64(values[Int(rows[i])]) &- minimum) &* step }
        }
        if let validity {
            for i in 0..<rows.count where !validity.isValid(Int(rows[i])) {
                slots[i] &+= (Int32(truncatingIfNeeded: missing) &- Int32(truncatingIfNeeded: Int64(values[Int(rows[i])]) &- minimum)) &* step
            }
        }
    }

    /// The storage `make` builds (values, minimum, validity, missing code) when the present
    /// values at `rows` (all rows when nil) span a range narrow enough to code by offset; else
    /// the values numbered through a hash table. With the number of codes.
    private static func byOffset<Stored: FixedWidthInteger & SignedInteger>(
        _ column: Column, _ values: [Stored], rows: Selection?, context: ExecutionContext,
        _ make: ([Stored], Int64, ValidityMask?, UInt32) -> Storage
    ) throws(Diagnostic) -> (Storage, Int) {
        let (low, high) = try range(of: values, validity: column.validity, rows: rows, context: context)
        let (width, overflow) = high.subtractingReportingOverflow(low)
        guard low <= high, !overflow, width < KeyCoder.maxDirectRange else { return try numbered(column, context: context) }
        return (make(values, low, column.validity, UInt32(truncatingIfNeeded: width + 1)), Int(width) + 2)
    }

    /// Moves missing rows of a dictionary column from their placeholder code to the missing code.
    private func patchMissing(
        _ rows: UnsafeBufferPointer<Int32>, _ validity: ValidityMask, _ missing: Int32, _ step: Int32,
        _ slots: UnsafeMutableBufferPointer<Int32>, _ codes: [UInt32]
    ) {
        for i in 0..<rows.count where !validity.isValid(Int(rows[i])) {
            slots[i] &+= (missing &- Int32(truncatingIfNeeded: codes[Int(rows[i])])) &* step
        }
    }

    /// The smallest and largest present value at `rows` (all rows when nil); `(max, min)` when none.
    /// Polls the cancellation flag once every `ExecutionContext.batchSize` rows.
    static func range<Stored: FixedWidthInteger & SignedInteger>(
        of values: [Stored], validity: ValidityMask?, rows: Selection?, context: ExecutionContext
    ) throws(Diagnostic) -> (Int64, Int64) {
        var low = Stored.max, high = Stored.min
        try values.withUnsafeBufferPointer { values throws(Diagnostic) in
            try ValidityMask.withWords(validity) { words throws(Diagnostic) in
                /// Widens the range by the rows `row(0)`, …, `row(count - 1)`, a batch at a time.
                func scan(_ count: Int, _ row: (Int) -> Int) throws(Diagnostic) {
                    for batch in stride(from: 0, to: count, by: ExecutionContext.batchSize) {
                        try context.checkCancelled()
                        for i in batch..<min(batch + ExecutionContext.batchSize, count) {
                            let at = row(i)
                            guard ValidityMask.isValid(words, at) else { continue }
                            low = min(low, values[at])
                            high = max(high, values[at])
                        }
                    }
                }
                if let rows {
                    try rows.withUnsafeBufferPointer { rows throws(Diagnostic) in try scan(rows.count) { Int(rows[$0]) } }
                } else {
                    try scan(values.count) { $0 }
                }
            }
        }
        return (Int64(low), Int64(high))
    }

    /// Codes numbered in order of first appearance through a hash table of the values' bits
    /// (integers as they are, decimals with -0 folded into 0, booleans as 0 and 1); missing rows
    /// share one code of their own.
    private static func numbered(_ column: Column, context: ExecutionContext) throws(Diagnostic) -> (Storage, Int) {
        switch column.data {
        case .integer(let values): return try numbered(values, column.validity, context) { UInt64(bitPattern: $0) }
        case .days(let values): return try numbered(values, column.validity, context) { UInt64(bitPattern: Int64($0)) }
        case .decimal(let values): return try numbered(values, column.validity, context) { ($0 + 0.0).bitPattern }
        case .boolean(let values): return try numbered(values, column.validity, context) { $0 ? 1 : 0 }
        case .text(let codes, _): return try numbered(codes, column.validity, context) { UInt64($0) }
        }
    }

    private static func numbered<Element>(
        _ values: [Element], _ validity: ValidityMask?, _ context: ExecutionContext, bits: (Element) -> UInt64
    ) throws(Diagnostic) -> (Storage, Int) {
        var ids: [UInt64: UInt32] = [:]
        var missingID: UInt32?
        var next: UInt32 = 0
        var codes = [UInt32](repeating: 0, count: values.count)
        try ValidityMask.withWords(validity) { words throws(Diagnostic) in
            for row in values.indices {
                try context.checkCancelled(atRow: row)
                if !ValidityMask.isValid(words, row) {
                    if missingID == nil { missingID = next; next &+= 1 }
                    codes[row] = missingID ?? 0
                } else if let id = ids[bits(values[row])] {
                    codes[row] = id
                } else {
                    ids[bits(values[row])] = next
                    codes[row] = next
                    next &+= 1
                }
            }
        }
        return (.numbered(codes), max(Int(next), 1))
    }
}
