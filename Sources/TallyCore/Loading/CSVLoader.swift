// STUB — replaced by the loader work. Signatures are the contract.

/// Loads CSV and TSV files into columnar `Table`s.
public enum CSVLoader {
    /// What a load produced besides the table: notes such as skipped blank lines.
    public struct Report: Sendable {
        /// The table.
        public var table: Table
        /// Notes for the user (not errors), e.g. "skipped 3 blank lines".
        public var notes: [String]
    }

    /// Loads the file at `path` as a dataset named `name`.
    /// Errors are `Diagnostic`s with code `load-…` and a `fileLocation` where one applies.
    public static func load(path: String, name: String, info: DatasetInfo = DatasetInfo()) throws(Diagnostic) -> Report {
        throw Diagnostic.error("load-unimplemented", "loading is not built yet")
    }

    /// Parses CSV bytes already in memory; `path` is only for messages and delimiter choice.
    public static func load(bytes: [UInt8], path: String, name: String, info: DatasetInfo = DatasetInfo()) throws(Diagnostic) -> Report {
        throw Diagnostic.error("load-unimplemented", "loading is not built yet")
    }
}
