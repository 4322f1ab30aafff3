/// The session's settings: what `set` and the command line change.
public struct Settings: Sendable {
    /// How results are written.
    public var format: OutputFormat = .table
    /// Print `Run Time: real … user … sys …` after each statement.
    public var timer = false
    /// A `check` that is not `true` fails the script.
    public var strict = false
    /// Typed at a prompt: cap printed rows, keep going after errors.
    public var interactive = false
    /// Colour diagnostics and tables with ANSI escapes.
    public var colored = false
    /// The terminal's width in columns, when writing to a terminal.
    public var terminalWidth: Int?
    /// Rows printed in table format at the prompt before `… N more rows` (`set rows N`).
    public var interactiveRowLimit = 40
    /// A width that replaces the terminal's (`set width N`, `--width N`), for projectors and recordings.
    public var fixedWidth: Int?
    /// Tables as boxes, or one `column: value` block per row (`set layout`).
    public var layout = TableLayout.table
    /// Country columns show short names in tables and charts (`set names on|off`, `--names`).
    public var countryNames = true
    /// SQL dialect for `sql` (duckdb, postgres, sqlite, spark).
    public var dialect = "duckdb"
    /// The memory a `load` may use, in megabytes (`set memory N`): most of the machine's by default.
    public var memoryMegabytes = MemoryBudget.machineDefaultMegabytes

    /// Default settings.
    public init() {}

    /// The widths `set width` and `--width` accept.
    public static let widths: ClosedRange<Int64> = 20...1000

    /// The width tables and prose fit: `set width`, else the terminal's, else none.
    public var width: Int? { fixedWidth ?? terminalWidth }
}

/// How table format lays out a result.
public enum TableLayout: String, Sendable, CaseIterable {
    /// A box with a header row.
    case table
    /// One block of `column: value` lines per row.
    case vertical
}

/// The five result formats.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, tsv, json, markdown

    /// The format named `name` (`md` is markdown), any case.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "md" { self = .markdown; return }
        self.init(rawValue: lowered)
    }
}
