#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole text files and streams (scripts, standard input) with plain system calls.
public enum FileText {
    /// Why a file could not be read: the system's message (`No such file or directory`).
    public struct ReadError: Error {
        /// The message for the user.
        public var reason: String
    }

    /// The text of the file at `path`; `-` is standard input.
    public static func read(path: String) throws(ReadError) -> String {
        if path == "-" { return try read(descriptor: STDIN_FILENO) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(reason: currentErrorMessage()) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor)
    }

    /// Everything left to read on `descriptor`, decoded as UTF-8 (bad bytes become U+FFFD).
    static func read(descriptor: Int32) throws(ReadError) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw ReadError(reason: currentErrorMessage())
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The message for the current `errno`.
    private static func currentErrorMessage() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}
