/// A loader failure before it is turned into a `Diagnostic`: what went wrong and at which byte.
///
/// The reader, validator and scanner throw this; `diagnostic(path:bytes:)` is the one place where a
/// byte offset becomes a 1-based line and column and the message gets the file's name.
enum LoadError: Error, Equatable {
    /// The path does not exist.
    case missingFile
    /// The path is a directory.
    case directory
    /// The file's size or modification time changed while it was being loaded.
    case changed
    /// The load was cancelled (Ctrl-C), or its FIFO had no writer when it was.
    case cancelled(waitingForWriter: Bool)
    /// The file exists but cannot be opened or read; `reason` is the system's wording.
    case unreadable(reason: String)
    /// The file holds no bytes (or only a byte-order mark and blank lines).
    case empty
    /// The file is compressed, an archive or holds NUL bytes; `kind` says which.
    case binary(kind: String)
    /// A NUL byte at `offset`, past the start of the file (a NUL at the start is `binary`).
    case nulByte(offset: Int)
    /// The byte at `offset` does not continue valid UTF-8.
    case invalidUTF8(offset: Int)
    /// A line runs past `limit` bytes from `offset` without a line break.
    case lineTooLong(offset: Int, limit: Int)
    /// The field opening at `offset` is longer than `limit` bytes.
    case fieldTooLong(offset: Int, limit: Int)
    /// The record at `offset` has more than `limit` fields.
    case tooManyColumns(offset: Int, limit: Int)
    /// The record at `offset` is one more than the `limit` of rows.
    case tooManyRows(offset: Int, limit: Int)
    /// Loading would need `neededBytes` of memory (at least, for a stream) where the budget is `budgetMegabytes`.
    case overBudget(neededBytes: Int64, budgetMegabytes: Int64, isStream: Bool)
    /// The quote at `offset` opens a field that never closes.
    case unterminatedQuote(offset: Int)
    /// The byte at `offset` follows a closing quote but is neither a space, a delimiter nor a line end.
    case textAfterQuote(offset: Int)
    /// The record starting at `recordStart` has `found` fields where the header has `expected`;
    /// `offset` is where the first missing or extra field is.
    case fieldCount(recordStart: Int, offset: Int, found: Int, expected: Int)

    /// The same failure with every byte offset moved by `distance` (from a buffer's offsets to the file's).
    func shifted(by distance: Int) -> LoadError {
        switch self {
        case .missingFile, .directory, .changed, .cancelled, .unreadable, .empty, .binary, .overBudget: return self
        case .tooManyRows(let offset, let limit): return .tooManyRows(offset: offset &+ distance, limit: limit)
        case .invalidUTF8(let offset): return .invalidUTF8(offset: offset &+ distance)
        case .nulByte(let offset): return .nulByte(offset: offset &+ distance)
        case .lineTooLong(let offset, let limit): return .lineTooLong(offset: offset &+ distance, limit: limit)
        case .fieldTooLong(let offset, let limit): return .fieldTooLong(offset: offset &+ distance, limit: limit)
        case .tooManyColumns(let offset, let limit): return .tooManyColumns(offset: offset &+ distance, limit: limit)
        case .unterminatedQuote(let offset): return .unterminatedQuote(offset: offset &+ distance)
        case .textAfterQuote(let offset): return .textAfterQuote(offset: offset &+ distance)
        case .fieldCount(let recordStart, let offset, let found, let expected):
            return .fieldCount(recordStart: recordStart &+ distance, offset: offset &+ distance, found: found, expected: expected)
        }
    }

    /// The largest byte offset this failure refers to (0 when none): how much of the file locating it needs.
    var furthestOffset: Int {
        switch self {
        case .missingFile, .directory, .changed, .cancelled, .unreadable, .empty, .binary, .overBudget: return 0
        case .invalidUTF8(let offset), .nulByte(let offset), .lineTooLong(let offset, _), .fieldTooLong(let offset, _), .tooManyRows(let offset, _),
            .tooManyColumns(let offset, _), .unterminatedQuote(let offset), .textAfterQuote(let offset):
            return offset
        case .fieldCount(let recordStart, let offset, _, _): return max(recordStart, offset)
        }
    }

