#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory a load may take, and what the memory it holds costs.
///
/// Swift cannot recover from a failed allocation, so a load must stop before it would exceed the
/// budget. What a table costs depends on its fields, not on its file's size (a column of `1`s costs
/// four times its bytes as 64-bit integers, a column of long repeated words almost nothing), so the
/// loader measures its columns by their types after every block and projects them to the end of the
/// file (`MemoryForecast`). A pipe, which cannot be read twice, is held whole first: at most half the
/// budget, since the array holding it doubles as it grows.
public enum MemoryBudget {
    /// The share of the machine's memory the default budget allows, in percent.
    static let defaultPercent: Int64 = 80
    /// The budget when the machine's memory cannot be read: 4 GiB.
    static let fallbackMegabytes: Int64 = 4_096
    /// What the allocator and the array header add to every array's storage, in bytes.
    static let arrayOverhead = 48

    /// The default budget in megabytes: most of the machine's memory (`MemTotal` of /proc/meminfo).
    public static let machineDefaultMegabytes: Int64 = {
        guard let total = totalMemoryKilobytes() else { return fallbackMegabytes }
        return max(1, total / 1_024 * defaultPercent / 100)
    }()

    /// A budget of `megabytes` in bytes (saturating, never trapping).
    static func bytes(megabytes: Int64) -> Int64 {
        let (bytes, overflow) = max(megabytes, 0).multipliedReportingOverflow(by: 1 << 20)
        return overflow ? Int64.max : bytes
    }

    /// The most bytes of a stream a budget of `megabytes` lets a load hold.
    static func maxHeldBytes(megabytes: Int64) -> Int64 {
        bytes(megabytes: megabytes) / 2
    }

    /// The heap memory `array` holds: its capacity, plus the header and allocator overhead.
    static func heapBytes<Element>(_ array: [Element]) -> Int {
        array.capacity == 0 ? 0 : array.capacity &* MemoryLayout<Element>.stride &+ arrayOverhead
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
