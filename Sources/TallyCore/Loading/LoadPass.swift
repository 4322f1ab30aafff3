/// One pass over a CSV source: the header, then the records block by block, each block parsed in
/// concurrent parts and merged into the columns in file order, then dropped.
///
/// Steps: the first bytes are checked for binary data; a byte-order mark and leading blank lines are
/// skipped; `DelimiterSniffer` picks the delimiter; the header record gives the width; then each block
/// is cut after its last line feed (the rest waits for the next block), split into parts after line
/// feeds, and parsed by `PartParser`s. A part that fails with an unclosed quote may only have been
/// cut inside a quoted field: the rest of the block is then parsed in one piece, with more bytes read
/// when the block's own cut was inside quotes.
///
/// After every block the memory the load will hold at its end is projected and checked against the
/// budget (`MemoryForecast`), so a load too large for it stops early.
///
/// Errors keep the precedence of a whole-file load: the reader's own errors (such as a line longer
/// than the limit) anywhere in the file, then binary data at the start, then the first NUL or invalid
/// UTF-8 anywhere, then the first malformed record. So after a failure the rest of the file is still
/// read (and checked, when the failure was a malformed record) before the failure is reported.
struct LoadPass<Source: ByteSource> {
    /// What a finished pass produced.
    struct Outcome {
        /// The header cells as written.
        var headers: [String]
        /// One accumulator per column.
        var columns: [ColumnAccumulator]
        /// Data rows.
        var rowCount: Int
        /// Blank lines skipped (before the header and between rows).
        var blankLines: Int
    }

    /// The bytes.
    var source: Source
    /// The file's name, for the delimiter choice.
    let path: String
    let limits: CSVLimits
    let tuning: LoadTuning
    /// Columns built as text from the start (found text after typed rows by an earlier pass).
    let textColumns: Set<Int>
    /// The row count found by an earlier pass, to reserve exactly.
    let expectedRows: Int?

    private var buffer = BlockBuffer()

    /// A pass over `source`; blocks are no larger than a source of known size needs, and a source
    /// smaller than one part is loaded on the calling thread.
    init(source: Source, path: String, limits: CSVLimits, tuning: LoadTuning, textColumns: Set<Int>, expectedRows: Int?) {
        self.source = source
        self.path = path
        self.limits = limits
        var tuning = tuning
        if let size = source.knownSize {
            tuning.blockBytes = min(tuning.blockBytes, max(1 << 16, size &+ 1))
            if size < tuning.partBytes { tuning.threads = 1 }
        }
        self.tuning = tuning
        self.textColumns = textColumns
        self.expectedRows = expectedRows
    }

    /// Reads the whole source; errors carry file offsets.
    mutating func run() throws(LoadError) -> Outcome {
        try fill(1 << 16)
        let head = try buffer.withBytes { bytes throws(LoadError) in Array(bytes.prefix(TextValidator.headBytes)) }
        if let kind = TextValidator.binaryKind(of: head) { try fail(.binary(kind: kind), drainingFrom: 0, checkText: false) }
        var blankLines = try skipLeadingBlankLines()
        try fill(DelimiterSniffer.sampleBytes &+ 1)
        let delimiter = try buffer.withBytes { bytes throws(LoadError) in
            DelimiterSniffer.delimiter(path: path, bytes: bytes, headerStart: buffer.start)
        }
        let headers = try readHeader(delimiter: delimiter)
        let dataStart = buffer.base &+ buffer.start
        var columns = headers.indices.map { ColumnAccumulator(text: textColumns.contains($0)) }
        if let expectedRows { reserve(&columns, rows: expectedRows) }
        var parts: [PartParser] = []
        var rowCount = 0
        var reserved = expectedRows != nil
        var inOnePiece = false
        var wanted = tuning.blockBytes
        var forecast = limits.budgetMegabytes.map(MemoryForecast.init)
        while let cut = try nextCut(reading: wanted) {
            let bounds = inOnePiece ? [buffer.start, cut] : partBounds(buffer.start..<cut)
            let partCount = bounds.count &- 1
            if parts.count < partCount { parts.append(contentsOf: repeatElement(PartParser(), count: partCount &- parts.count)) }
            let modes = columns.map(\.chunkMode)
            try parse(&parts, bounds: bounds, modes: modes, delimiter: delimiter)
            for part in parts.prefix(partCount) {
                if case .invalidText(let error) = part.failure { try fail(error.shifted(by: buffer.base), drainingFrom: cut, checkText: false) }
            }
            let failed = parts.prefix(partCount).firstIndex { $0.failure != nil }
            let good = failed ?? partCount
            try merge(parts.prefix(good), into: &columns, delimiter: delimiter)
            for part in parts.prefix(good) {
                rowCount &+= part.rowCount
                blankLines &+= part.blankLines
            }
            if rowCount > limits.maxRows { throw .tooManyRows(offset: buffer.base &+ bounds[0], limit: limits.maxRows) }
            if let failed, case .malformed(let error) = parts[failed].failure {
                let isLast = failed == partCount &- 1
                if case .unterminatedQuote = error, !(isLast && buffer.atEnd) {
                    buffer.start = bounds[failed]
                    if isLast { wanted = max(buffer.unparsed &* 2, tuning.blockBytes) }
                    inOnePiece = true
                    continue
                }
                try fail(error.shifted(by: buffer.base), drainingFrom: cut, checkText: true)
            }
            buffer.start = cut
            inOnePiece = false
            wanted = tuning.blockBytes
            try forecast?.check(
                columns: columns, rows: rowCount, consumedBytes: buffer.base &+ cut &- dataStart,
                totalBytes: source.knownSize.map { $0 &- dataStart }, otherBytes: heldBytes(besides: parts))
            if !reserved, let size = source.knownSize, rowCount > 0 {
                let consumed = Double(buffer.base &+ cut &- dataStart)
                let estimate = Double(rowCount) * Double(max(0, size &- dataStart)) / max(1, consumed)
                reserve(&columns, rows: Int(min(estimate * 1.06, 1e12)) &+ 1024)
                reserved = true
            }
        }
        return Outcome(headers: headers, columns: columns, rowCount: rowCount, blankLines: blankLines)
    }

