/// A scalar function of the language: it works on one row's values and gives one value, missing
/// when an argument is missing. `ScalarFunction.table` is the one list of them that the binder,
/// the completer, `help`, the executor and the SQL translator all read.
public struct ScalarFunction: Sendable {
    /// Which function.
    public let id: ID
    /// How it is written, with its arguments: `round(x [, digits])`.
    public let usage: String
    /// What it does, in a sentence.
    public let summary: String
    /// A statement that runs on the bundled datasets.
    public let example: String
    /// What each argument must be; the last ones may be optional.
    let parameters: [Parameter]
    /// How many arguments may be left out at the end.
    let optionalCount: Int
    /// Whether the last parameter repeats (`coalesce(x, y, …)`).
    let repeatsLast: Bool
    /// The type of the result, from the argument types.
    let result: ResultRule
    /// Its SQL, per dialect (see `SQLForm`).
    let sql: SQLForm

    /// The functions, by the name they are written with.
    public enum ID: String, Sendable, CaseIterable {
        case round, floor, ceil, abs
        case lower, upper, trim, length, left, right, replace
        case concat = "||"
        case coalesce
        case `if`
        case number, text, date
        case year, quarter, month, week, day
        case monthNumber = "month_number", weekday, hour
        case today
        /// `date - date`: the days between two dates.
        case daysBetween = "date - date"
        /// `date + n`, `date - n`: a date some days later or earlier.
        case addDays = "date + n"
    }

    /// What an argument must be.
    enum Parameter: Sendable {
        /// A number (integer or decimal).
        case number
        /// Text.
        case text
        /// A true/false condition.
        case condition
        /// Any value; the result rule relates the types.
        case value
        /// A whole number written in the query (`left(name, 3)`), so that a text function runs
        /// once per distinct value.
        case wholeConstant
        /// A text written in the query (`replace(name, "Rep.", "Republic")`).
        case textConstant
        /// A date layout written in the query (`"DD/MM/YYYY"`, see `DateLayout`).
        case layoutConstant
        /// A date or a datetime.
        case dateLike
    }

    /// How the result's type follows from the arguments'.
    enum ResultRule: Sendable {
        /// Always this type.
        case fixed(ValueType)
        /// The first argument's type.
        case first
        /// The type every argument from `index` on shares (integer and decimal make decimal).
        case common(from: Int)
    }

    /// The SQL of a call: a template per dialect, `$1`, `$2`, … standing for the arguments'
    /// SQL and `$*` for all of them separated by commas.
    struct SQLForm: Sendable {
        /// The template most engines share.
        let standard: String
        /// Templates of engines that write it otherwise.
        let overrides: [SQLDialect: String]

        init(_ standard: String, _ overrides: [SQLDialect: String] = [:]) {
            self.standard = standard
            self.overrides = overrides
        }

        /// The template for `dialect`.
        func template(for dialect: SQLDialect) -> String { overrides[dialect] ?? standard }
    }

    /// The number of arguments it takes at least.
    var minimumArguments: Int { parameters.count - optionalCount }

    /// The function written `name` (any case), if there is one.
    static func named(_ name: String) -> ScalarFunction? {
        let lowered = name.lowercased()
        return table.first { $0.id.rawValue == lowered }
    }

    /// The function with this id.
    static func of(_ id: ID) -> ScalarFunction {
        table.first { $0.id == id } ?? table[0]
    }

    /// The names written as calls (operators such as `||` and `date - date` are left out).
    public static let callableNames = table.map(\.id.rawValue).filter { $0.first?.isLetter == true && !$0.contains(" ") }

    /// The buckets, which group rows by period and sort in time order.
    static let buckets: Set<ID> = [.year, .quarter, .month, .week, .day]

