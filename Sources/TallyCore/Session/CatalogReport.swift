/// The tables that `datasets` and `describe` print, and the provenance and citation lines.
enum CatalogReport {
    /// One row per dataset: name, rows, columns, description.
    static func datasets(_ catalog: Catalog) -> ResultSet {
        let tables = catalog.tables
        return result(name: "datasets", columns: [
            text("name", tables.map(\.name)),
            integers("rows", tables.map { Int64($0.rowCount) }),
            integers("columns", tables.map { Int64($0.columns.count) }),
            text("description", tables.map(\.info.description)),
        ], separators: [false, true, false, false])
    }

    /// One row per column: name, original header, type, role, missing, distinct, range or top values.
    static func describe(_ table: Table) -> ResultSet {
        let info = table.info
        var names: [String] = [], headers: [String] = [], types: [String] = [], roles: [String] = []
        var missing: [Int64] = [], distinct: [Int64] = [], ranges: [String] = []
        for column in table.columns {
            names.append(column.name)
            headers.append(column.originalName)
            types.append(column.type.rawValue)
            roles.append(role(of: column.name, in: info))
            missing.append(Int64(column.missingCount))
            let summary = ColumnSummary(column)
            distinct.append(Int64(summary.distinctCount))
            ranges.append(summary.text)
        }
        return result(name: table.name, columns: [
            text("column", names), text("header", headers), text("type", types), text("role", roles),
            integers("missing", missing), integers("distinct", distinct), text("values", ranges),
        ], separators: [false, false, false, false, true, true, false], headline: 6)
    }

    /// Description, source and licence lines under `describe`.
    static func provenance(_ table: Table) -> String {
        let info = table.info
        var lines: [String] = []
        if !info.description.isEmpty { lines.append(info.description) }
        if !info.source.isEmpty { lines.append("source: \(info.source)") }
        if !info.licence.isEmpty { lines.append("licence: \(info.licence)") }
        if let year = info.incompleteYear { lines.append("note: \(year) is incomplete in the source") }
        for column in info.columnsInUTC {
            lines.append("note: \(column) had time-zone offsets in the file; its times are converted to UTC")
        }
        for column in table.columns {
            let layouts = DateColumnDetector.otherLayouts(column)
            guard let layout = layouts.first else { continue }
            let either = layouts.count > 1 ? " (or \(layouts.dropFirst().joined(separator: ", ")))" : ""
            lines.append("note: \(column.name) looks like dates written \(layout)\(either), kept as text; `date(\(column.name), \"\(layout)\")` reads them as dates")
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// A citation of a dataset for `cite`.
    static func citation(_ table: Table) -> String {
        let info = table.info
        guard !info.source.isEmpty else {
            return "\(table.name): \(info.description.isEmpty ? "no source recorded" : info.description)\n"
        }
        var text = "\(info.source)"
        if !info.licence.isEmpty { text += ". Licence: \(info.licence)" }
        text += ". Dataset '\(table.name)': \(info.description)"
        return text + (text.hasSuffix(".") ? "\n" : ".\n")
    }

    private static func role(of column: String, in info: DatasetInfo) -> String {
        var roles: [String] = []
        if info.timeColumn == column { roles.append("time") }
        if info.measures.first == column { roles.append("default measure") } else if info.measures.contains(column) { roles.append("measure") }
        if info.countryColumns.contains(column) { roles.append("country") }
        if info.unitColumn == column { roles.append("unit") }
        if info.categoryColumns.contains(column) { roles.append("category") }
        return roles.joined(separator: ", ")
    }

    private static func text(_ name: String, _ values: [String]) -> Column { .text(name, values) }

    private static func integers(_ name: String, _ values: [Int64]) -> Column { .integers(name, values) }

    /// A report as a result; `headline` is the column a narrow table keeps beside the first.
    private static func result(name: String, columns: [Column], separators: [Bool], headline: Int? = nil) -> ResultSet {
        let table = Table(name: name, columns: columns, rowCount: columns.first?.count ?? 0)
        return ResultSet(table: table, separatesThousands: separators, warnings: [], notes: [], headline: headline)
    }
}
