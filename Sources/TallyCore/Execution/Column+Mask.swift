extension Column {
    /// The column with every row missing where `flags` (a boolean column of the same length)
    /// is false or missing: how a conditional aggregate sees only the rows it counts.
    func keepingValues(where flags: Column) -> Column {
        guard case .boolean(let keep) = flags.data else { return self }
        var mask = validity ?? ValidityMask(count: count)
        for i in 0..<Swift.min(count, keep.count) where !(keep[i] && flags.isValid(i)) { mask.set(i, valid: false) }
        var result = self
        result.validity = mask
        return result
    }
}
