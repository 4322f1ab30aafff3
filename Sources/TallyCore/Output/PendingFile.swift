#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The temporary file `FileWriter` is writing, if any, held so that a signal handler can remove it
/// (`removeFromSignalHandler` only loads a pointer and calls `unlink`, both safe in a handler).
public enum PendingFile {
    /// The path as a C string made with `strdup`, as a bit pattern; 0 when no file is pending.
    private static let path = Atomic<Int>(0)

    /// Records `temporary` as the file to remove if the program is stopped.
    static func set(_ temporary: String) {
        let copy = strdup(temporary)
        let previous = path.exchange(Int(bitPattern: copy), ordering: .sequentiallyConsistent)
        free(UnsafeMutableRawPointer(bitPattern: previous))
    }

    /// Forgets the pending file (it was renamed or removed).
    static func clear() {
        let previous = path.exchange(0, ordering: .sequentiallyConsistent)
        free(UnsafeMutableRawPointer(bitPattern: previous))
    }

    /// Removes the pending file, if any; safe to call from a signal handler.
    public static func removeFromSignalHandler() {
        let current = path.load(ordering: .sequentiallyConsistent)
        guard let pointer = UnsafePointer<CChar>(bitPattern: current) else { return }
        unlink(pointer)
    }
}
