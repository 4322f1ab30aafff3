/// One lookup or join of a `Combine` as bound: the other side's rows, the keys, and the other
/// side's columns the query reads. The executor makes it (`Combining`); `sql` spells it out as a
/// `LEFT JOIN` or `JOIN`; `explain` names it with what the run matched.
struct CombinationPlan: Sendable {
    /// `lookup` or `join`.
    var kind: Combination.Kind
    /// The name that qualifies the other side.
    var qualifier: String
    /// The other side: a dataset or a planned query.
    var origin: SourceOrigin
    /// The other side's rows: a dataset, or the parenthesised query's result (run while binding).
    var other: Table
    /// The key pairs.
    var keys: [KeyPlan]
    /// The other side's columns the row gains, as indices into `other`, in order.
    var read: [Int]
    /// The names those columns take in the combined table (qualified when the name was taken).
    var names: [String]
    /// How `explain` names the other side (its dataset, or the parenthesised query as written).
    var described: String
    /// The keys as written (`destination`, `year = period`).
    var keyText: String
    /// The names of the table so far and of the other side's table.
    var sourceName: String, otherName: String

    /// The other side's columns that join the row, by their names in `other`.
    var columns: [String] { read.map { other.columns[$0].name } }

    /// The other side's row count.
    var otherRowCount: Int { other.rowCount }

    /// The `explain` step: the datasets, the keys and, when the query ran, what matched.
    func explanation(_ counts: JoinCounts?) -> String {
        func rows(_ n: Int) -> String { NumberFormat.counted(n, "row") }
        guard let counts else {
            return kind == .lookup ? "look up \(described) on \(keyText) for each row of \(sourceName)" : "join \(described) on \(keyText)"
        }
        switch kind {
        case .lookup:
            return "look up \(described) on \(keyText) for each row of \(sourceName): \(rows(counts.sourceMatched)) matched, "
                + "\(rows(counts.sourceUnmatched)) without a match (their \(otherName) columns are missing); "
                + "\(rows(counts.otherMatched)) of \(otherName) used, \(NumberFormat.grouped(Int64(counts.otherUnmatched))) not"
        case .join:
            var text = "join \(described) on \(keyText): \(rows(counts.sourceMatched)) of \(sourceName) matched, "
                + "\(NumberFormat.grouped(Int64(counts.sourceUnmatched))) did not and are dropped; "
                + "\(rows(counts.otherMatched)) of \(otherName) matched, \(NumberFormat.grouped(Int64(counts.otherUnmatched))) did not"
            if counts.repeatedSourceRows > 0 {
                text += "; \(rows(counts.repeatedSourceRows)) of \(sourceName) matched more than once"
            }
            return text
        }
    }
}

/// One key of a lookup or join as bound.
struct KeyPlan: Sendable {
    /// The key's column in the combined table, and in the other side, by name.
    var source: String, other: String
    /// The key's column in the table so far, and in the other side, by index.
    var sourceIndex: Int, otherIndex: Int
    /// For country columns, the key each dictionary entry of the source's column and of the other
    /// side's column stands for (its resolved code); nil: the text itself.
    var sourceKeys: [String]? = nil, otherKeys: [String]? = nil

    /// For country columns, the values of each side that match by another code than their own
    /// text (`RU` matches as `RUS`), with that code: what `sql` writes out.
    var sourceCodes: [String: String] = [:], otherCodes: [String: String] = [:]

    /// The key's columns in `table` (the rows so far) and the other side's rows, for `HashJoin`.
    func columns(in table: Table, other: Table) -> JoinKeyColumns {
        JoinKeyColumns(left: table.columns[sourceIndex], right: other.columns[otherIndex], leftKeys: sourceKeys, rightKeys: otherKeys)
    }
}
