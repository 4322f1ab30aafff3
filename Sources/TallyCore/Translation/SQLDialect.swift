/// An SQL engine that `sql` translates for, with the spellings that differ between engines.
///
/// Decisions shared by every dialect are in `SQLTranslator`; this type holds only what one
/// engine writes differently: quoting, string escapes, the double type, division, the file
/// row number and text collation.
public enum SQLDialect: String, Sendable, CaseIterable {
    case duckdb, postgres, sqlite, spark

    /// The dialect called `name` (any case), or nil.
    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// An identifier in quotes: backquotes for Spark, double quotes elsewhere.
    public func quote(_ identifier: String) -> String {
        switch self {
        case .spark: return "`" + identifier.doubling("`") + "`"
        default: return "\"" + identifier.doubling("\"") + "\""
        }
    }

    /// A string literal. Spark reads backslash escapes inside literals; the others double quotes.
    func string(_ text: String) -> String {
        switch self {
        case .spark:
            return "'" + text.replacingScalars { $0 == "\\" || $0 == "'" ? "\\" + String($0) : nil } + "'"
        default:
            return "'" + text.doubling("'") + "'"
        }
    }

    /// A calendar constant written `text` (ISO): a typed date or timestamp where the engine has
    /// them; sqlite keeps dates as ISO text, and buckets are their labels everywhere.
    func calendarLiteral(_ text: String, type: ValueType) -> String {
        switch (self, type) {
        case (.sqlite, _), (_, .month), (_, .quarter), (_, .week), (_, .weekday): return string(text)
        case (_, .datetime): return "TIMESTAMP " + string(text)
        default: return "DATE " + string(text)
        }
    }

    /// A weekday label (`Mon` … `Sun`) as a number that orders Monday first.
    func weekdayPosition(_ sql: String) -> String {
        let names = string(CivilCalendar.weekdayNames.joined())
        switch self {
        case .sqlite, .spark: return "instr(\(names), \(sql))"
        case .duckdb, .postgres: return "strpos(\(names), \(sql))"
        }
    }

    /// The name of the 64-bit floating-point type.
    var doubleType: String {
        switch self {
        case .postgres: return "DOUBLE PRECISION"
        case .sqlite: return "REAL"
        case .duckdb, .spark: return "DOUBLE"
        }
    }

    /// `x` converted to a double.
    func double(_ sql: String) -> String { "CAST(\(sql) AS \(doubleType))" }

    /// Decimal division whose zero divisor gives NULL: Spark's ANSI mode raises on `/ 0`, so it
    /// uses `try_divide`; the others divide by `NULLIF(divisor, 0)`.
    func divide(_ dividend: String, _ divisor: String) -> String {
        switch self {
        case .spark: return "try_divide(\(dividend), \(divisor))"
        default: return "(\(dividend) / NULLIF(\(divisor), 0))"
        }
    }

    /// The whole quotient of two non-negative integers (`/` is decimal division in DuckDB and
    /// Spark).
    func wholeDivide(_ dividend: String, _ divisor: Int) -> String {
        switch self {
        case .duckdb: return "(\(dividend) // \(divisor))"
        case .spark: return "(\(dividend) div \(divisor))"
        case .postgres, .sqlite: return "(\(dividend) / \(divisor))"
        }
    }

    /// The column that orders rows as their file does: `rowid` in sqlite and DuckDB, which a
    /// table created the plain way (`.import`, `CREATE TABLE … AS SELECT * FROM read_csv(…)`)
    /// numbers in file order; elsewhere a column `tally_row` that loading must add
    /// (`rowNumberingNote` says how).
    var rowColumn: String {
        usesRowid ? rowColumnIdentifier : quote(rowColumnIdentifier)
    }

    /// The row column's name as an identifier, unquoted: `rowid` or `tally_row`.
    var rowColumnIdentifier: String { usesRowid ? "rowid" : SQLDialect.rowColumnName }

    /// Numbers a derived table's rows in the order its query gives them. Spark SQL allows
    /// `row_number()` only over an ordered window; its increasing ids keep a sorted query's order.
    var arrivalNumber: String {
        self == .spark ? "monotonically_increasing_id()" : "row_number() OVER ()"
    }

    /// Whether tables have a `rowid` in file order, so no row-number column is needed.
    var usesRowid: Bool { self == .sqlite || self == .duckdb }

    /// The name of the row-position column PostgreSQL and Spark need.
    public static let rowColumnName = "tally_row"

    /// For PostgreSQL and Spark, comment lines giving the statements that load `table` from its
    /// CSV file with the `tally_row` column numbered in file order; nil for sqlite and DuckDB.
    func rowNumberingNote(for table: Table) -> String? {
        let name = quote(table.name), row = quote(SQLDialect.rowColumnName), file = string(table.name + ".csv")
        let columns = table.columns.map { quote($0.name) }
        switch self {
        case .sqlite, .duckdb:
            return nil
        case .postgres:
            let types: [ValueType: String] = [.integer: "BIGINT", .decimal: "DOUBLE PRECISION", .text: "TEXT", .boolean: "BOOLEAN",
                                              .date: "DATE", .datetime: "TIMESTAMP"]
            let typed = table.columns.map { quote($0.name) + " " + (types[$0.type] ?? "TEXT") }
            return """
                -- \(row) is each row's position in its file; load the file numbered, e.g.:
                -- CREATE TABLE \(name) (\(row) BIGINT GENERATED ALWAYS AS IDENTITY, \(typed.joined(separator: ", ")));
                -- COPY \(name) (\(columns.joined(separator: ", "))) FROM \(file) WITH (FORMAT csv, HEADER true);

                """
        case .spark:
            let view = quote(table.name + "_csv")
            return """
                -- \(row) is each row's position in its file; load the file numbered, e.g.:
                -- CREATE TEMPORARY VIEW \(view) USING csv OPTIONS (path \(file), header 'true', inferSchema 'true');
                -- CREATE TABLE \(name) AS SELECT monotonically_increasing_id() AS \(row), * FROM \(view);

                """
        }
    }

    /// Text for sorting and ordered comparison by code point: PostgreSQL's default collation
    /// follows the locale, so it needs `COLLATE "C"`; the others compare bytes already.
    func codePointOrder(_ sql: String) -> String {
        self == .postgres ? "\(sql) COLLATE \"C\"" : sql
    }
}
