#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// Checked-in expectations for outputs too long to spell out in a test: `Tests/Goldens/NAME`.
/// `TALLY_RECORD=1` rewrites the file and fails, so recording is never silent.
enum GoldenFile {
    /// The folder of the golden files, found from this file's path.
    static let folder: String = {
        var path = #filePath
        for _ in 0..<2 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path + "/Goldens"
    }()

    /// Records an issue unless `actual` is the content of the golden file `name`.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if getenv("TALLY_RECORD").map({ String(cString: $0) }) == "1" {
            let written = fopen(path, "wb").map { file in
                defer { fclose(file) }
                return fwrite(actual, 1, actual.utf8.count, file) == actual.utf8.count
            }
            Issue.record("recorded \(name) (\(written == true ? "written" : "NOT written")): run again without TALLY_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = TestFiles.read(path) else {
            Issue.record("no golden file \(path): record it with TALLY_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = (0..<max(actualLines.count, expectedLines.count)).first(where: { index in
            index >= actualLines.count || index >= expectedLines.count || actualLines[index] != expectedLines[index]
        }) else { return }
        let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "(end)" }
        Issue.record("\(name) differs at line \(first + 1): got \(shown(actualLines)), expected \(shown(expectedLines))", sourceLocation: sourceLocation)
    }
}
