/// Loads CSV and TSV files into columnar `Table`s.
///
/// The pipeline: a `ByteSource` (`FileReader` reading chunks with `read`, or bytes in memory) →
/// `LoadPass`: blocks of a few MiB in a `BlockBuffer`, each split into parts that `PartParser`s check
/// (`TextValidator`) and scan (`CSVScanner`, `RowReader`) concurrently into per-column `ColumnChunk`s
/// (type inference and typed values built from the bytes, text through `TextDictionaryBuilder`),
/// merged in file order into `ColumnAccumulator`s. Only the current block and the columns are held,
/// never the whole file (a pipe or FIFO, which cannot be read twice, is read into memory first).
/// When a column proves to be text after typed rows, another pass builds it as text.
///
/// Policies: blank lines are skipped in files of more than one column and counted in `Report.notes`
/// (in a one-column file a blank line is a missing value); a file with a header and no rows loads as
/// a table of 0 rows whose columns are text. Results do not depend on block sizes or thread count.
public enum CSVLoader {
    /// What a load produced besides the table: notes such as skipped blank lines.
    public struct Report: Sendable {
        /// The table.
        public var table: Table
        /// Notes for the user (not errors), e.g. "skipped 3 blank lines".
        public var notes: [String]
        /// Warnings: values the table does not hold as written (whole numbers too large for decimals).
        public var warnings: [String] = []
    }

    /// Loads the file at `path` as a dataset named `name`, failing up front (`load-over-budget`) when it
    /// would need more than `budgetMegabytes` of memory (nil: no budget); `cancellation` stops it.
    /// Errors are `Diagnostic`s with code `load-…` and a `fileLocation` where one applies.
    public static func load(
        path: String, name: String, info: DatasetInfo = DatasetInfo(), budgetMegabytes: Int64? = nil,
        cancellation: CancellationFlag? = nil
    ) throws(Diagnostic) -> Report {
        var limits = CSVLimits.standard
        limits.budgetMegabytes = budgetMegabytes
        limits.cancellation = cancellation
        return try load(path: path, name: name, info: info, limits: limits)
    }

    /// Parses CSV bytes already in memory; `path` is only for messages and delimiter choice.
    public static func load(bytes: [UInt8], path: String, name: String, info: DatasetInfo = DatasetInfo()) throws(Diagnostic) -> Report {
        try load(bytes: bytes, path: path, name: name, info: info, limits: .standard)
    }

    /// Loads the file at `path` under `limits`.
    static func load(
        path: String, name: String, info: DatasetInfo, limits: CSVLimits, tuning: LoadTuning = .standard
    ) throws(Diagnostic) -> Report {
        let reader: FileReader
        do {
            reader = try FileReader(path: path, limits: limits)
        } catch {
            throw error.diagnostic(path: path, bytes: [])
        }
        if let budget = limits.budgetMegabytes, let size = reader.knownSize, Int64(size) > MemoryBudget.maxFileBytes(megabytes: budget) {
            let error = LoadError.overBudget(neededBytes: MemoryBudget.estimate(fileBytes: Int64(size)), budgetMegabytes: budget, isStream: false)
            throw error.diagnostic(path: path, bytes: [])
        }
        if reader.isRegularFile {
            return try load(source: reader, path: path, name: name, info: info, limits: limits, tuning: tuning)
        }
        var bytes: [UInt8] = []
        do {
            try reader.readAll(into: &bytes)
        } catch {
            throw error.diagnostic(path: path, bytes: bytes)
        }
        return try load(source: MemorySource(bytes), path: path, name: name, info: info, limits: limits, tuning: tuning)
    }

    /// Parses `bytes` under `limits`.
    static func load(
        bytes: [UInt8], path: String, name: String, info: DatasetInfo, limits: CSVLimits, tuning: LoadTuning = .standard
    ) throws(Diagnostic) -> Report {
        try load(source: MemorySource(bytes), path: path, name: name, info: info, limits: limits, tuning: tuning)
    }

    /// Loads `source` in as many passes as needed: each pass builds as text from the start the columns
    /// an earlier pass found to be text only after typed rows.
    private static func load<Source: ByteSource>(
        source: Source, path: String, name: String, info: DatasetInfo, limits: CSVLimits, tuning: LoadTuning
    ) throws(Diagnostic) -> Report {
        if CarriageReturnSource<Source>.endsLinesWithCarriageReturns(source.prefix(CarriageReturnSource<Source>.sniffBytes)) {
            return try load(source: CarriageReturnSource(source), path: path, name: name, info: info, limits: limits, tuning: tuning)
        }
        var source = source
        var textColumns: Set<Int> = []
        var expectedRows: Int?
        while true {
            var pass = LoadPass(
                source: source, path: path, limits: limits, tuning: tuning, textColumns: textColumns,
                expectedRows: expectedRows)
            let outcome: LoadPass<Source>.Outcome
            do {
                outcome = try pass.run()
                try pass.source.checkUnchanged()
            } catch {
                let reported = (try? pass.source.checkUnchanged()) == nil ? LoadError.changed : error
                throw reported.diagnostic(path: path, bytes: pass.source.prefix(reported.furthestOffset &+ 1))
            }
            source = pass.source
            let again = outcome.columns.indices.filter { outcome.columns[$0].needsTextPassAtEnd }
            guard again.isEmpty else {
                textColumns.formUnion(again)
                expectedRows = outcome.rowCount
                do {
                    try source.rewind()
                } catch {
                    throw error.diagnostic(path: path, bytes: [])
                }
                continue
            }
            return report(outcome, name: name, info: info)
        }
    }

    /// The table and notes of a finished pass.
    private static func report<Source>(_ outcome: LoadPass<Source>.Outcome, name: String, info: DatasetInfo) -> Report {
        let names = HeaderNormalizer.normalize(outcome.headers)
        var info = info
        let columns = names.indices.map { index in
            let column = outcome.columns[index].column(name: names[index], originalName: outcome.headers[index])
            guard let dated = DateColumnDetector.converted(column) else { return column }
            if dated.hadOffsets { info.columnsInUTC.append(column.name) }
            return dated.column
        }
        let table = Table(name: name, columns: columns, rowCount: outcome.rowCount, info: info)
        var notes: [String] = []
        let blankLines = outcome.blankLines
        if blankLines > 0 { notes.append("skipped \(blankLines) blank line\(blankLines == 1 ? "" : "s")") }
        let warnings = names.indices.compactMap { index -> String? in
            guard let changed = outcome.columns[index].firstInexact else { return nil }
            return "\(names[index]) holds whole numbers too large to keep exactly as decimals, so some changed; the first, in row \(changed.row &+ 1): \(changed.written) is now \(changed.storedText)"
        }
        return Report(table: table, notes: notes, warnings: warnings)
    }
}