    /// Every scalar function.
    public static let table: [ScalarFunction] = [
        ScalarFunction(
            id: .round, usage: "round(x [, digits])",
            summary: "x rounded to `digits` decimal places (0 when left out), halves away from zero; negative digits round to tens, hundreds, …",
            example: "round(4884 / 12615 * 100, 1)",
            parameters: [.number, .wholeConstant], optionalCount: 1, repeatsLast: false, result: .first,
            sql: SQLForm("round($1, $2)", [.postgres: "CAST(round(CAST($1 AS NUMERIC), $2) AS DOUBLE PRECISION)"])),
        ScalarFunction(
            id: .floor, usage: "floor(x)", summary: "the largest whole number not above x.",
            example: "floor(7 / 2)",
            parameters: [.number], optionalCount: 0, repeatsLast: false, result: .first, sql: SQLForm("floor($1)")),
        ScalarFunction(
            id: .ceil, usage: "ceil(x)", summary: "the smallest whole number not below x.",
            example: "ceil(7 / 2)",
            parameters: [.number], optionalCount: 0, repeatsLast: false, result: .first, sql: SQLForm("ceil($1)")),
        ScalarFunction(
            id: .abs, usage: "abs(x)", summary: "x without its sign.",
            example: "abs(2012 - 2017)",
            parameters: [.number], optionalCount: 0, repeatsLast: false, result: .first, sql: SQLForm("abs($1)")),
        ScalarFunction(
            id: .lower, usage: "lower(s)", summary: "s in lower case.",
            example: "countries show name, lower(name) limit 3",
            parameters: [.text], optionalCount: 0, repeatsLast: false, result: .fixed(.text), sql: SQLForm("lower($1)")),
        ScalarFunction(
            id: .upper, usage: "upper(s)", summary: "s in upper case.",
            example: "countries show name, upper(name) limit 3",
            parameters: [.text], optionalCount: 0, repeatsLast: false, result: .fixed(.text), sql: SQLForm("upper($1)")),
        ScalarFunction(
            id: .trim, usage: "trim(s)", summary: "s without the spaces at its start and end.",
            example: "trim(\"  Kyiv  \")",
            parameters: [.text], optionalCount: 0, repeatsLast: false, result: .fixed(.text), sql: SQLForm("trim($1)")),
        ScalarFunction(
            id: .length, usage: "length(s)", summary: "the number of characters of s.",
            example: "countries show name, length(name) sort by length(name) desc limit 3",
            parameters: [.text], optionalCount: 0, repeatsLast: false, result: .fixed(.integer),
            sql: SQLForm("length($1)", [.postgres: "char_length($1)", .spark: "char_length($1)"])),
        ScalarFunction(
            id: .left, usage: "left(s, n)", summary: "the first n characters of s.",
            example: "countries show name, left(name, 3) limit 3",
            parameters: [.text, .wholeConstant], optionalCount: 0, repeatsLast: false, result: .fixed(.text),
            sql: SQLForm("left($1, $2)", [.sqlite: "substr($1, 1, $2)"])),
        ScalarFunction(
            id: .right, usage: "right(s, n)", summary: "the last n characters of s.",
            example: "countries show name, right(name, 3) limit 3",
            parameters: [.text, .wholeConstant], optionalCount: 0, repeatsLast: false, result: .fixed(.text),
            sql: SQLForm("right($1, $2)", [.sqlite: "(CASE WHEN $2 = 0 THEN '' ELSE substr($1, -$2) END)"])),
        ScalarFunction(
            id: .replace, usage: "replace(s, from, to)", summary: "s with every `from` replaced by `to` (case-sensitive).",
            example: "countries where name contains \"Rep.\" show replace(name, \"Rep.\", \"Republic\") limit 3",
            parameters: [.text, .textConstant, .textConstant], optionalCount: 0, repeatsLast: false, result: .fixed(.text),
            sql: SQLForm("replace($1, $2, $3)")),
        ScalarFunction(
            id: .concat, usage: "s || t", summary: "s and t joined into one text; `text(x)` turns a number into text first.",
            example: "countries show iso3 || \" \" || name limit 3",
            parameters: [.text, .text], optionalCount: 0, repeatsLast: false, result: .fixed(.text),
            sql: SQLForm("($1 || $2)")),
        ScalarFunction(
            id: .coalesce, usage: "coalesce(x, y, …)", summary: "the first of its arguments that is not missing.",
            example: "countries where eu_joined is not missing show name, coalesce(eu_left, 0) limit 3",
            parameters: [.value, .value], optionalCount: 0, repeatsLast: true, result: .common(from: 0),
            sql: SQLForm("coalesce($*)")),
        ScalarFunction(
            id: .if, usage: "if(condition, a, b)", summary: "a where the condition holds, b where it does not (missing where the condition is missing).",
            example: "countries where eu_joined is not missing show name, if(eu_left is missing, \"member\", \"left\") as status limit 3",
            parameters: [.condition, .value, .value], optionalCount: 0, repeatsLast: false, result: .common(from: 1),
            sql: SQLForm("(CASE WHEN $1 THEN $2 WHEN NOT $1 THEN $3 END)")),
        ScalarFunction(
            id: .number, usage: "number(s)", summary: "the text s read as a number (a decimal); a value that is not a number is an error naming it and its row.",
            example: "number(\"12.5\") * 2",
            parameters: [.value], optionalCount: 0, repeatsLast: false, result: .fixed(.decimal),
            sql: SQLForm("CAST($1 AS DOUBLE)", [.postgres: "CAST($1 AS DOUBLE PRECISION)", .sqlite: "CAST($1 AS REAL)"])),
        ScalarFunction(
            id: .text, usage: "text(x)", summary: "x written as text, as CSV output writes it.",
            example: "countries show text(eu_joined) || \"-\" || iso3 limit 3",
            parameters: [.value], optionalCount: 0, repeatsLast: false, result: .fixed(.text),
            sql: SQLForm("CAST($1 AS TEXT)", [.duckdb: "CAST($1 AS VARCHAR)", .spark: "CAST($1 AS STRING)"])),
        ScalarFunction(
            id: .date, usage: "date(s [, layout])",
            summary: "the text s read as a date: ISO 8601 (`2024-03-15`) by default, or in a layout made of YYYY, MM, DD and separators (`\"DD/MM/YYYY\"`); a datetime gives its day. A value that is not a date is an error naming it and its row.",
            example: "date(\"15/03/2024\", \"DD/MM/YYYY\")",
            parameters: [.value, .layoutConstant], optionalCount: 1, repeatsLast: false, result: .fixed(.date),
            sql: SQLForm("CAST($1 AS DATE)", [.sqlite: "date($1)", .spark: "to_date($1)"])),
        ScalarFunction(
            id: .year, usage: "year(d)", summary: "the year of a date or datetime, a number; a bucket that groups and sorts in time order.",
            example: "year(date(\"2024-03-15\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.integer),
            sql: SQLForm("year($1)", [.postgres: "CAST(EXTRACT(YEAR FROM $1) AS BIGINT)", .sqlite: "CAST(strftime('%Y', $1) AS INTEGER)"])),
        ScalarFunction(
            id: .quarter, usage: "quarter(d)", summary: "the quarter of a date, written 2024-Q1; a bucket that groups and sorts in time order.",
            example: "quarter(date(\"2024-03-15\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.quarter),
            sql: SQLForm("(strftime($1, '%Y') || '-Q' || quarter($1))", [
                .postgres: "to_char($1, 'YYYY-\"Q\"Q')",
                .sqlite: "(strftime('%Y', $1) || '-Q' || ((CAST(strftime('%m', $1) AS INTEGER) + 2) / 3))",
                .spark: "concat(date_format($1, 'yyyy'), '-Q', quarter($1))"])),
        ScalarFunction(
            id: .month, usage: "month(d)", summary: "the month of a date, written 2024-03; a bucket that groups and sorts in time order (see month_number for 1–12).",
            example: "month(date(\"2024-03-15\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.month),
            sql: SQLForm("strftime($1, '%Y-%m')", [.postgres: "to_char($1, 'YYYY-MM')", .sqlite: "strftime('%Y-%m', $1)", .spark: "date_format($1, 'yyyy-MM')"])),
        ScalarFunction(
            id: .week, usage: "week(d)", summary: "the ISO week of a date (weeks start on Monday; week 1 holds the year's first Thursday), written 2024-W11; a bucket.",
            example: "week(date(\"2024-03-15\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.week),
            sql: SQLForm("strftime($1, '%G-W%V')", [
                .postgres: "to_char($1, 'IYYY-\"W\"IW')",
                .sqlite: "(strftime('%Y', date($1, '-3 days', 'weekday 4')) || '-W' || printf('%02d', (CAST(strftime('%j', date($1, '-3 days', 'weekday 4')) AS INTEGER) - 1) / 7 + 1))",
                .spark: "concat(extract(YEAROFWEEK FROM $1), '-W', lpad(weekofyear($1), 2, '0'))"])),
        ScalarFunction(
            id: .day, usage: "day(d)", summary: "the day of a date or datetime, a date; a bucket.",
            example: "day(date(\"2024-03-15\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.date),
            sql: SQLForm("CAST($1 AS DATE)", [.sqlite: "date($1)", .spark: "to_date($1)"])),
        ScalarFunction(
            id: .monthNumber, usage: "month_number(d)", summary: "the month of a date as a number, 1 (January) to 12, for seasons.",
            example: "month_number(date(\"2024-03-15\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.integer),
            sql: SQLForm("month($1)", [.postgres: "CAST(EXTRACT(MONTH FROM $1) AS BIGINT)", .sqlite: "CAST(strftime('%m', $1) AS INTEGER)"])),
        ScalarFunction(
            id: .weekday, usage: "weekday(d)", summary: "the day of the week, Mon … Sun, sorting Monday first; compare it with a name: weekday(d) = \"Sat\".",
            example: "weekday(date(\"2024-03-16\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.weekday),
            sql: SQLForm("strftime($1, '%a')", [
                .postgres: "to_char($1, 'Dy')",
                .sqlite: "substr('MonTueWedThuFriSatSun', 1 + 3 * ((CAST(strftime('%w', $1) AS INTEGER) + 6) % 7), 3)",
                .spark: "date_format($1, 'EEE')"])),
        ScalarFunction(
            id: .hour, usage: "hour(t)", summary: "the hour of a datetime, 0 to 23 (UTC; 0 for a date).",
            example: "hour(date(\"2024-03-16\"))",
            parameters: [.dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.integer),
            sql: SQLForm("hour($1)", [.postgres: "CAST(EXTRACT(HOUR FROM $1) AS BIGINT)", .sqlite: "CAST(strftime('%H', $1) AS INTEGER)"])),
        ScalarFunction(
            id: .today, usage: "today()", summary: "the current date (UTC).",
            example: "today() - date(\"2024-01-01\")",
            parameters: [], optionalCount: 0, repeatsLast: false, result: .fixed(.date),
            sql: SQLForm("current_date", [.sqlite: "date('now')", .spark: "current_date()"])),
        ScalarFunction(
            id: .daysBetween, usage: "d - e", summary: "the number of days from the date e to the date d (a datetime: use date(t) first).",
            example: "date(\"2024-03-01\") - date(\"2024-02-01\")",
            parameters: [.dateLike, .dateLike], optionalCount: 0, repeatsLast: false, result: .fixed(.integer),
            sql: SQLForm("($1 - $2)", [.sqlite: "CAST(julianday($1) - julianday($2) AS INTEGER)", .spark: "datediff($1, $2)"])),
        ScalarFunction(
            id: .addDays, usage: "d + n", summary: "the date n days after d (d - n: before); n is a whole number.",
            example: "date(\"2024-02-28\") + 2",
            parameters: [.dateLike, .number], optionalCount: 0, repeatsLast: false, result: .fixed(.date),
            sql: SQLForm("($1 + $2)", [.sqlite: "date($1, printf('%+d days', $2))", .spark: "date_add($1, $2)"])),
    ]
}
