#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory a load may take, and how much a file would take once loaded.
///
/// Swift cannot recover from a failed allocation, so a load that would not fit must fail before it
/// starts. The estimate is deliberately generous: the loader streams a regular file block by block,
/// peaking below the file's size, but a pipe is held whole while its columns are built, so about
/// `bytesPerFileByte` times the file.
public enum MemoryBudget {
    /// Bytes of memory a load needs per byte of file, at its peak.
    static let bytesPerFileByte: Int64 = 2
    /// The share of the machine's memory the default budget allows, in percent.
    static let defaultPercent: Int64 = 80
    /// The budget when the machine's memory cannot be read: 4 GiB.
    static let fallbackMegabytes: Int64 = 4_096

    /// The default budget in megabytes: most of the machine's memory (`MemTotal` of /proc/meminfo).
    public static let machineDefaultMegabytes: Int64 = {
        guard let total = totalMemoryKilobytes() else { return fallbackMegabytes }
        return max(1, total / 1_024 * defaultPercent / 100)
    }()

    /// The memory, in bytes, a load of a file of `fileBytes` bytes needs (saturating, never trapping).
    static func estimate(fileBytes: Int64) -> Int64 {
        let (product, overflow) = max(fileBytes, 0).multipliedReportingOverflow(by: bytesPerFileByte)
        return overflow ? Int64.max : product
    }

    /// The largest file, in bytes, a budget of `megabytes` lets a load read.
    static func maxFileBytes(megabytes: Int64) -> Int64 {
        let (bytes, overflow) = megabytes.multipliedReportingOverflow(by: 1 << 20)
        return overflow ? Int64.max : bytes / bytesPerFileByte
    }

    /// Megabytes, rounded up, for messages.
    static func megabytes(_ bytes: Int64) -> Int64 {
        bytes / (1 << 20) &+ (bytes % (1 << 20) == 0 ? 0 : 1)
    }

    /// `MemTotal` in kilobytes, read from /proc/meminfo.
    private static func totalMemoryKilobytes() -> Int64? {
        guard let file = fopen("/proc/meminfo", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix("MemTotal:") else { continue }
            return Int64(text.dropFirst("MemTotal:".count).filter(\.isNumber))
        }
        return nil
    }
}
