#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file into memory with POSIX `open` and `read` in large chunks (never `mmap`).
///
/// Works on regular files, pipes and FIFOs alike (a stream is read until end of file). While reading it
/// stops early on what cannot be a CSV file: a directory, compressed or archive data, NUL bytes, or a
/// line longer than the field limit (so `/dev/zero` or a 1 GB single line end with an error), and more
/// bytes than the memory budget allows (checked up front from the size of a regular file).
enum FileReader {
    /// The bytes of the file at `path`.
    static func readAll(path: String, limits: CSVLimits) throws(Diagnostic) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw openError(errno).diagnostic(path: path, bytes: [])
        }
        defer { close(descriptor) }
        var status = stat()
        var bytes: [UInt8] = []
        if fstat(descriptor, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR {
                throw LoadError.directory.diagnostic(path: path, bytes: [])
            }
            if status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
                let size = Int64(status.st_size)
                if let budget = limits.budgetMegabytes, size > MemoryBudget.maxFileBytes(megabytes: budget) {
                    let error = LoadError.overBudget(
                        neededBytes: MemoryBudget.estimate(fileBytes: size), budgetMegabytes: budget, isStream: false)
                    throw error.diagnostic(path: path, bytes: [])
                }
                bytes.reserveCapacity(Int(size))
            }
        }
        let maxBytes = limits.budgetMegabytes.map { MemoryBudget.maxFileBytes(megabytes: $0) } ?? Int64.max
        var chunk = [UInt8](repeating: 0, count: max(1, limits.chunkBytes))
        var bytesSinceLineFeed = 0
        while true {
            let got = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                while true {
                    let result = read(descriptor, base, buffer.count)
                    if result >= 0 || errno != EINTR { return result }
                }
            }
            if got < 0 {
                let reason = errno == EISDIR ? LoadError.directory : LoadError.unreadable(reason: describe(errno))
                throw reason.diagnostic(path: path, bytes: bytes)
            }
            if got == 0 { break }
            if let budget = limits.budgetMegabytes, Int64(bytes.count) &+ Int64(got) > maxBytes {
                let read = Int64(bytes.count) &+ Int64(got)
                let error = LoadError.overBudget(
                    neededBytes: MemoryBudget.estimate(fileBytes: read), budgetMegabytes: budget, isStream: true)
                throw error.diagnostic(path: path, bytes: [])
            }
            let start = bytes.count
            bytes.append(contentsOf: chunk[0..<got])
            if start == 0, let kind = TextValidator.binaryKind(of: bytes) {
                throw LoadError.binary(kind: kind).diagnostic(path: path, bytes: bytes)
            }
            if let lastLineFeed = chunk[0..<got].lastIndex(of: 0x0A) {
                bytesSinceLineFeed = got - 1 - lastLineFeed
            } else {
                bytesSinceLineFeed += got
            }
            if bytesSinceLineFeed > limits.maxFieldBytes {
                let error = LoadError.lineTooLong(offset: bytes.count - bytesSinceLineFeed, limit: limits.maxFieldBytes)
                throw error.diagnostic(path: path, bytes: bytes)
            }
        }
        return bytes
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
