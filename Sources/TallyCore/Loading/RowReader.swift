/// Reads the data rows of a byte range that starts at a record boundary: each row's fields, checked
/// against the header's width, with blank lines skipped and counted.
///
/// Policies: blank lines are skipped in files of more than one column (in a one-column file a blank
/// line is a missing value); any other record whose field count differs from the header's is an error.
struct RowReader {
    private var scanner: CSVScanner
    /// Fields per row (the header's).
    let width: Int
    /// The fields of the row just read: its first `width` elements (the rest are left from longer
    /// records before it).
    private(set) var fields: [FieldSpan] = []
    /// Blank lines skipped so far.
    private(set) var blankLines = 0

    /// A reader of `range`, splitting fields at `delimiter`.
    init(delimiter: UInt8, range: Range<Int>, width: Int, limits: CSVLimits) {
        scanner = CSVScanner(delimiter: delimiter, range: range, limits: limits)
        self.width = width
        fields.reserveCapacity(width &+ 1)
    }

    /// Reads the next row of `bytes` into `fields`; false at the end of the range.
    mutating func next(_ bytes: UnsafeBufferPointer<UInt8>) throws(LoadError) -> Bool {
        while true {
            guard let record = try scanner.nextRecord(bytes, into: &fields) else { return false }
            if record.fieldCount == width, !(record.isBlank && width > 1) { return true }
            if record.isBlank {
                blankLines &+= 1
                continue
            }
            let offset = record.fieldCount < width || width >= min(record.fieldCount, fields.count) ? record.lineEnd : fields[width].fieldStart
            throw .fieldCount(recordStart: record.start, offset: offset, found: record.fieldCount, expected: width)
        }
    }
}
