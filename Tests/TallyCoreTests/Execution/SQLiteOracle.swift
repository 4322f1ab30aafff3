import Foundation

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
        CREATE TABLE countries(iso3 TEXT, iso2 TEXT, unhcr_code TEXT, name TEXT, aliases TEXT, region TEXT,
          subregion TEXT, eu_joined INTEGER, eu_left INTEGER);
        .mode csv
        .import --skip 1 \(resources)/applicants.csv applicants
        .import --skip 1 \(resources)/decisions.csv decisions
        .import --skip 1 \(resources)/destination_totals.csv destination_totals
        .import --skip 1 \(resources)/countries.csv countries
        UPDATE countries SET eu_joined = NULL WHERE eu_joined = '';
        UPDATE countries SET eu_left = NULL WHERE eu_left = '';
        UPDATE countries SET iso2 = NULL WHERE iso2 = '';
        UPDATE countries SET iso3 = NULL WHERE iso3 = '';
        UPDATE countries SET aliases = NULL WHERE aliases = '';
        UPDATE countries SET region = NULL WHERE region = '';
        UPDATE countries SET subregion = NULL WHERE subregion = '';

        """

    /// The rows sqlite3 prints for each of `queries` (CSV, no header), one array per query, after
    /// `setup` (by default the typed bundled tables).
    static func run(_ queries: [String], setup: String = schema) throws -> [[String]] {
        let marker = "tally_query_boundary"
        var script = setup
        for query in queries { script += "SELECT '\(marker)';\n\(query);\n" }
        script += "SELECT '\(marker)';\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [":memory:"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let parts = text.components(separatedBy: marker + "\n").dropFirst().map {
            $0.split(separator: "\n").map(String.init)
        }
        return Array(parts.prefix(queries.count))
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
        for (p, q) in zip(x, y) where p != q {
            guard let u = Double(p), let v = Double(q) else { return false }
            if abs(u - v) > 1e-9 * max(1, abs(u), abs(v)) { return false }
        }
        return true
    }
}
