#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file so that it is always either the old file or the complete new one, the one
/// way every file tally makes is written.
///
/// Steps: the target is found (a symbolic link is followed to the file it names, so the link stays a
/// link); a target that is read-only, not a regular file or has other hard links is refused (renaming
/// a new file over it would silently split the links, and writing in place could leave half a file);
/// the text goes to a new temporary file in the target's folder, created exclusively with an
/// unpredictable name (`O_EXCL | O_NOFOLLOW`, so nobody's link can redirect it); it takes the old
/// file's mode and owner (a new file gets `0666` less the umask); it is flushed to disk with `fsync`
/// and renamed over the target, and the folder is synced. Cancellation is polled between chunks; on
/// any failure or cancellation the temporary file is removed and the target is untouched. While the
/// temporary file exists its path is in `PendingFile`, so a signal handler can remove it.
public enum FileWriter {
    /// Bytes written per system call, and between cancellation checks.
    static let chunkBytes = 1 << 20
    /// The longest file name the system accepts, in bytes.
    static let nameMax = 255
    /// How many links `resolve` follows before giving up (as the system does).
    static let maxLinks = 40

    /// Where the text of a file being written goes: buffered, written a chunk at a time to the
    /// temporary file, with a check for cancellation at every piece.
    public struct Output {
        fileprivate let descriptor: Int32
        fileprivate let path: String
        fileprivate let cancellation: CancellationFlag?
        fileprivate var buffer: [UInt8] = []

        /// Adds `text`; writes the buffer out when it holds a chunk.
        public mutating func append(_ text: String) throws(Diagnostic) {
            if cancellation?.isCancelled == true { throw FileWriter.cancelled(path) }
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= FileWriter.chunkBytes { try flush() }
        }

        /// Writes everything buffered.
        fileprivate mutating func flush() throws(Diagnostic) {
            var offset = 0
            while offset < buffer.count {
                if cancellation?.isCancelled == true { throw FileWriter.cancelled(path) }
                let length = min(FileWriter.chunkBytes, buffer.count - offset)
                let written = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress.map { $0 + offset }, length) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw FileWriter.failure(path) }
                offset += written
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes `text` to `path`, throwing a `Diagnostic` (`export-failed`, or `cancelled`) on failure.
    public static func write(_ text: String, to path: String, cancellation: CancellationFlag? = nil) throws(Diagnostic) {
        try write(to: path, cancellation: cancellation) { output throws(Diagnostic) in try output.append(text) }
    }

    /// Writes what `produce` appends to its output to `path`, as the type describes.
    public static func write(
        to path: String, cancellation: CancellationFlag? = nil, produce: (inout Output) throws(Diagnostic) -> Void
    ) throws(Diagnostic) {
        let target = try resolve(path)
        var status = stat()
        let exists = lstat(target, &status) == 0
        if exists { try checkReplaceable(status, target: target, path: path) }
        let (descriptor, temporary) = try createTemporary(beside: target, path: path)
        defer { PendingFile.clear() }
        do throws(Diagnostic) {
            try adopt(exists ? status : nil, descriptor: descriptor, path: path)
            var output = Output(descriptor: descriptor, path: path, cancellation: cancellation)
            try produce(&output)
            try output.flush()
            guard fsync(descriptor) == 0 else { throw failure(path) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
        if cancellation?.isCancelled == true {
            unlink(temporary)
            throw cancelled(path)
        }
        guard rename(temporary, target) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
        syncFolder(of: target)
    }

    /// The file `path` names once symbolic links are followed (the path itself when it is not a link).
    static func resolve(_ path: String) throws(Diagnostic) -> String {
        var current = path
        for _ in 0..<maxLinks {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { return current }
            let destination = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : folder(of: current) + "/" + destination
        }
        throw .error("export-failed", "cannot write '\(path)': too many levels of symbolic links")
    }

    /// Refuses what must not be replaced: a folder, a device or pipe, a read-only file, a hard-linked file.
    private static func checkReplaceable(_ status: stat, target: String, path: String) throws(Diagnostic) {
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { throw .error("export-failed", "cannot write '\(path)': is a directory") }
        guard kind == S_IFREG else {
            throw .error("export-failed", "cannot write '\(path)': it is not a regular file",
                         help: ["export writes whole files; choose a file name"])
        }
        if status.st_mode & 0o222 == 0 || access(target, W_OK) != 0 {
            throw .error("export-failed", "cannot write '\(path)': the file is read-only",
                         help: ["make it writable (chmod u+w) or export to another name"])
        }
        if status.st_nlink > 1 {
            throw .error("export-failed", "cannot write '\(path)': the file has \(status.st_nlink) hard links",
                         help: ["export replaces a file whole, which would split its links; remove the other links or export to another name"])
        }
    }

    /// Creates the temporary file: in the target's folder, named after it (shortened to fit the
    /// system's name limit) plus random letters, created exclusively and never through a link. Its
    /// name is in `PendingFile` before it exists, so a signal at any moment finds it.
    private static func createTemporary(beside target: String, path: String) throws(Diagnostic) -> (Int32, String) {
        let folder = folder(of: target)
        let name = String(target.utf8.split(separator: UInt8(ascii: "/")).last.map { String(decoding: $0, as: UTF8.self) } ?? "")
        let suffix = ".tally-"
        let randomLength = 12
        let stem = temporaryStem(of: name, room: nameMax - 1 - suffix.utf8.count - randomLength)
        for _ in 0..<100 {
            let temporary = folder + "/." + stem + suffix + randomLetters(randomLength)
            PendingFile.set(temporary)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, temporary) }
            let code = errno
            PendingFile.clear()
            errno = code
            if code != EEXIST { throw failure(path) }
        }
        throw failure(path)
    }

    /// The longest run of whole characters at the start of `name` that fits in `room` bytes: what of
    /// the target's name the temporary file's name keeps. One pass, however long the name.
    static func temporaryStem(of name: String, room: Int) -> Substring {
        var used = 0
        return name.prefix { character in
            used += character.utf8.count
            return used <= room
        }
    }

    /// Gives the new file the old one's mode and owner, or a new file's usual mode.
    private static func adopt(_ old: stat?, descriptor: Int32, path: String) throws(Diagnostic) {
        guard let old else {
            let mask = umask(0)
            umask(mask)
            guard fchmod(descriptor, 0o666 & ~mask) == 0 else { throw failure(path) }
            return
        }
        if fchown(descriptor, old.st_uid, old.st_gid) != 0 {
            _ = fchown(descriptor, uid_t.max, old.st_gid)
        }
        guard fchmod(descriptor, old.st_mode & 0o7777) == 0 else { throw failure(path) }
    }

    /// Syncs the folder holding `path`, so the rename itself survives a power cut.
    private static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The folder part of `path` (`.` when it has none).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == path.utf8.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `count` random lowercase letters and digits from the system's generator.
    private static func randomLetters(_ count: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<count).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }, as: UTF8.self)
    }

    fileprivate static func failure(_ path: String) -> Diagnostic {
        let reason = strerror(errno).map { String(cString: $0).lowercased() } ?? "error \(errno)"
        return .error("export-failed", "cannot write '\(path)': \(reason)")
    }

    fileprivate static func cancelled(_ path: String) -> Diagnostic {
        .error("cancelled", "export cancelled; '\(path)' was not changed")
    }
}
