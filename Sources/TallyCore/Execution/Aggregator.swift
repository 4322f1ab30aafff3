/// The aggregates that need all of a group's values at once: `distinct` and `median`.
struct Aggregator {
    /// The group of each value.
    let groupIDs: [Int32]
    /// The number of groups.
    let groupCount: Int
    let context: ExecutionContext

    /// `distinct` or `median` of `values` (one per group id) for every group.
    func aggregate(_ function: AggregateFunction, of values: Column) throws(Diagnostic) -> Column {
        try context.checkCancelled()
        return function == .median ? median(values) : distinctCounts(values)
    }

    private func median(_ values: Column) -> Column {
        var buckets = [[Double]](repeating: [], count: groupCount)
        let numbers = values.doubles
        for (row, id) in groupIDs.enumerated() where values.isValid(row) { buckets[Int(id)].append(numbers[row]) }
        var validity = ValidityMask(count: groupCount)
        let medians = buckets.enumerated().map { group, bucket -> Double in
            guard !bucket.isEmpty else { validity.set(group, valid: false); return 0 }
            let sorted = bucket.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        return Column(name: "", data: .decimal(medians), validity: validity.missingCount == 0 ? nil : validity)
    }

    /// The number of different present values per group, counted on raw values: dictionary
    /// codes, integers, decimals with -0 folded into 0, booleans.
    private func distinctCounts(_ values: Column) -> Column {
        switch values.data {
        case .text(let codes, _): return distinctCounts(codes, values.validity) { UInt64($0) }
        case .integer(let numbers): return distinctCounts(numbers, values.validity) { UInt64(bitPattern: $0) }
        case .days(let numbers): return distinctCounts(numbers, values.validity) { UInt64(bitPattern: Int64($0)) }
        case .decimal(let numbers): return distinctCounts(numbers, values.validity) { ($0 + 0.0).bitPattern }
        case .boolean(let flags): return distinctCounts(flags, values.validity) { $0 ? 1 : 0 }
        }
    }

    private func distinctCounts<Element>(_ values: [Element], _ validity: ValidityMask?, bits: (Element) -> UInt64) -> Column {
        var sets = [Set<UInt64>](repeating: [], count: groupCount)
        ValidityMask.withWords(validity) { words in
            for (row, id) in groupIDs.enumerated() where ValidityMask.isValid(words, row) { sets[Int(id)].insert(bits(values[row])) }
        }
        return Column(name: "", data: .integer(sets.map { Int64($0.count) }))
    }
}

/// Code-point order of a text dictionary.
enum TextOrder {
    /// For each code, its position among the dictionary's values in code-point order.
    static func ranks(of dictionary: TextDictionary) -> [Int] {
        let sorted = dictionary.values.indices.sorted { codePointLess(dictionary.values[$0], dictionary.values[$1]) }
        var ranks = [Int](repeating: 0, count: sorted.count)
        for (rank, code) in sorted.enumerated() { ranks[code] = rank }
        return ranks
    }
}
