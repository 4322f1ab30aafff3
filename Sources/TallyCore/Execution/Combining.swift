/// Makes the lookup or join of a `Combine` over the rows its input passes up.
///
/// When the conditions below kept at most half of the input's rows, those rows are copied
/// first, so the lookup or join reads only them. Otherwise copying would cost more than it
/// saves: the lookup or join reads every row, and the kept rows are carried through it (a lookup
/// keeps each row once, a join pairs rows in order), so the result is the same.
struct Combining {
    /// The combined rows.
    private(set) var table: Table
    /// The rows of `table` the conditions below kept, ascending; nil: all.
    private(set) var rows: Selection?
    /// What the lookup or join matched among the kept rows.
    private(set) var counts = JoinCounts()
    /// Which row of each side every row of `table` was made from.
    private(set) var lineage: CombinedRows

    /// Makes `combine`'s lookup or join over `input`'s `rows` (nil: every row), whose rows were
    /// made as `lineage` says (nil: `input` is the rows read first).
    init(_ combine: Combine, input: Table, rows: Selection?, lineage: CombinedRows?, context: ExecutionContext) throws(Diagnostic) {
        var lineage = lineage ?? CombinedRows(startCount: input.rowCount)
        if let rows, rows.count <= input.rowCount / 2 {
            table = Table(name: input.name, columns: input.columns.map { $0.gathered(rows) }, rowCount: rows.count, info: input.info)
            lineage.follow(rows)
        } else {
            table = input
            self.rows = rows
        }
        self.lineage = lineage
        try make(combine.combination, context: context)
        guard table.columns.count == combine.table.columns.count else {
            throw .error("internal", "a lookup or join made \(table.columns.count) columns where \(combine.table.columns.count) were planned")
        }
        table = Table(name: combine.table.name, columns: table.columns, rowCount: table.rowCount, info: combine.table.info)
    }

    /// Makes the lookup or join against the table so far.
    private mutating func make(_ combination: CombinationPlan, context: ExecutionContext) throws(Diagnostic) {
        let other = combination.other
        let matcher = HashJoin(keys: combination.keys.map { $0.columns(in: table, other: other) })
        let sourceRows: Selection?, otherRows: Selection, made: JoinCounts
        switch combination.kind {
        case .lookup:
            sourceRows = nil
            (otherRows, made) = try matcher.lookup(context: context)
        case .join:
            let pairs = try matcher.join(context: context)
            (sourceRows, otherRows, made) = (pairs.source, pairs.other, pairs.counts)
        }
        var columns = sourceRows.map { sourceRows in table.columns.map { $0.gathered(sourceRows) } } ?? table.columns
        for (index, name) in zip(combination.read, combination.names) {
            var gathered = other.columns[index].gatheredOrMissing(otherRows)
            gathered.name = name
            gathered.originalName = name
            columns.append(gathered)
        }
        if let kept = rows {
            let keptAfter = sourceRows.map { Combining.rows(of: kept, among: table.rowCount, following: $0) } ?? kept
            counts = Combining.counts(
                of: keptAfter, sourceRows: sourceRows, otherRows: otherRows, sources: kept.count, beforeCount: table.rowCount, otherCount: other.rowCount)
            rows = keptAfter
        } else {
            counts = made
        }
        lineage.add(sourceRows: sourceRows, otherRows: otherRows, beforeCount: table.rowCount, otherCount: other.rowCount)
        table = Table(name: table.name, columns: columns, rowCount: sourceRows?.count ?? table.rowCount, info: table.info)
    }

    /// The rows of a join's result made from a row of `kept` (ascending rows of a table of
    /// `count` rows), when its row `i` was made from row `sourceRows[i]`.
    private static func rows(of kept: Selection, among count: Int, following sourceRows: Selection) -> Selection {
        var isKept = [Bool](repeating: false, count: count)
        for row in kept { isKept[Int(row)] = true }
        return Selection(sourceRows.indices.lazy.filter { isKept[Int(sourceRows[$0])] }.map { Int32(truncatingIfNeeded: $0) })
    }

    /// What a lookup or join matched among the rows made from `sources` kept rows of a table of
    /// `beforeCount` rows: `kept`, rows of its result, of which row `i` came from row
    /// `sourceRows[i]` of the table before (nil: row `i`) and row `otherRows[i]` of the other side (-1: none).
    private static func counts(
        of kept: Selection, sourceRows: Selection?, otherRows: Selection, sources: Int, beforeCount: Int, otherCount: Int
    ) -> JoinCounts {
        var matchesOfSource = [UInt8](repeating: 0, count: beforeCount)
        var otherUsed = [Bool](repeating: false, count: otherCount)
        var counts = JoinCounts()
        for row in kept {
            let other = Int(otherRows[Int(row)])
            guard other >= 0 else { continue }
            if !otherUsed[other] { counts.otherMatched += 1 }
            otherUsed[other] = true
            let source = Int(sourceRows.map { $0[Int(row)] } ?? row)
            switch matchesOfSource[source] {
            case 0: counts.sourceMatched += 1
            case 1: counts.repeatedSourceRows += 1; counts.extraRows += 1
            default: counts.extraRows += 1
            }
            matchesOfSource[source] = min(matchesOfSource[source], 1) + 1
        }
        counts.sourceUnmatched = sources - counts.sourceMatched
        counts.otherUnmatched = otherCount - counts.otherMatched
        return counts
    }
}
