/// One column of the table being loaded: the chunks of every part merged in file order.
///
/// The type is the one the union of all chunks' evidence makes, so it never depends on how the file
/// was cut. Integers widen to decimals in place (each value converted on its own); text chunks are
/// re-coded through one dictionary, part after part, so codes follow first-seen order over the whole
/// file. When the column turns text after typed rows (whose bytes are gone), it is marked for a
/// later pass that builds it as text from the start (`needsTextPass`).
struct ColumnAccumulator {
    private var type = InferredType.undecided
    private var evidence = TypeEvidence()
    /// Set when the column must be built again as text by another pass.
    private(set) var needsTextPass = false
    private(set) var rowCount = 0
    private var integers: [Int64] = []
    private var decimals: [Double] = []
    private var booleans: [Bool] = []
    private var days: [Int32] = []
    private var codes: [UInt32] = []
    private var dictionary = TextDictionaryBuilder()
    /// One bit per row, set when the row is missing; grown only once a row is missing.
    private var missingWords: [UInt64] = []
    private var missingCount = 0
    private var expectedRows = 0
    /// Local code → column code, reused per chunk.
    private var recode: [UInt32] = []
    /// The first whole number the decimal column could not hold exactly.
    private(set) var firstInexact: InexactValue?

    /// An empty column; `text` when it is known to be text (built so by a second pass).
    init(text: Bool) {
        if text {
            type = .text
            evidence = .text
        }
    }

    /// How chunks of this column should collect.
    var chunkMode: ColumnChunk.Mode {
        if needsTextPass { return .skip }
        return type == .text ? .text : .infer
    }

    /// Whether the finished column needs a text pass: typed rows turned text, or the only values were
    /// missing-value tokens, whose spelling a text column keeps.
    var needsTextPassAtEnd: Bool {
        needsTextPass || (type == .undecided && evidence.contains(.missingToken))
    }

    /// The memory the column's values, missing-row bits and scratch hold now, in bytes.
    var valueBytes: Int {
        MemoryBudget.heapBytes(integers) &+ MemoryBudget.heapBytes(decimals) &+ MemoryBudget.heapBytes(booleans)
            &+ MemoryBudget.heapBytes(days) &+ MemoryBudget.heapBytes(codes) &+ MemoryBudget.heapBytes(missingWords)
            &+ MemoryBudget.heapBytes(recode)
    }

    /// The memory the dictionary holds, with what its finished strings will take, in bytes.
    var dictionaryBytes: Int { dictionary.memoryBytes }

    /// What each row costs in the finished column: its value by the column's type (a column still
    /// undecided becomes text codes) and, once a row is missing, its missing bit (held twice while
    /// the column is finished); nothing when another pass will build the column.
    var bytesPerRow: Double {
        if needsTextPass { return 0 }
        let missingBits = missingCount > 0 ? 0.25 : 0
        switch type {
        case .integer: return Double(MemoryLayout<Int64>.stride) + missingBits
        case .decimal: return Double(MemoryLayout<Double>.stride) + missingBits
        case .boolean: return Double(MemoryLayout<Bool>.stride) + missingBits
        case .date: return Double(MemoryLayout<Int32>.stride) + missingBits
        case .text, .undecided: return Double(MemoryLayout<UInt32>.stride) + missingBits
        }
    }

    /// Reserves room for about `rows` rows in all.
    mutating func reserve(rows: Int) {
        expectedRows = rows
        reserveActive()
    }

    /// Appends `chunk`; `textChunk` gives the same part's column as text when the column is text but
    /// the chunk was built typed.
    mutating func merge(_ chunk: ColumnChunk, textChunk: () -> ColumnChunk) {
        defer { rowCount &+= chunk.rowCount }
        if needsTextPass || chunk.mode == .skip { return }
        let combined = evidence.union(chunk.evidence)
        let target = combined.type
        if target != type, !widen(to: target) {
            drop()
            return
        }
        evidence = combined
        switch type {
        case .undecided:
            break
        case .integer:
            if chunk.type == .integer { integers.append(contentsOf: chunk.integers) } else { integers.append(contentsOf: Array(repeating: 0, count: chunk.rowCount)) }
        case .decimal:
            switch chunk.type {
            case .integer:
                if firstInexact == nil { firstInexact = InexactValue.first(in: chunk.integers, firstRow: rowCount) }
                decimals.append(contentsOf: chunk.integers.lazy.map { Double($0) })
            case .decimal:
                if firstInexact == nil { firstInexact = chunk.firstInexact?.shifted(by: rowCount) }
                decimals.append(contentsOf: chunk.decimals)
            default: decimals.append(contentsOf: Array(repeating: 0, count: chunk.rowCount))
            }
        case .boolean:
            if chunk.type == .boolean { booleans.append(contentsOf: chunk.booleans) } else { booleans.append(contentsOf: Array(repeating: false, count: chunk.rowCount)) }
        case .date:
            if chunk.type == .date { days.append(contentsOf: chunk.days) } else { days.append(contentsOf: Array(repeating: 0, count: chunk.rowCount)) }
        case .text:
            if chunk.type == .text {
                appendCodes(of: chunk)
            } else if chunk.type == .undecided && !chunk.evidence.contains(.missingToken) {
                codes.append(contentsOf: Array(repeating: 0, count: chunk.rowCount))
            } else {
                let text = textChunk()
                appendCodes(of: text)
                markMissing(text.missingRows)
                return
            }
        }
        markMissing(chunk.missingRows)
    }

