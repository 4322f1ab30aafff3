/// Which row of each side every row of a combined table was made from: what the caveats of
/// lookups and joins read (`CaveatFinder`). A join repeats and drops rows, so each mapping is
/// carried through the joins after it.
struct CombinedRows: Sendable {
    /// One side's rows: row `i` of the combined table was made from row `rows[i]` (-1: from
    /// none, a lookup without a match; nil `rows`: from row `i`), of `count` rows.
    struct Side: Sendable {
        var rows: Selection?
        var count: Int
    }

    /// The rows read first.
    private(set) var start: Side
    /// For each lookup or join in order: its other side.
    private(set) var others: [Side] = []
    /// For each lookup or join in order: the table it was made from (a lookup keeps its rows).
    private(set) var befores: [Side] = []

    /// The other side of lookup or join `step`, nil when there is no such step.
    func other(_ step: Int) -> Side? { others.indices.contains(step) ? others[step] : nil }

    /// The table lookup or join `step` was made from, nil when there is no such step.
    func before(_ step: Int) -> Side? { befores.indices.contains(step) ? befores[step] : nil }

    /// The rows read first, `count` of them, before any lookup or join.
    init(startCount count: Int) {
        start = Side(rows: nil, count: count)
    }

    /// Adds a lookup or join that made each row `i` from row `sourceRows[i]` of the table so far
    /// (nil: a lookup, row `i`), of `beforeCount` rows, and row `otherRows[i]` of its other side.
    mutating func add(sourceRows: Selection?, otherRows: Selection, beforeCount: Int, otherCount: Int) {
        if let sourceRows { follow(sourceRows) }
        befores.append(Side(rows: sourceRows, count: beforeCount))
        others.append(Side(rows: otherRows, count: otherCount))
    }

    /// Every mapping so far, over a table whose row `i` is row `rows[i]` of the table they were
    /// made for (a join repeats and drops rows; kept rows copied keep only those).
    mutating func follow(_ rows: Selection) {
        start = start.following(rows)
        others = others.map { $0.following(rows) }
        befores = befores.map { $0.following(rows) }
    }
}

extension CombinedRows.Side {
    /// The side over a table whose row `i` is row `rows[i]` of the table it was made for.
    func following(_ later: Selection) -> CombinedRows.Side {
        CombinedRows.Side(rows: rows.map { rows in later.map { rows[Int($0)] } } ?? later, count: count)
    }
}
