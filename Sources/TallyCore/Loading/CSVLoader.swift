/// Loads CSV and TSV files into columnar `Table`s.
///
/// The pipeline: `FileReader` (chunks read with `read`) → `TextValidator` (not binary, valid UTF-8) →
/// byte-order mark and leading blank lines skipped → `DelimiterSniffer` → `CSVScanner` (one pass, field
/// spans into one flat array) → `HeaderNormalizer` → `ColumnBuilder` per column (type inference and
/// typed arrays built from the bytes). Policies: blank lines are skipped in files of more than one
/// column and counted in `Report.notes` (in a one-column file a blank line is a missing value); a file
/// with a header and no rows loads as a table of 0 rows whose columns are text.
public enum CSVLoader {
    /// What a load produced besides the table: notes such as skipped blank lines.
    public struct Report: Sendable {
        /// The table.
        public var table: Table
        /// Notes for the user (not errors), e.g. "skipped 3 blank lines".
        public var notes: [String]
    }

    /// Loads the file at `path` as a dataset named `name`, failing up front (`load-over-budget`) when it
    /// would need more than `budgetMegabytes` of memory (nil: no budget).
    /// Errors are `Diagnostic`s with code `load-…` and a `fileLocation` where one applies.
    public static func load(
        path: String, name: String, info: DatasetInfo = DatasetInfo(), budgetMegabytes: Int64? = nil
    ) throws(Diagnostic) -> Report {
        var limits = CSVLimits.standard
        limits.budgetMegabytes = budgetMegabytes
        return try load(path: path, name: name, info: info, limits: limits)
    }

    /// Parses CSV bytes already in memory; `path` is only for messages and delimiter choice.
    public static func load(bytes: [UInt8], path: String, name: String, info: DatasetInfo = DatasetInfo()) throws(Diagnostic) -> Report {
        try load(bytes: bytes, path: path, name: name, info: info, limits: .standard)
    }

    /// Loads the file at `path` under `limits`.
    static func load(path: String, name: String, info: DatasetInfo, limits: CSVLimits) throws(Diagnostic) -> Report {
        let bytes = try FileReader.readAll(path: path, limits: limits)
        return try load(bytes: bytes, path: path, name: name, info: info, limits: limits)
    }

    /// Parses `bytes` under `limits`.
    static func load(bytes: [UInt8], path: String, name: String, info: DatasetInfo, limits: CSVLimits) throws(Diagnostic) -> Report {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(LoadError) -> Report in
                try parse(buffer, path: path, name: name, info: info, limits: limits)
            }
        }
        switch result {
        case .success(let report): return report
        case .failure(let error): throw error.diagnostic(path: path, bytes: bytes)
        }
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, name: String, info: DatasetInfo, limits: CSVLimits
    ) throws(LoadError) -> Report {
        if let kind = TextValidator.binaryKind(of: Array(bytes.prefix(1 << 16))) { throw .binary(kind: kind) }
        try TextValidator.validate(bytes)
        var blankLines = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, let length = lineBreakLength(bytes, at: start) {
            start &+= length
            blankLines &+= 1
        }
        guard start < bytes.count else { throw .empty }
        let delimiter = DelimiterSniffer.delimiter(path: path, bytes: bytes, headerStart: start)
        var scanner = CSVScanner(delimiter: delimiter, range: start..<bytes.count, limits: limits)
        var headerFields: [FieldSpan] = []
        guard try scanner.nextRecord(bytes, into: &headerFields) != nil else { throw .empty }
        let width = headerFields.count
        var fields: [FieldSpan] = []
        fields.reserveCapacity(bytes.count / 6)
        var rows = 0
        while let record = try scanner.nextRecord(bytes, into: &fields) {
            if record.fieldCount == width, !(record.isBlank && width > 1) {
                rows &+= 1
                if rows > limits.maxRows { throw .tooManyRows(offset: record.start, limit: limits.maxRows) }
                continue
            }
            if record.isBlank {
                fields.removeLast()
                blankLines &+= 1
                continue
            }
            let offset = record.fieldCount < width ? record.lineEnd : fields[fields.count - record.fieldCount + width].fieldStart
            throw .fieldCount(recordStart: record.start, offset: offset, found: record.fieldCount, expected: width)
        }
        let headers = headerFields.map { header in
            var value: [UInt8] = []
            header.appendValue(from: bytes, to: &value)
            return String(decoding: value, as: UTF8.self)
        }
        let names = HeaderNormalizer.normalize(headers)
        let rowCount = fields.count / max(width, 1)
        let columns = fields.withUnsafeBufferPointer { spans in
            let builder = ColumnBuilder(bytes: bytes, fields: spans, width: width, rowCount: rowCount)
            return names.indices.map { builder.build(index: $0, name: names[$0], originalName: headers[$0]) }
        }
        let table = Table(name: name, columns: columns, rowCount: rowCount, info: info)
        var notes: [String] = []
        if blankLines > 0 { notes.append("skipped \(blankLines) blank line\(blankLines == 1 ? "" : "s")") }
        return Report(table: table, notes: notes)
    }

    /// The length of the line break at `offset` (`\n` or `\r\n`), or nil when none starts there.
    private static func lineBreakLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        if bytes[offset] == 0x0A { return 1 }
        if bytes[offset] == 0x0D, offset &+ 1 < bytes.count, bytes[offset &+ 1] == 0x0A { return 2 }
        return nil
    }
}
