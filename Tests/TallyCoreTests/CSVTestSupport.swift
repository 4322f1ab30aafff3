import Foundation
import Testing
@testable import TallyCore

/// Shared helpers of the loader tests: loading text, reading scanner records, temporary files, suite paths.
enum CSVTestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/<relative>` from the package root, or nil when it is absent.
    static func sharedPath(_ relative: String) -> String? {
        let path = packageRoot.appendingPathComponent("../shared/\(relative)").standardizedFileURL.path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Loads `text` as the file `path`.
    static func load(_ text: String, path: String = "data.csv") throws(Diagnostic) -> CSVLoader.Report {
        try CSVLoader.load(bytes: Array(text.utf8), path: path, name: "t")
    }

    /// The diagnostic loading `bytes` as `path` throws, or nil when it loads.
    static func loadError(_ bytes: [UInt8], path: String = "bad.csv", limits: CSVLimits = .standard) -> Diagnostic? {
        do {
            _ = try CSVLoader.load(bytes: bytes, path: path, name: "t", info: DatasetInfo(), limits: limits)
            return nil
        } catch {
            return error
        }
    }

    /// The diagnostic loading `text` as `path` throws, or nil when it loads.
    static func loadError(_ text: String, path: String = "bad.csv") -> Diagnostic? {
        loadError(Array(text.utf8), path: path)
    }

    /// The rows of column `name` rendered as plain text (missing values as "").
    static func strings(_ table: Table, _ name: String) -> [String] {
        guard let column = table.column(named: name) else { return [] }
        return (0..<column.count).map { column.value(at: $0).description }
    }

    /// Every record the scanner finds in `bytes` with `delimiter`, each field unescaped.
    static func records(_ bytes: [UInt8], delimiter: UInt8 = 0x2C) throws(LoadError) -> [(fields: [String], isBlank: Bool)] {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(LoadError) -> [(fields: [String], isBlank: Bool)] in
                var scanner = CSVScanner(delimiter: delimiter, range: 0..<buffer.count, limits: .standard)
                var output: [(fields: [String], isBlank: Bool)] = []
                var spans: [FieldSpan] = []
                while let record = try scanner.nextRecord(buffer, into: &spans) {
                    let fields = spans.prefix(record.fieldCount).map { span in
                        var value: [UInt8] = []
                        span.appendValue(from: buffer, to: &value)
                        return String(decoding: value, as: UTF8.self)
                    }
                    output.append((fields, record.isBlank))
                }
                return output
            }
        }
        return try result.get()
    }

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to `name` in a new temporary directory and returns the file's path.
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
