/// Applies a condition to a table and returns the selection of rows where it is true.
///
/// `and` refines the selection step by step, so later tests only look at rows that passed
/// earlier ones; tests of a column against constants run as tight loops (text: once per
/// dictionary entry, then a lookup per row); anything else is evaluated as a vector.
struct RowFilter {
    let table: Table
    let context: ExecutionContext

    /// Rows of `candidates` (all rows when nil) for which `condition` is true.
    func select(_ condition: BoundExpr, from candidates: Selection?) throws(Diagnostic) -> Selection {
        switch condition {
        case .and(let l, let r):
            return try select(r, from: try select(l, from: candidates))
        case .or(let l, let r):
            return try select(l, from: candidates).union(try select(r, from: candidates))
        default:
            if let mask = constantTest(condition) { return try scan(mask, candidates) }
            var selected = Selection()
            try forEachBatch(candidates) { batch throws(Diagnostic) in
                let values = try ExpressionEvaluator(table: table, rows: batch, context: context).evaluate(condition)
                guard case .boolean(let flags) = values.data else { return }
                for i in flags.indices where flags[i] && values.isValid(i) { selected.append(batch[i]) }
            }
            return selected
        }
    }

    /// A per-row test of one column against constants: the column, and whether a row's
    /// (present) value passes.
    struct RowTest {
        let column: Int
        let passes: (Int) -> Bool
    }

    private func constantTest(_ condition: BoundExpr) -> RowTest? {
        switch condition {
        case .comparison(let op, .column(let index, _), .literal(let literal, _)) where !literal.isMissing:
            switch table.columns[index].data {
            case .text(let codes, let dictionary):
                let mask = dictionary.values.map { ComparisonOperator.holds(op, .text($0), literal) }
                return RowTest(column: index) { mask[Int(codes[$0])] }
            case .integer(let values):
                if case .integer(let bound) = literal { return RowTest(column: index) { op.holds(values[$0], bound) } }
                guard let bound = literal.asDouble else { return nil }
                return RowTest(column: index) { op.holds(Double(values[$0]), bound) }
            case .decimal(let values):
                guard let bound = literal.asDouble else { return nil }
                return RowTest(column: index) { op.holds(values[$0], bound) }
            case .boolean:
                return nil
            }
        case .inSet(.column(let index, _), let values, let negated):
            guard case .text(let codes, let dictionary) = table.columns[index].data else { return nil }
            let set = Set(values)
            let mask = dictionary.values.map { set.contains(.text($0)) != negated }
            return RowTest(column: index) { mask[Int(codes[$0])] }
        case .textMatch(let kind, .column(let index, _), let pattern):
            guard case .text(let codes, let dictionary) = table.columns[index].data else { return nil }
            let mask = dictionary.values.map { kind.matches($0, pattern: pattern) }
            return RowTest(column: index) { mask[Int(codes[$0])] }
        default:
            return nil
        }
    }

    private func scan(_ test: RowTest, _ candidates: Selection?) throws(Diagnostic) -> Selection {
        var selected = Selection()
        let validity = table.columns[test.column].validity
        try forEachRow(candidates) { row in
            (validity?.isValid(row) ?? true) && test.passes(row)
        } keep: { selected.append($0) }
        return selected
    }

    /// Runs `test` on each candidate row in batches, checking for cancellation between batches.
    private func forEachRow(
        _ candidates: Selection?, _ test: (Int) -> Bool, keep: (Int32) -> Void
    ) throws(Diagnostic) {
        let total = candidates?.count ?? table.rowCount
        var start = 0
        while start < total {
            try context.checkCancelled()
            let end = min(total, start + ExecutionContext.batchSize * 32)
            if let candidates {
                for i in start..<end where test(Int(candidates[i])) { keep(candidates[i]) }
            } else {
                for row in start..<end where test(row) { keep(Int32(truncatingIfNeeded: row)) }
            }
            start = end
        }
    }

    /// Calls `body` with consecutive batches of candidate rows.
    private func forEachBatch(_ candidates: Selection?, _ body: (Selection) throws(Diagnostic) -> Void) throws(Diagnostic) {
        let total = candidates?.count ?? table.rowCount
        var start = 0
        let size = ExecutionContext.batchSize * 32
        while start < total {
            try context.checkCancelled()
            let end = min(total, start + size)
            let batch = candidates.map { Array($0[start..<end]) } ?? (start..<end).map { Int32(truncatingIfNeeded: $0) }
            try body(batch)
            start = end
        }
    }
}
