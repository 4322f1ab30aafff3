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
            if let selected = try scanConstantTest(condition, candidates) { return selected }
            var selected = Selection()
            try forEachBatch(candidates) { batch throws(Diagnostic) in
                let values = try ExpressionEvaluator(table: table, rows: batch, context: context).evaluate(condition)
                guard case .boolean(let flags) = values.data else { return }
                for i in flags.indices where flags[i] && values.isValid(i) { selected.append(batch[i]) }
            }
            return selected
        }
    }

    /// Runs a test of one column against constants as a tight loop, when `condition` is one:
    /// text is decided once per dictionary entry, then looked up per row.
    private func scanConstantTest(_ condition: BoundExpr, _ candidates: Selection?) throws(Diagnostic) -> Selection? {
        switch condition {
        case .comparison(let op, .column(let index, _), .literal(let literal, _)) where !literal.isMissing:
            let column = table.columns[index]
            switch column.data {
            case .text(let codes, let dictionary):
                return try scanCodes(codes, column.validity, candidates, dictionary.values.map { ComparisonOperator.holds(op, .text($0), literal) })
            case .integer(let values):
                if case .integer(let bound) = literal {
                    return try values.withUnsafeBufferPointer { values throws(Diagnostic) in
                        try scan(candidates, column.validity, ValueComparison(values: values, op: op, bound: bound))
                    }
                }
                guard let bound = literal.asDouble else { return nil }
                return try values.withUnsafeBufferPointer { values throws(Diagnostic) in
                    try scan(candidates, column.validity, WidenedComparison(values: values, op: op, bound: bound))
                }
            case .days(let values):
                guard case .calendar(let day, .date) = literal else { return nil }
                let bound = Int32(clamping: day)
                return try values.withUnsafeBufferPointer { values throws(Diagnostic) in
                    try scan(candidates, column.validity, ValueComparison(values: values, op: op, bound: bound))
                }
            case .decimal(let values):
                guard let bound = literal.asDouble else { return nil }
                return try values.withUnsafeBufferPointer { values throws(Diagnostic) in
                    try scan(candidates, column.validity, ValueComparison(values: values, op: op, bound: bound))
                }
            case .boolean:
                return nil
            }
        case .inSet(.column(let index, _), let values, let negated):
            let column = table.columns[index]
            switch column.data {
            case .text(let codes, let dictionary):
                let set = Set(values)
                return try scanCodes(codes, column.validity, candidates, dictionary.values.map { set.contains(.text($0)) != negated })
            case .integer(let numbers):
                return try scanMembers(numbers, column.validity, candidates, SortedMembers(values, \.integerMember), negated: negated)
            case .days(let numbers):
                return try scanMembers(numbers, column.validity, candidates, SortedMembers(values, \.dayMember), negated: negated)
            case .decimal(let numbers):
                return try scanMembers(numbers, column.validity, candidates, SortedMembers(values, \.decimalMember), negated: negated)
            case .boolean:
                return nil
            }
        case .domain(let term):
            let operands = term.expression.operands
            guard case .column(let index, _)? = operands.first, case .text(let codes, let dictionary) = table.columns[index].data,
                  let ranges = term.expression.codeRanges(dictionary) else { return nil }
            guard operands.count > 1 else { return try scanCodes(codes, table.columns[index].validity, candidates, ranges.withoutInteger) }
            guard operands.count == 2, case .column(let integerIndex, _) = operands[1],
                  case .integer(let integers) = table.columns[integerIndex].data else { return nil }
            return try scanRanges(codes, integers, ranges, index: index, integerIndex: integerIndex, candidates)
        case .textMatch(let kind, .column(let index, _), let pattern):
            guard case .text(let codes, let dictionary) = table.columns[index].data else { return nil }
            return try scanCodes(codes, table.columns[index].validity, candidates, dictionary.values.map { kind.matches($0, pattern: pattern) })
        default:
            return nil
        }
    }

    /// Keeps the rows whose dictionary code passes `mask`.
    private func scanCodes(_ codes: [UInt32], _ validity: ValidityMask?, _ candidates: Selection?, _ mask: [Bool]) throws(Diagnostic) -> Selection {
        try codes.withUnsafeBufferPointer { codes throws(Diagnostic) in
            try mask.withUnsafeBufferPointer { mask throws(Diagnostic) in
                try scan(candidates, validity, CodeMask(codes: codes, mask: mask))
            }
        }
    }

    /// Keeps the rows whose number is (or, `negated`, is not) a member.
    private func scanMembers<Number>(
        _ numbers: [Number], _ validity: ValidityMask?, _ candidates: Selection?, _ members: SortedMembers<Number>, negated: Bool
    ) throws(Diagnostic) -> Selection {
        try numbers.withUnsafeBufferPointer { numbers throws(Diagnostic) in
            try scan(candidates, validity, MembershipTest(values: numbers, members: members, negated: negated))
        }
    }

    /// Keeps the rows whose integer lies in the range of their text's code.
    private func scanRanges(
        _ codes: [UInt32], _ integers: [Int64], _ ranges: CodeRanges, index: Int, integerIndex: Int, _ candidates: Selection?
    ) throws(Diagnostic) -> Selection {
        try codes.withUnsafeBufferPointer { codes throws(Diagnostic) in
            try integers.withUnsafeBufferPointer { integers throws(Diagnostic) in
                try ranges.first.withUnsafeBufferPointer { first throws(Diagnostic) in
                    try ranges.last.withUnsafeBufferPointer { last throws(Diagnostic) in
                        try ValidityMask.withWords(table.columns[integerIndex].validity) { integerValidity throws(Diagnostic) in
                            let test = CodeRangeTest(codes: codes, integers: integers, integerValidity: integerValidity, first: first, last: last)
                            return try scan(candidates, table.columns[index].validity, test)
                        }
                    }
                }
            }
        }
    }

    /// The candidate rows (all rows when nil) that are present and pass `test`, found in fixed
    /// parts on both cores, batch by batch (checking for cancellation), concatenated in order.
    private func scan<Test: RowTest>(_ candidates: Selection?, _ validity: ValidityMask?, _ test: Test) throws(Diagnostic) -> Selection {
        let total = candidates?.count ?? table.rowCount
        let parts = Parallel.ranges(total, parts: Parallel.partCount(total))
        let pieces = Parallel.map(parts.count) { part in
            Result { () throws(Diagnostic) -> Selection in
                let range = parts[part]
                return try Selection(unsafeUninitializedCapacity: range.count) { buffer, kept throws(Diagnostic) in
                    kept = 0
                    try ValidityMask.withWords(validity) { words throws(Diagnostic) in
                        var start = range.lowerBound
                        while start < range.upperBound {
                            try context.checkCancelled()
                            let end = min(range.upperBound, start + ExecutionContext.batchSize * 32)
                            if let candidates {
                                candidates.withUnsafeBufferPointer { candidates in
                                    for position in start..<end {
                                        let row = Int(candidates[position])
                                        buffer[kept] = candidates[position]
                                        kept &+= RowFilter.keeps(words, row, test)
                                    }
                                }
                            } else {
                                for row in start..<end {
                                    buffer[kept] = Int32(truncatingIfNeeded: row)
                                    kept &+= RowFilter.keeps(words, row, test)
                                }
                            }
                            start = end
                        }
                    }
                }
            }
        }
        var selected = Selection()
        selected.reserveCapacity(pieces.reduce(0) { $0 + ((try? $1.get())?.count ?? 0) })
        for piece in pieces { selected.append(contentsOf: try piece.get()) }
        return selected
    }

    /// 1 when `row` is present and passes, else 0: the scan writes every row and advances past
    /// the ones kept, so the loop has no branch to mispredict.
    @inline(__always)
    private static func keeps<Test: RowTest>(_ words: UnsafeBufferPointer<UInt64>?, _ row: Int, _ test: Test) -> Int {
        (ValidityMask.isValid(words, row) ? 1 : 0) & (test.passes(row) ? 1 : 0)
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

/// A test of one row against constants, as a type so that each kind of test gets its own
/// specialized scan loop (a closure would be called per row).
protocol RowTest {
    /// Whether the (present) value of source row `row` passes.
    func passes(_ row: Int) -> Bool
}

/// A dictionary code looked up in a per-entry answer.
struct CodeMask: RowTest {
    let codes: UnsafeBufferPointer<UInt32>
    let mask: UnsafeBufferPointer<Bool>

    @inline(__always)
    func passes(_ row: Int) -> Bool { mask[Int(codes[row])] }
}

/// A number compared with a constant of its own type.
struct ValueComparison<Number: Comparable>: RowTest {
    let values: UnsafeBufferPointer<Number>
    let op: ComparisonOperator
    let bound: Number

    @inline(__always)
    func passes(_ row: Int) -> Bool { op.holds(values[row], bound) }
}

/// A number looked up in an `in (…)` list.
struct MembershipTest<Number: Comparable>: RowTest {
    let values: UnsafeBufferPointer<Number>
    let members: SortedMembers<Number>
    let negated: Bool

    @inline(__always)
    func passes(_ row: Int) -> Bool { members.contains(values[row]) != negated }
}

/// A whole number compared with a decimal constant.
struct WidenedComparison: RowTest {
    let values: UnsafeBufferPointer<Int64>
    let op: ComparisonOperator
    let bound: Double

    @inline(__always)
    func passes(_ row: Int) -> Bool { op.holds(Double(values[row]), bound) }
}