    /// Skips a byte-order mark and blank lines at the start; returns how many lines were skipped.
    private mutating func skipLeadingBlankLines() throws(LoadError) -> Int {
        let hasMark = try buffer.withBytes { bytes throws(LoadError) in bytes.starts(with: [0xEF, 0xBB, 0xBF]) }
        if hasMark { buffer.start &+= 3 }
        var skipped = 0
        while true {
            if buffer.unparsed < 2, !buffer.atEnd { try fill(tuning.blockBytes) }
            let start = buffer.start
            let length = try buffer.withBytes { bytes throws(LoadError) -> Int in
                guard start < bytes.count else { return 0 }
                if bytes[start] == 0x0A { return 1 }
                if bytes[start] == 0x0D, start &+ 1 < bytes.count, bytes[start &+ 1] == 0x0A { return 2 }
                return 0
            }
            if length == 0 { break }
            buffer.start &+= length
            skipped &+= 1
        }
        if buffer.unparsed == 0 { throw .empty }
        return skipped
    }

    /// Reads the header record and leaves `buffer.start` at the first data record.
    private mutating func readHeader(delimiter: UInt8) throws(LoadError) -> [String] {
        var wanted = max(tuning.blockBytes, DelimiterSniffer.sampleBytes &+ 1)
        while true {
            try fill(wanted)
            guard let cut = buffer.atEnd ? buffer.count : buffer.lineEnd(lastIn: buffer.start..<buffer.count) else {
                wanted = buffer.unparsed &* 2
                continue
            }
            if let error = try invalidText(in: buffer.start..<cut) { try fail(error, drainingFrom: cut, checkText: false) }
            var scanner = CSVScanner(delimiter: delimiter, range: buffer.start..<cut, limits: limits)
            var fields: [FieldSpan] = []
            let headers: [String]?
            do {
                headers = try buffer.withBytes { bytes throws(LoadError) -> [String]? in
                    guard let record = try scanner.nextRecord(bytes, into: &fields) else { return nil }
                    return fields.prefix(record.fieldCount).map { field in
                        var value: [UInt8] = []
                        field.appendValue(from: bytes, to: &value)
                        return String(decoding: value, as: UTF8.self)
                    }
                }
            } catch {
                if case .unterminatedQuote = error, !buffer.atEnd {
                    wanted = buffer.unparsed &* 2
                    continue
                }
                try fail(error.shifted(by: buffer.base), drainingFrom: cut, checkText: true)
            }
            guard let headers else { throw .empty }
            buffer.start = scanner.position
            return headers
        }
    }

