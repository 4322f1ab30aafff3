/// Numbers the groups of a set of key columns: every row gets a dense group id (0, 1, 2, … in
/// first-seen order), missing values forming a group of their own.
///
/// Each key column is first turned into small integer codes (dictionary text already is);
/// keys are then combined pairwise and renumbered, through a direct array when the combined
/// space is small and a hash table otherwise.
struct GroupKeyEncoder {
    /// The group id of each row.
    private(set) var groupIDs: [Int32]
    /// The number of groups.
    private(set) var groupCount: Int
    /// For each group, the position of its first row.
    private(set) var firstRows: [Int]

    /// Numbers the groups of `keys`, all of length `rowCount`.
    init(keys: [Column], rowCount: Int, context: ExecutionContext) throws(Diagnostic) {
        guard let first = keys.first else {
            groupIDs = Array(repeating: 0, count: rowCount)
            groupCount = 1
            firstRows = [0]
            return
        }
        var (ids, cardinality) = GroupKeyEncoder.codes(of: first)
        for key in keys.dropFirst() {
            try context.checkCancelled()
            let (codes, keyCardinality) = GroupKeyEncoder.codes(of: key)
            var combined = [Int64](repeating: 0, count: rowCount)
            for i in 0..<rowCount { combined[i] = Int64(ids[i]) &* Int64(keyCardinality) &+ Int64(codes[i]) }
            (ids, cardinality) = GroupKeyEncoder.renumber(combined, space: Int64(cardinality) &* Int64(keyCardinality))
        }
        let (dense, count) = GroupKeyEncoder.renumber(ids.map(Int64.init), space: Int64(cardinality))
        groupIDs = dense
        groupCount = count
        var firsts = [Int](repeating: -1, count: count)
        for (row, id) in dense.enumerated() where firsts[Int(id)] < 0 { firsts[Int(id)] = row }
        firstRows = firsts
    }

    /// Small integer codes for one key column, and how many codes there can be.
    private static func codes(of column: Column) -> ([Int32], Int) {
        switch column.data {
        case .text(let codes, let dictionary):
            let missing = Int32(truncatingIfNeeded: dictionary.count)
            return (codes.indices.map { column.isValid($0) ? Int32(truncatingIfNeeded: codes[$0]) : missing }, dictionary.count + 1)
        case .boolean(let values):
            return (values.indices.map { column.isValid($0) ? (values[$0] ? 1 : 0) : 2 }, 3)
        case .integer(let values):
            return denseCodes(values.indices.map { column.isValid($0) ? Optional(values[$0]) : nil })
        case .decimal(let values):
            return denseCodes(values.indices.map { column.isValid($0) ? Optional(values[$0] == 0 ? 0 : values[$0]) : nil })
        }
    }

    private static func denseCodes<T: Hashable>(_ values: [T?]) -> ([Int32], Int) {
        var ids: [T?: Int32] = [:]
        var codes = [Int32](repeating: 0, count: values.count)
        for (i, value) in values.enumerated() {
            if let id = ids[value] { codes[i] = id } else {
                let id = Int32(truncatingIfNeeded: ids.count)
                ids[value] = id
                codes[i] = id
            }
        }
        return (codes, max(ids.count, 1))
    }

    /// Renumbers `values` (each below `space`) densely in first-seen order.
    private static func renumber(_ values: [Int64], space: Int64) -> ([Int32], Int) {
        var result = [Int32](repeating: 0, count: values.count)
        var next: Int32 = 0
        if space <= 1 << 22 {
            var slots = [Int32](repeating: -1, count: Int(space))
            for (i, value) in values.enumerated() {
                let slot = Int(value)
                if slots[slot] < 0 { slots[slot] = next; next += 1 }
                result[i] = slots[slot]
            }
        } else {
            var slots: [Int64: Int32] = [:]
            for (i, value) in values.enumerated() {
                if let id = slots[value] { result[i] = id } else { slots[value] = next; result[i] = next; next += 1 }
            }
        }
        return (result, Int(next))
    }
}
