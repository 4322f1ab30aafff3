import Glibc

/// Writes a whole file safely: to a temporary file beside it, then renamed over the target,
/// so a failed write never leaves a half-written file in place of a good one.
enum FileWriter {
    /// Writes `text` to `path`, throwing a `Diagnostic` that names the path on failure.
    static func write(_ text: String, to path: String) throws(Diagnostic) {
        let temporary = path + ".tally-tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        var bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = failure(path)
                close(fd)
                unlink(temporary)
                throw error
            }
            written += n
        }
        bytes.removeAll()
        guard close(fd) == 0, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ path: String) -> Diagnostic {
        let reason = String(cString: strerror(errno)).lowercased()
        return .error("export-failed", "cannot write '\(path)': \(reason)")
    }
}
