#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the prompt's history file in time that does not grow with the file: only its last
/// `tailBytes` are read, and only its last `limit` entries are looked at, from the end.
///
/// The file holds one entry per line, as readline writes it; a line of `#` and digits is readline's
/// timestamp and is skipped. Anything that is not a regular file (a FIFO, a device) gives no entries,
/// so the prompt never waits on it.
public enum HistoryFile {
    /// The most bytes read from the end of the file.
    public static let tailBytes = 1 << 20

    /// The last `limit` entries of the history file at `path`, oldest first.
    public static func recentEntries(path: String, limit: Int) -> [String] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return [] }
        let start = max(0, Int(status.st_size) - tailBytes)
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) - start)
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { pread(descriptor, $0 + filled, buffer.count - filled, off_t(start + filled)) } ?? 0
            }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        var entries: [String] = []
        var lineEnd = filled
        var index = filled
        while index > 0, entries.count < limit {
            index -= 1
            guard bytes[index] == UInt8(ascii: "\n") || (index == 0 && start == 0) else { continue }
            let lineStart = bytes[index] == UInt8(ascii: "\n") ? index + 1 : index
            let line = bytes[lineStart..<lineEnd]
            if !line.isEmpty, !isTimestamp(line) { entries.append(String(decoding: line, as: UTF8.self)) }
            lineEnd = index
        }
        return entries.reversed()
    }

    /// Whether `line` is `#` followed by digits only.
    private static func isTimestamp(_ line: ArraySlice<UInt8>) -> Bool {
        line.count > 1 && line.first == UInt8(ascii: "#") && line.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }
}
