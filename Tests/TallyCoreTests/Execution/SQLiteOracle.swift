import Foundation
@testable import TallyCore

/// Runs SQL with the sqlite3 command-line shell over the bundled CSV files, as an independent
/// answer to compare tally's results with.
enum SQLiteOracle {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let resources = packageRoot + "/Sources/TallyData/Resources"

    /// Typed tables, so that sqlite compares and sums numbers as numbers; empty cells become NULL.
    static let schema = """
        CREATE TABLE applicants(year INTEGER, origin TEXT, origin_name TEXT, destination TEXT, destination_name TEXT,
          kind TEXT, unit TEXT, applications INTEGER);
        CREATE TABLE decisions(year INTEGER, origin TEXT, origin_name TEXT, destination TEXT, destination_name TEXT,
          unit TEXT, recognized INTEGER, complementary INTEGER, rejected INTEGER, closed INTEGER, total INTEGER);
        CREATE TABLE destination_totals(year INTEGER, destination TEXT, destination_name TEXT, kind TEXT, unit TEXT,
          applications INTEGER);
        CREATE TABLE countries(iso3 TEXT, iso2 TEXT, unhcr_code TEXT, name TEXT, short_name TEXT, aliases TEXT, region TEXT,
          subregion TEXT, eu_joined INTEGER, eu_left INTEGER);
        CREATE TABLE population(year INTEGER, country TEXT, country_name TEXT, population INTEGER);
        .mode csv
        .import --skip 1 \(resources)/applicants.csv applicants
        .import --skip 1 \(resources)/decisions.csv decisions
        .import --skip 1 \(resources)/destination_totals.csv destination_totals
        .import --skip 1 \(resources)/countries.csv countries
        .import --skip 1 \(resources)/population.csv population
        UPDATE countries SET eu_joined = NULL WHERE eu_joined = '';
        UPDATE countries SET eu_left = NULL WHERE eu_left = '';
        UPDATE countries SET iso2 = NULL WHERE iso2 = '';
        UPDATE countries SET iso3 = NULL WHERE iso3 = '';
        UPDATE countries SET aliases = NULL WHERE aliases = '';
        UPDATE countries SET region = NULL WHERE region = '';
        UPDATE countries SET subregion = NULL WHERE subregion = '';

        """

    /// A schema typed as tally typed each column of `tables` (bundled files named after their
    /// tables), every empty cell NULL; `.import` keeps file order, so `rowid` is the file row.
    static func schema(for tables: [Table]) -> String {
        var script = ".mode csv\n"
        for table in tables {
            let columns = table.columns.map { column in
                "\"\(column.name)\" " + (column.type == .integer ? "INTEGER" : column.type == .decimal ? "REAL" : "TEXT")
            }
            script += "CREATE TABLE \"\(table.name)\"(\(columns.joined(separator: ", ")));\n"
            script += ".import --skip 1 \(resources)/\(table.name).csv \(table.name)\n"
            for column in table.columns {
                script += "UPDATE \"\(table.name)\" SET \"\(column.name)\" = NULL WHERE \"\(column.name)\" = '';\n"
            }
        }
        return script
    }

    /// The rows sqlite3 prints for each of `queries` (CSV, no header), one array per query,
    /// after running `schema` (the bundled tables by default).
    static func run(_ queries: [String], schema: String = schema) throws -> [[String]] {
        let marker = "tally_query_boundary"
        var script = schema
        for query in queries { script += "SELECT '\(marker)';\n\(query);\n" }
        script += "SELECT '\(marker)';\n"
        let scriptPath = NSTemporaryDirectory() + "tally-sqlite-\(UUID().uuidString).sql"
        try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        defer { try? FileManager.default.removeItem(atPath: scriptPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [":memory:"]
        let output = Pipe()
        process.standardInput = FileHandle(forReadingAtPath: scriptPath)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let parts = text.components(separatedBy: marker + "\n").dropFirst().map(lines)
        return Array(parts.prefix(queries.count))
    }

    /// The lines of CSV output, empty ones included (a row of one missing value), without the
    /// empty string after the final line break.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The fields of one CSV line (quoted fields unquoted; no line breaks inside).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previous: Character = " "
        for character in line {
            if character == "\"" {
                if quoted { quoted = false } else { quoted = true; if previous == "\"" { field.append("\"") } }
            } else if character == "," && !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        return fields + [field]
    }

    /// Whether two CSV rows hold the same values: numbers equal to 1e-9 relative, text exactly.
    static func sameRow(_ a: String, _ b: String) -> Bool {
        let x = fields(a), y = fields(b)
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where p != q && !sameTruth(p, q) {
            guard let u = Double(p), let v = Double(q) else { return false }
            if abs(u - v) > 1e-9 * max(1, abs(u), abs(v)) { return false }
        }
        return true
    }

    /// Whether two fields are the same truth value: sqlite writes `true` as 1 and `false` as 0.
    static func sameTruth(_ a: String, _ b: String) -> Bool {
        let pair = Set([a, b])
        return pair == ["true", "1"] || pair == ["false", "0"]
    }
}