    /// The finished column (its type must not need a text pass).
    func column(name: String, originalName: String) -> Column {
        let data: ColumnData
        var calendarType: ValueType?
        switch type {
        case .integer: data = .integer(integers)
        case .decimal: data = .decimal(decimals)
        case .boolean: data = .boolean(booleans)
        case .date:
            data = .days(days)
            calendarType = .date
        case .text: data = .text(codes: codes, dictionary: dictionary.dictionary())
        case .undecided: data = .text(codes: Array(repeating: 0, count: rowCount), dictionary: TextDictionary([""]))
        }
        var validity: ValidityMask?
        if missingCount > 0 {
            var mask = ValidityMask(count: rowCount)
            for (index, word) in missingWords.enumerated() {
                var bits = word
                while bits != 0 {
                    let row = index &* 64 &+ bits.trailingZeroBitCount
                    if row < rowCount { mask.set(row, valid: false) }
                    bits &= bits &- 1
                }
            }
            validity = mask
        }
        return Column(name: name, originalName: originalName, data: data, validity: validity, calendarType: calendarType)
    }

    /// Moves the rows so far to `target`; false when that needs their bytes (typed rows turning text).
    private mutating func widen(to target: InferredType) -> Bool {
        switch (type, target) {
        case (.undecided, .integer):
            integers = Array(repeating: 0, count: rowCount)
        case (.undecided, .decimal):
            decimals = Array(repeating: 0, count: rowCount)
        case (.undecided, .boolean):
            booleans = Array(repeating: false, count: rowCount)
        case (.undecided, .date):
            days = Array(repeating: 0, count: rowCount)
        case (.undecided, .text) where !evidence.contains(.missingToken):
            codes = Array(repeating: 0, count: rowCount)
        case (.integer, .decimal):
            firstInexact = InexactValue.first(in: integers, firstRow: 0)
            decimals = []
            decimals.reserveCapacity(max(expectedRows, rowCount))
            decimals.append(contentsOf: integers.lazy.map { Double($0) })
            integers = []
        default:
            return false
        }
        type = target
        reserveActive()
        return true
    }

    /// Gives up collecting: another pass will build the column as text.
    private mutating func drop() {
        needsTextPass = true
        firstInexact = nil
        integers = []
        decimals = []
        booleans = []
        days = []
        codes = []
        missingWords = []
        missingCount = 0
    }

    private mutating func reserveActive() {
        switch type {
        case .integer: integers.reserveCapacity(expectedRows)
        case .decimal: decimals.reserveCapacity(expectedRows)
        case .boolean: booleans.reserveCapacity(expectedRows)
        case .date: days.reserveCapacity(expectedRows)
        case .text: codes.reserveCapacity(expectedRows)
        case .undecided: break
        }
    }

    /// Appends a text chunk's codes, re-coded into this column's dictionary.
    private mutating func appendCodes(of chunk: ColumnChunk) {
        let first = codes.count
        codes.append(contentsOf: chunk.codes)
        guard chunk.dictionary.count > 0 else { return }
        recode.removeAll(keepingCapacity: true)
        chunk.dictionary.forEachValue { recode.append(dictionary.code($0)) }
        recode.withUnsafeBufferPointer { table in
            codes.withUnsafeMutableBufferPointer { all in
                for index in first..<all.count {
                    let local = Int(all[index])
                    all[index] = local < table.count ? table[local] : 0
                }
            }
        }
        codes.withUnsafeMutableBufferPointer { all in
            for row in chunk.missingRows where first &+ row < all.count { all[first &+ row] = 0 }
        }
    }

    /// Marks the chunk's missing rows (chunk-relative) as missing rows of the column.
    private mutating func markMissing(_ rows: [Int]) {
        guard let last = rows.last else { return }
        let needed = (rowCount &+ last) &>> 6 &+ 1
        if missingWords.count < needed {
            missingWords.append(contentsOf: Array(repeating: 0, count: max(needed, (expectedRows &+ 63) &>> 6) &- missingWords.count))
        }
        for row in rows {
            let absolute = rowCount &+ row
            missingWords[absolute &>> 6] |= 1 &<< UInt64(absolute & 63)
        }
        missingCount &+= rows.count
    }
}
