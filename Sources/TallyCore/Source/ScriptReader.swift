#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a script file or standard input with plain system calls, whole or a line at a time,
/// checking the text as it arrives.
///
/// A UTF-8 byte-order mark at the start is skipped; text that looks like UTF-16 is refused with how to
/// convert it; a NUL byte is refused with its line and column; a script, a line, or (through the
/// caller) one statement of standard input longer than `maxBytes` is refused, so `tally /dev/zero`
/// ends at once and reading never holds more than about `maxBytes`. Bad UTF-8 becomes U+FFFD.
public struct ScriptReader {
    /// Why a script could not be read, for `cannot read script '…': REASON`.
    public struct ReadError: Error {
        /// The message for the user.
        public var reason: String

        /// An error with `reason`.
        public init(reason: String) { self.reason = reason }
    }

    /// The most bytes a script, a line or one statement may have: 16 MiB.
    public static let maxBytes = 16 << 20
    /// Bytes asked of the system at a time.
    static let chunkBytes = 1 << 16

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// Bytes read and not yet handed out, from `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    /// Whether the descriptor reached its end.
    private var atEnd = false
    /// Whether anything was read yet (the start is where a byte-order mark may be).
    private var started = false
    /// Line feeds read so far, before `buffer`'s new bytes: for a NUL byte's line.
    private var lineFeeds = 0
    /// Bytes since the last line feed read, for a NUL byte's column.
    private var lineLength = 0

    /// The whole text of the script at `path` (`-` is standard input), checked as the type describes.
    public static func read(path: String) throws(ReadError) -> String {
        var reader = try ScriptReader(path: path)
        defer { reader.close() }
        return try reader.readAll()
    }

    /// Opens the script at `path`; `-` is standard input.
    public init(path: String) throws(ReadError) {
        if path == "-" {
            self.init(descriptor: STDIN_FILENO)
            return
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(reason: Self.systemMessage(errno)) }
        self.init(descriptor: descriptor, owned: true)
    }

    /// Reads from an open descriptor, closed by `close()` when `owned`.
    public init(descriptor: Int32, owned: Bool = false) {
        self.descriptor = descriptor
        self.ownsDescriptor = owned
    }

    /// Closes the file this reader opened.
    public func close() {
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }

    /// Everything left, as text.
    public mutating func readAll() throws(ReadError) -> String {
        while !atEnd {
            try fill()
            if buffer.count - start > Self.maxBytes { throw Self.tooLarge("the script") }
        }
        defer { buffer.removeAll() }
        return String(decoding: buffer[start...], as: UTF8.self)
    }

    /// The next line without its line feed, or nil at the end.
    public mutating func nextLine() throws(ReadError) -> String? {
        var scanned = 0
        while true {
            if let lineFeed = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<lineFeed], as: UTF8.self)
                start = lineFeed + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return String(decoding: buffer[start...], as: UTF8.self)
            }
            scanned = buffer.count - start
            if scanned > Self.maxBytes { throw Self.tooLarge("a line") }
            try fill()
        }
    }

    /// Reads one more chunk (dropping what was handed out), checking it.
    private mutating func fill() throws(ReadError) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: Self.chunkBytes)
        var got = 0
        while true {
            got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got >= 0 { break }
            if errno != EINTR { throw ReadError(reason: Self.systemMessage(errno)) }
        }
        guard got > 0 else {
            atEnd = true
            return
        }
        var bytes = chunk[0..<got]
        if !started {
            started = true
            if let problem = Self.encodingProblem(bytes) { throw ReadError(reason: problem) }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        if let nul = bytes.firstIndex(of: 0) {
            let before = bytes[..<nul]
            let line = lineFeeds + before.count { $0 == UInt8(ascii: "\n") } + 1
            let column = before.lastIndex(of: UInt8(ascii: "\n")).map { nul - $0 } ?? lineLength + before.count + 1
            throw ReadError(reason: "it contains a NUL byte at line \(line), column \(column); a script must be text")
        }
        lineFeeds += bytes.count { $0 == UInt8(ascii: "\n") }
        if let lastFeed = bytes.lastIndex(of: UInt8(ascii: "\n")) {
            lineLength = bytes.endIndex - lastFeed - 1
        } else {
            lineLength += bytes.count
        }
        buffer.append(contentsOf: bytes)
    }

    /// What is wrong with a script starting with `bytes`: UTF-16 text, which tally does not read.
    private static func encodingProblem(_ bytes: ArraySlice<UInt8>) -> String? {
        let head = Array(bytes.prefix(2))
        let marked = head == [0xFF, 0xFE] || head == [0xFE, 0xFF]
        let unmarked = head.count == 2 && ((head[0] != 0 && head[1] == 0) || (head[0] == 0 && head[1] != 0))
        guard marked || unmarked else { return nil }
        return "it looks like UTF-16 text, and tally reads UTF-8; convert it, e.g. with `iconv -f UTF-16 -t UTF-8 FILE > NEW`"
    }

    private static func tooLarge(_ what: String) -> ReadError {
        ReadError(reason: "\(what) is longer than \(maxBytes >> 20) MiB; is this really a script?")
    }

    private static func systemMessage(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
