#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore

/// The `OutputSink` of the program: results to standard output, the rest to standard error.
///
/// Writes are buffered in the order they were made and written out by `flush()` (at the end of
/// each statement, and whenever the buffer grows large), so that results and messages reach a
/// terminal in the order the session produced them, without one system call per line.
final class StandardOutput: OutputSink {
    /// A run of bytes for one file descriptor.
    private struct Chunk {
        var descriptor: Int32
        var bytes: [UInt8]
    }

    /// Pending writes, oldest first; consecutive writes to one descriptor share a chunk.
    private var pending: [Chunk] = []
    /// Bytes waiting in `pending`.
    private var pendingCount = 0
    /// Beyond this many pending bytes a write flushes at once (large CSV results).
    private let flushThreshold = 1 << 16

    /// Creates an empty sink.
    init() {}

    func standardOutput(_ text: String) { append(text, to: STDOUT_FILENO) }

    func standardError(_ text: String) { append(text, to: STDERR_FILENO) }

    /// Writes everything pending, in order.
    func flush() {
        for chunk in pending { Self.writeAll(chunk.bytes, to: chunk.descriptor) }
        pending.removeAll(keepingCapacity: true)
        pendingCount = 0
    }

    /// Queues `text` for `descriptor`, joining it to the last chunk when that goes to the same place.
    private func append(_ text: String, to descriptor: Int32) {
        if let last = pending.indices.last, pending[last].descriptor == descriptor {
            pending[last].bytes.append(contentsOf: text.utf8)
        } else {
            pending.append(Chunk(descriptor: descriptor, bytes: Array(text.utf8)))
        }
        pendingCount += text.utf8.count
        if pendingCount >= flushThreshold { flush() }
    }

    /// Writes all of `bytes`, retrying after interrupted or partial writes and waiting while a
    /// non-blocking descriptor is full. A closed pipe ends the program as `SIGPIPE` does (status 141,
    /// quietly); any other failure on standard output is reported on standard error and exits 1, so a
    /// full disk or a closed descriptor never passes for success. Failures on standard error are
    /// dropped: there is nowhere left to report them.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                    continue
                }
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                default:
                    guard descriptor == STDOUT_FILENO else { return }
                    fail(errno)
                }
            }
        }
    }

    /// Ends the program after standard output failed with `code`.
    private static func fail(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        let message = Array("tally: cannot write to standard output: \(reason)\n".utf8)
        _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(1)
    }

    /// Makes sure descriptors 0, 1 and 2 are open, so that no file tally opens later takes one of
    /// their numbers (and receives results meant for standard output). A closed one is held by
    /// `/dev/null` opened read-only: reading it gives the end of input, writing to it fails.
    static func holdStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }
}
