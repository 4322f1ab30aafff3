import TallyCore

/// Runs tally queries on a PostgreSQL server: datasets are copied with `COPY` into temporary
/// tables of this connection (plus the `tally_row` column that keeps file order), so sessions
/// never see or replace each other's tables or the server's own; each query runs as its postgres-dialect
/// SQL, and the rows come back typed as the native engine types them, so they render the same.
public final class PostgresEngine: RemoteEngine {
    private let connection: PostgresConnection
    private let dialect = SQLDialect.postgres

    /// Connects to the server at `url`.
    public init(url: String) throws(Diagnostic) {
        connection = try PostgresConnection(url: url)
    }

    /// Creates (or replaces) a temporary table for `table` and copies its rows, in order, into it.
    public func copy(_ table: Table) throws(Diagnostic) {
        let name = dialect.quote(table.name)
        var columns = [dialect.quote(SQLDialect.rowColumnName) + " BIGINT"]
        for column in table.columns { columns.append(dialect.quote(column.name) + " " + PostgresEngine.sqlType(column.type)) }
        _ = try connection.execute("DROP TABLE IF EXISTS pg_temp.\(name)")
        _ = try connection.execute("CREATE TEMPORARY TABLE \(name) (\(columns.joined(separator: ", ")))")
        var data: [UInt8] = []
        for row in 0..<table.rowCount {
            data.append(contentsOf: String(row + 1).utf8)
            for column in table.columns {
                data.append(UInt8(ascii: "\t"))
                PostgresEngine.appendCopyText(column.value(at: row), column.isValid(row), to: &data)
            }
            data.append(UInt8(ascii: "\n"))
        }
        try connection.copyIn("COPY \(name) FROM STDIN", data: data)
    }

    /// Runs `plan` as SQL on the server.
    public func run(_ plan: QueryPlan) throws(Diagnostic) -> ResultSet {
        let flat = plan.pivot == nil ? plan : plan.spread(into: try Executor.acrossValues(of: plan))
        let rows = try connection.execute(try SQLTranslator.translate(flat, to: dialect))
        var columns: [Column] = []
        for (index, output) in flat.outputs.enumerated() {
            let texts = rows.map { index < $0.count ? $0[index] : nil }
            columns.append(try PostgresEngine.column(output.name, type: output.expr.type, texts))
        }
        let table = Table(name: plan.source.name, columns: columns, rowCount: rows.count, info: plan.source.info)
        return ResultSet(
            table: table, separatesThousands: flat.outputs.map(\.separatesThousands), warnings: plan.warnings,
            notes: rows.isEmpty ? plan.emptyResultNotes : [])
    }

    /// Counts on the server the rows after each operator: the query cut at that operator, counted.
    public func rowCounts(_ plan: QueryPlan) throws(Diagnostic) -> [Int] {
        var counts: [Int] = []
        for node in plan.root.executionOrder {
            var cut = plan
            cut.root = node.projected
            let sql = try SQLTranslator.translate(cut, to: dialect)
            let rows = try connection.execute("SELECT count(*) FROM (\(sql)) AS \(dialect.quote("tally_counted"))")
            guard let text = rows.first?.first ?? nil, let count = Int(text) else {
                throw .error("postgres-result", "PostgreSQL did not return a row count")
            }
            counts.append(count)
        }
        return counts
    }

    /// A result column of tally's type from PostgreSQL's text values.
    static func column(_ name: String, type: ValueType, _ texts: [String?]) throws(Diagnostic) -> Column {
        func parsed<T>(_ parse: (String) -> T?) throws(Diagnostic) -> [T?] {
            var values: [T?] = []
            for text in texts {
                guard let text else { values.append(nil); continue }
                guard let value = parse(text) else {
                    throw .error("postgres-result", "PostgreSQL returned '\(text)' for \(name), which is not \(type.rawValue)")
                }
                values.append(value)
            }
            return values
        }
        switch type {
        case .integer: return .integers(name, try parsed { Int64($0) })
        case .decimal: return .decimals(name, try parsed(decimal))
        case .text: return .text(name, texts)
        case .boolean:
            let flags = try parsed { $0 == "t" ? true : ($0 == "f" ? false : nil) }
            var validity = ValidityMask(count: flags.count)
            for (row, flag) in flags.enumerated() where flag == nil { validity.set(row, valid: false) }
            return Column(name: name, data: .boolean(flags.map { $0 ?? false }), validity: validity.missingCount == 0 ? nil : validity)
        case .date, .datetime, .month, .quarter, .week, .weekday:
            var column = Column.integers(name, try parsed { CalendarText.value($0, as: type) })
            column.calendarType = type
            return column
        }
    }

    /// A double from PostgreSQL's text (`Infinity`, `-Infinity` and `NaN` included).
    static func decimal(_ text: String) -> Double? {
        switch text {
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case "NaN": return .nan
        default: return Double(text)
        }
    }

    static func sqlType(_ type: ValueType) -> String {
        switch type {
        case .integer: return "BIGINT"
        case .decimal: return "DOUBLE PRECISION"
        case .text: return "TEXT"
        case .boolean: return "BOOLEAN"
        case .date: return "DATE"
        case .datetime: return "TIMESTAMP"
        case .month, .quarter, .week, .weekday: return "TEXT"
        }
    }

    /// One value in COPY's text format: `\N` for NULL, backslash escapes for `\`, tab, line breaks.
    static func appendCopyText(_ value: Value, _ valid: Bool, to data: inout [UInt8]) {
        guard valid else { data.append(contentsOf: "\\N".utf8); return }
        switch value {
        case .missing: data.append(contentsOf: "\\N".utf8)
        case .integer(let number): data.append(contentsOf: String(number).utf8)
        case .decimal(let number):
            let text = number.isNaN ? "NaN" : number.isInfinite ? (number > 0 ? "Infinity" : "-Infinity") : String(number)
            data.append(contentsOf: text.utf8)
        case .boolean(let flag): data.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
        case .calendar: data.append(contentsOf: value.description.utf8)
        case .text(let text):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): data.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\t"): data.append(contentsOf: "\\t".utf8)
                case UInt8(ascii: "\n"): data.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): data.append(contentsOf: "\\r".utf8)
                default: data.append(byte)
                }
            }
        }
    }
}