    /// Parses the parts between consecutive `bounds` concurrently.
    private func parse(_ parts: inout [PartParser], bounds: [Int], modes: [ColumnChunk.Mode], delimiter: UInt8) throws(LoadError) {
        let limits = limits
        try buffer.withBytes { bytes throws(LoadError) in
            parts.withUnsafeMutableBufferPointer { all in
                nonisolated(unsafe) let slots = all
                Parallel.forEach(bounds.count &- 1, threads: tuning.threads) { index in
                    slots[index].parse(bytes, range: bounds[index]..<bounds[index &+ 1], modes: modes, delimiter: delimiter, limits: limits)
                }
            }
        }
    }

    /// Merges the parsed parts into the columns, one column per job, parts in file order.
    private func merge(_ parts: ArraySlice<PartParser>, into columns: inout [ColumnAccumulator], delimiter: UInt8) throws(LoadError) {
        guard !parts.isEmpty else { return }
        let limits = limits
        try buffer.withBytes { bytes throws(LoadError) in
            columns.withUnsafeMutableBufferPointer { all in
                nonisolated(unsafe) let slots = all
                Parallel.forEach(all.count, threads: tuning.threads) { column in
                    for part in parts {
                        slots[column].merge(part.chunks[column]) {
                            part.textChunk(bytes, column: column, delimiter: delimiter, limits: limits)
                        }
                    }
                }
            }
        }
    }

    /// Cuts `range` into parts of about `tuning.partBytes`, each ending just after a line feed (or at
    /// the range's end); returns the cut offsets, first and last included.
    private func partBounds(_ range: Range<Int>) -> [Int] {
        let size = max(1, tuning.partBytes)
        let count = max(1, (range.count &+ size / 2) / size)
        var bounds = [range.lowerBound]
        for index in 1..<max(1, count) {
            let target = range.lowerBound &+ range.count / count &* index
            guard let last = bounds.last, target > last else { continue }
            let cut = buffer.lineEnd(firstFrom: target, limit: range.upperBound)
            if cut < range.upperBound { bounds.append(cut) }
        }
        bounds.append(range.upperBound)
        return bounds
    }

    /// The memory the pass holds besides its columns: the block, the parts' chunks, the source's bytes.
    private func heldBytes(besides parts: [PartParser]) -> Int {
        parts.reduce(buffer.memoryBytes &+ source.heldBytes &+ MemoryBudget.heapBytes(parts)) { $0 &+ $1.memoryBytes }
    }

    private func reserve(_ columns: inout [ColumnAccumulator], rows: Int) {
        for index in columns.indices { columns[index].reserve(rows: rows) }
    }

    /// Reads until `target` unparsed bytes are held or the source ends.
    private mutating func fill(_ target: Int) throws(LoadError) {
        try buffer.fill(from: &source, unparsed: target, chunkBytes: limits.chunkBytes)
    }

    /// The first NUL or invalid UTF-8 in `range` (storage offsets), with a file offset.
    private func invalidText(in range: Range<Int>) throws(LoadError) -> LoadError? {
        let base = buffer.base
        let result = try buffer.withBytes { bytes throws(LoadError) in
            Result { () throws(LoadError) in try TextValidator.validate(UnsafeBufferPointer(rebasing: bytes[range])) }
        }
        guard case .failure(let error) = result else { return nil }
        return error.shifted(by: base &+ range.lowerBound)
    }

    /// Reports `error` after reading the rest of the file from `offset` (storage-relative): the
    /// reader's errors there win, and so does invalid text when `checkText` is set.
    private mutating func fail(_ error: LoadError, drainingFrom offset: Int, checkText: Bool) throws(LoadError) -> Never {
        buffer.start = offset
        var checking = checkText
        var found: LoadError?
        while let cut = try nextCut(reading: tuning.blockBytes) {
            if checking, let invalid = try invalidText(in: buffer.start..<cut) {
                found = invalid
                checking = false
            }
            buffer.start = cut
        }
        throw found ?? error
    }

    /// Fills the buffer (first asking for `wanted` bytes, then twice what is unparsed while no line
    /// end is in sight) and returns where the last whole line held ends, or the end of the source;
    /// nil when nothing is left to parse.
    private mutating func nextCut(reading wanted: Int) throws(LoadError) -> Int? {
        var wanted = wanted
        while true {
            try fill(wanted)
            if buffer.unparsed == 0 { return nil }
            if let cut = buffer.atEnd ? buffer.count : buffer.lineEnd(lastIn: buffer.start..<buffer.count) { return cut }
            wanted = buffer.unparsed &* 2
        }
    }
}
