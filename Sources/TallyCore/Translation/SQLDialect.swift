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
        case .spark: return "`" + identifier.replacing("`", with: "``") + "`"
        default: return "\"" + identifier.replacing("\"", with: "\"\"") + "\""
        }
    }

    /// A string literal. Spark reads backslash escapes inside literals; the others double quotes.
    func string(_ text: String) -> String {
        switch self {
        case .spark:
            var escaped = ""
            for character in text {
                if character == "\\" || character == "'" { escaped.append("\\") }
                escaped.append(character)
            }
            return "'" + escaped + "'"
        default:
            return "'" + text.replacing("'", with: "''") + "'"
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

    /// The column holding each row's position in its file: sqlite's `rowid` (its `.import`
    /// inserts rows in file order); elsewhere a column `tally_row` that loading adds.
    var rowColumn: String {
        self == .sqlite ? "rowid" : quote(SQLDialect.rowColumnName)
    }

    /// The name of the row-position column the non-sqlite dialects expect.
    public static let rowColumnName = "tally_row"

    /// Text for sorting and ordered comparison by code point: PostgreSQL's default collation
    /// follows the locale, so it needs `COLLATE "C"`; the others compare bytes already.
    func codePointOrder(_ sql: String) -> String {
        self == .postgres ? "\(sql) COLLATE \"C\"" : sql
    }
}
