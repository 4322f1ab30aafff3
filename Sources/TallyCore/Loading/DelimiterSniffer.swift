/// Chooses a file's field delimiter: tab for `.tsv`, otherwise comma, tab or semicolon by agreement.
///
/// For each candidate it scans the header line and up to `sampleRecords` following records (within the
/// first `sampleBytes`) and keeps the candidates under which every sampled record has as many fields as
/// the header, and more than one. Of those the one giving the most fields wins (ties: comma, tab,
/// semicolon, in that order); when none agrees the delimiter is a comma.
enum DelimiterSniffer {
    /// Comma, tab and semicolon, in order of preference.
    static let candidates: [UInt8] = [0x2C, 0x09, 0x3B]
    /// Records sampled after the header.
    static let sampleRecords = 20
    /// Bytes sampled at most.
    static let sampleBytes = 1 << 20

    /// The delimiter for the file `path` whose header starts at `headerStart` in `bytes`.
    static func delimiter(path: String, bytes: UnsafeBufferPointer<UInt8>, headerStart: Int) -> UInt8 {
        if path.lowercased().hasSuffix(".tsv") { return 0x09 }
        var best: UInt8 = 0x2C
        var bestCount = 1
        for candidate in candidates {
            if let count = agreedFieldCount(candidate, bytes: bytes, headerStart: headerStart), count > bestCount {
                best = candidate
                bestCount = count
            }
        }
        return best
    }

    /// The header's field count under `delimiter` if every sampled record agrees with it, else nil.
    private static func agreedFieldCount(_ delimiter: UInt8, bytes: UnsafeBufferPointer<UInt8>, headerStart: Int) -> Int? {
        let sampleEnd = min(bytes.count, headerStart &+ sampleBytes)
        let truncated = sampleEnd < bytes.count
        var scanner = CSVScanner(delimiter: delimiter, range: headerStart..<sampleEnd, limits: .standard)
        var fields: [FieldSpan] = []
        var counts: [Int] = []
        while counts.count <= sampleRecords {
            let record: CSVScanner.Record?
            do {
                record = try scanner.nextRecord(bytes, into: &fields)
            } catch {
                break
            }
            guard let record else { break }
            if truncated, record.lineEnd == sampleEnd { break }
            if !record.isBlank { counts.append(record.fieldCount) }
        }
        guard let header = counts.first else { return nil }
        return counts.allSatisfy { $0 == header } ? header : nil
    }
}
