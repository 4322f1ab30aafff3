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

    /// Writes all of `bytes`, retrying after interrupted or partial writes; gives up on other errors.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
