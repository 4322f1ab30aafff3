/// The dataset name `load` gives a file when no `as NAME` is written: its stem, normalized.
enum DatasetName {
    /// `data/Asylum Stats.csv` → `asylum_stats`. A stem that is a keyword or starts with a
    /// digit cannot be written in a query, so it needs `as`.
    static func fromPath(_ path: String, at span: SourceSpan) throws(Diagnostic) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        let name = HeaderNormalizer.identifier(from: stem.isEmpty ? file : stem)
        if name.isEmpty || name.hasPrefix("_") || startsStatementOrClause(name) {
            throw .error("load-needs-name", "'\(file)' does not make a usable dataset name", at: span,
                         label: "name it with `as`, e.g. load \"\(path)\" as mydata")
        }
        return name
    }

    /// Whether a name would be read as a statement or clause word where a query starts.
    private static func startsStatementOrClause(_ name: String) -> Bool {
        guard let keyword = Keyword(rawValue: name) else { return false }
        return keyword.role == .statement || keyword.role == .clause
    }
}