    /// The diagnostic for this failure in the file `path`, whose bytes (as far as read) are `bytes`.
    func diagnostic(path: String, bytes: [UInt8]) -> Diagnostic {
        switch self {
        case .missingFile:
            return Diagnostic.error("load-missing-file", "cannot open '\(path)': no such file")
        case .directory:
            return Diagnostic.error("load-directory", "cannot load '\(path)': it is a directory, not a CSV file")
        case .changed:
            return Diagnostic.error(
                "load-file-changed", "'\(path)' changed while it was being loaded", help: ["load it again once it is written"])
        case .cancelled(let waiting):
            return Diagnostic.error(
                "cancelled", waiting ? "load of '\(path)' cancelled while waiting for something to write to it" : "load of '\(path)' cancelled",
                help: ["the datasets are as they were"])
        case .unreadable(let reason):
            return Diagnostic.error("load-unreadable", "cannot read '\(path)': \(reason)")
        case .empty:
            return Diagnostic.error("load-empty", "'\(path)' is empty: a CSV file needs at least a header line")
        case .binary(let kind):
            return Diagnostic.error("load-binary", "'\(path)' is not a text CSV file (\(kind))")
        case .nulByte(let offset):
            return located("load-binary", "'\(path)' is not a text CSV file (it contains a NUL byte)", offset, path, bytes)
        case .invalidUTF8(let offset):
            return located("load-invalid-utf8", "'\(path)' is not valid UTF-8", offset, path, bytes)
        case .lineTooLong(let offset, let limit):
            return located(
                "load-line-too-long", "a line of '\(path)' is longer than \(Self.describe(bytes: limit))",
                offset, path, bytes)
        case .fieldTooLong(let offset, let limit):
            return located(
                "load-field-too-long", "a field of '\(path)' is longer than \(Self.describe(bytes: limit))",
                offset, path, bytes)
        case .tooManyColumns(let offset, let limit):
            return located(
                "load-too-many-columns", "a line of '\(path)' has more than \(limit) fields", offset, path, bytes)
        case .tooManyRows(let offset, let limit):
            return located(
                "load-too-many-rows", "'\(path)' has more than \(NumberFormat.grouped(Int64(limit))) rows", offset, path, bytes)
        case .overBudget(let needed, let budget, let isStream):
            let need = isStream ? "more memory than" : "about \(NumberFormat.grouped(MemoryBudget.megabytes(needed))) MB of memory, more than"
            return Diagnostic.error(
                "load-over-budget", "loading '\(path)' would need \(need) the memory budget of \(NumberFormat.grouped(budget)) MB",
                help: ["raise the budget with `set memory N` (in megabytes), or load a smaller file"])
        case .unterminatedQuote(let offset):
            return located(
                "load-unterminated-quote", "a quoted field in '\(path)' is never closed", offset, path, bytes)
        case .textAfterQuote(let offset):
            return located(
                "load-text-after-quote", "unexpected text after a closing quote in '\(path)'", offset, path, bytes)
        case .fieldCount(let recordStart, let offset, let found, let expected):
            let line = TextPosition.locate(offset: recordStart, in: bytes).line
            let fields = found == 1 ? "1 field" : "\(found) fields"
            return located(
                "load-field-count", "line \(line) of '\(path)' has \(fields), the header has \(expected)",
                offset, path, bytes)
        }
    }

    private func located(_ code: String, _ message: String, _ offset: Int, _ path: String, _ bytes: [UInt8]) -> Diagnostic {
        let position = TextPosition.locate(offset: offset, in: bytes)
        return Diagnostic(
            code: code, message: message,
            fileLocation: Diagnostic.FileLocation(path: path, line: position.line, column: position.column))
    }

    private static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
