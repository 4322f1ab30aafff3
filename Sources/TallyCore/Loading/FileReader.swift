#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file with POSIX `open` and `read` in chunks of `CSVLimits.chunkBytes` (never `mmap`, which
/// turns a file truncated under the mapping into a crash).
///
/// Works on regular files, pipes and FIFOs alike (a stream is read until end of file; only a regular
/// file can be read again from the start). While reading it stops early on what cannot be a CSV file:
/// compressed or archive data or NUL bytes in the first chunk, or a line longer than the field limit
/// (so `/dev/zero` or a 1 GB single line end with an error), and a stream larger than the memory
/// budget allows.
final class FileReader: ByteSource {
    private let descriptor: Int32
    private let limits: CSVLimits
    /// Whether the file is a regular file (which can be rewound and re-read).
    let isRegularFile: Bool
    /// The size of a regular file when opened.
    let knownSize: Int?
    /// Nothing: the reader holds only the chunk being read.
    var heldBytes: Int { 0 }
    /// Bytes read since the start or the last rewind.
    private var offset = 0
    /// Bytes since the last line feed read.
    private var bytesSinceLineFeed = 0
    /// The size and modification time when opened, to notice a file changed during the load.
    private let identity: [Int]

    /// How long one wait for a FIFO's writer lasts before the cancellation flag is looked at, in ms.
    static let waitSlice: Int32 = 100

    /// Opens `path` for reading; a directory or a file that cannot be opened is an error. A FIFO is
    /// opened without waiting for a writer, then waited on in slices, so Ctrl-C stops the wait.
    init(path: String, limits: CSVLimits) throws(LoadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Self.openError(errno) }
        var status = stat()
        var regular = false
        var size: Int?
        if fstat(descriptor, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR {
                close(descriptor)
                throw .directory
            }
            regular = status.st_mode & S_IFMT == S_IFREG
            if regular { size = Int(status.st_size) }
            if status.st_mode & S_IFMT == S_IFIFO {
                do throws(LoadError) {
                    try Self.waitForWriter(descriptor, cancellation: limits.cancellation)
                } catch {
                    close(descriptor)
                    throw error
                }
            }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.descriptor = descriptor
        self.limits = limits
        self.isRegularFile = regular
        self.knownSize = size
        self.identity = Self.identity(status)
    }

    func checkUnchanged() throws(LoadError) {
        var status = stat()
        guard isRegularFile, fstat(descriptor, &status) == 0 else { return }
        if Self.identity(status) != identity { throw .changed }
    }

    /// What `checkUnchanged` compares: size, and modification time to the nanosecond.
    private static func identity(_ status: stat) -> [Int] {
        [Int(status.st_size), Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)]
    }

    deinit { close(descriptor) }

    /// Reads one chunk of at most `CSVLimits.chunkBytes` into `buffer`, checking it as it arrives.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(LoadError) -> Int {
        let got = try readChunk(into: buffer)
        try check(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        return got
    }

    /// Waits until a FIFO has something to read or its writer has come and gone, looking at the
    /// cancellation flag every `waitSlice` milliseconds.
    private static func waitForWriter(_ descriptor: Int32, cancellation: CancellationFlag?) throws(LoadError) {
        while true {
            if cancellation?.isCancelled == true { throw .cancelled(waitingForWriter: true) }
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let count = poll(&ready, 1, waitSlice)
            if count > 0 { return }
            if count < 0 && errno != EINTR { throw .unreadable(reason: describe(errno)) }
        }
    }

    /// Reads one chunk of at most `CSVLimits.chunkBytes` into `buffer`, unchecked.
    private func readChunk(into buffer: UnsafeMutableRawBufferPointer) throws(LoadError) -> Int {
        if limits.cancellation?.isCancelled == true { throw .cancelled(waitingForWriter: false) }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let wanted = min(buffer.count, max(1, limits.chunkBytes))
        while true {
            let got = Glibc.read(descriptor, base, wanted)
            if got >= 0 { return got }
            if errno != EINTR { throw errno == EISDIR ? .directory : .unreadable(reason: Self.describe(errno)) }
        }
    }

    /// Checks a chunk just read: binary data at the start, or a line longer than the field limit.
    private func check(_ chunk: UnsafeRawBufferPointer) throws(LoadError) {
        guard !chunk.isEmpty else { return }
        if offset == 0, let kind = TextValidator.binaryKind(of: Array(chunk.prefix(TextValidator.headBytes))) { throw .binary(kind: kind) }
        offset &+= chunk.count
        if let lastLineFeed = chunk.lastIndex(of: 0x0A) {
            bytesSinceLineFeed = chunk.count &- 1 &- lastLineFeed
        } else {
            bytesSinceLineFeed &+= chunk.count
        }
        if bytesSinceLineFeed > limits.maxFieldBytes {
            throw .lineTooLong(offset: offset &- bytesSinceLineFeed, limit: limits.maxFieldBytes)
        }
    }

    /// Seeks back to the first byte (regular files only).
    func rewind() throws(LoadError) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw .unreadable(reason: Self.describe(errno)) }
        offset = 0
        bytesSinceLineFeed = 0
    }

    /// The first `count` bytes, read with `pread` and no checks (for locating an error).
    func prefix(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var filled = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < buffer.count {
                let got = pread(descriptor, base + filled, buffer.count &- filled, off_t(filled))
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                filled &+= got
            }
        }
        return Array(bytes.prefix(filled))
    }

    /// Reads everything left into `bytes`; when a check fails, `bytes` holds the failing chunk too.
    func readAll(into bytes: inout [UInt8]) throws(LoadError) {
        if let knownSize { bytes.reserveCapacity(knownSize) }
        var chunk = [UInt8](repeating: 0, count: max(1, limits.chunkBytes))
        while true {
            let result = chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(LoadError) -> Int in try readChunk(into: buffer) }
            }
            let got = try result.get()
            if got == 0 { return }
            if let budget = limits.budgetMegabytes, Int64(bytes.count) &+ Int64(got) > MemoryBudget.maxHeldBytes(megabytes: budget) {
                throw .overBudget(neededBytes: MemoryBudget.bytes(megabytes: budget), budgetMegabytes: budget, isStream: true)
            }
            bytes.append(contentsOf: chunk[0..<got])
            let checked = chunk.withUnsafeBytes { buffer in
                Result { () throws(LoadError) in try check(UnsafeRawBufferPointer(rebasing: buffer[0..<got])) }
            }
            try checked.get()
        }
    }

    private static func openError(_ code: Int32) -> LoadError {
        switch code {
        case ENOENT, ENOTDIR: return .missingFile
        case EISDIR: return .directory
        default: return .unreadable(reason: describe(code))
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text).lowercased()
    }
}
