/// Parses one part of a block: checks its text, reads its rows and fills one `ColumnChunk` per column.
///
/// A part is a byte range cut just after a line feed. Parts are parsed concurrently on the guess that
/// each cut is a record boundary; a part is trusted only when every part before it parsed without
/// error (each then ends exactly at its cut, so the next one starts on a boundary).
struct PartParser {
    /// Why a part failed.
    enum Failure {
        /// Not text: a NUL byte or invalid UTF-8 (wins over any malformed record, as the whole file
        /// is checked first).
        case invalidText(LoadError)
        /// A malformed record.
        case malformed(LoadError)
    }

    /// The bytes parsed, relative to the block's storage.
    private(set) var range = 0..<0
    /// One chunk per column.
    private(set) var chunks: [ColumnChunk] = []
    /// Rows read.
    private(set) var rowCount = 0
    /// Blank lines skipped.
    private(set) var blankLines = 0
    /// The first failure, with offsets relative to the storage; nil when the part parsed.
    private(set) var failure: Failure?

    /// The memory the part's chunks hold, in bytes.
    var memoryBytes: Int {
        chunks.reduce(MemoryBudget.heapBytes(chunks)) { $0 &+ $1.memoryBytes }
    }

    /// Parses `range` of `bytes` into chunks collecting as `modes` say, one mode per column.
    mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, modes: [ColumnChunk.Mode], delimiter: UInt8, limits: CSVLimits
    ) {
        self.range = range
        rowCount = 0
        blankLines = 0
        failure = nil
        if chunks.count != modes.count { chunks = Array(repeating: ColumnChunk(), count: modes.count) }
        for column in modes.indices { chunks[column].reset(mode: modes[column]) }
        do {
            try TextValidator.validate(UnsafeBufferPointer(rebasing: bytes[range]))
        } catch {
            failure = .invalidText(error.shifted(by: range.lowerBound))
            return
        }
        var reader = RowReader(delimiter: delimiter, range: range, width: modes.count, limits: limits)
        var rows = 0
        do {
            try chunks.withUnsafeMutableBufferPointer { columns throws(LoadError) in
                while try reader.next(bytes) {
                    reader.fields.withUnsafeBufferPointer { fields in
                        for column in 0..<min(fields.count, columns.count) { columns[column].append(fields[column], bytes) }
                    }
                    rows &+= 1
                }
            }
            rowCount = rows
        } catch {
            failure = .malformed(error)
            return
        }
        blankLines = reader.blankLines
        for column in chunks.indices where chunks[column].needsRebuild {
            chunks[column] = textChunk(bytes, column: column, delimiter: delimiter, limits: limits)
        }
    }

    /// The part's column `column` built as text, by reading the part again (it parsed before, so it
    /// reads the same rows).
    func textChunk(_ bytes: UnsafeBufferPointer<UInt8>, column: Int, delimiter: UInt8, limits: CSVLimits) -> ColumnChunk {
        var chunk = ColumnChunk()
        chunk.reset(mode: .text)
        var reader = RowReader(delimiter: delimiter, range: range, width: chunks.count, limits: limits)
        var row = 0
        while (try? reader.next(bytes)) == true, row < rowCount {
            if column < reader.fields.count { chunk.append(reader.fields[column], bytes) }
            row &+= 1
        }
        return chunk
    }
}
