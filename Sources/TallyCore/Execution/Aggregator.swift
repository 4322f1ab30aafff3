/// Computes one aggregate per group over a column of argument values.
struct Aggregator {
    let groupIDs: [Int32]
    let groupCount: Int
    let context: ExecutionContext

    /// The aggregate `function` of `values` (nil for `count`, which counts rows) per group.
    func aggregate(_ function: AggregateFunction, of values: Column?, resultType: ValueType) throws(Diagnostic) -> Column {
        guard let values else {
            var counts = [Int64](repeating: 0, count: groupCount)
            for id in groupIDs { counts[Int(id)] &+= 1 }
            return Column(name: "", data: .integer(counts))
        }
        switch function {
        case .count, .countValues:
            var counts = [Int64](repeating: 0, count: groupCount)
            for (row, id) in groupIDs.enumerated() where values.isValid(row) { counts[Int(id)] &+= 1 }
            return Column(name: "", data: .integer(counts))
        case .distinct:
            return distinctCounts(values)
        case .sum:
            return try sum(values)
        case .avg:
            var sums = [Double](repeating: 0, count: groupCount), counts = [Int](repeating: 0, count: groupCount)
            let numbers = values.doubles
            for (row, id) in groupIDs.enumerated() where values.isValid(row) {
                sums[Int(id)] += numbers[row]
                counts[Int(id)] += 1
            }
            return decimalColumn(sums.indices.map { counts[$0] == 0 ? nil : sums[$0] / Double(counts[$0]) })
        case .median:
            var buckets = [[Double]](repeating: [], count: groupCount)
            let numbers = values.doubles
            for (row, id) in groupIDs.enumerated() where values.isValid(row) { buckets[Int(id)].append(numbers[row]) }
            return decimalColumn(buckets.map { bucket in
                guard !bucket.isEmpty else { return nil }
                let sorted = bucket.sorted()
                let middle = sorted.count / 2
                return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            })
        case .min, .max:
            return extreme(values, largest: function == .max)
        }
    }

    private func sum(_ values: Column) throws(Diagnostic) -> Column {
        var seen = [Bool](repeating: false, count: groupCount)
        var validity = ValidityMask(count: groupCount)
        if case .integer(let numbers) = values.data {
            var sums = [Int64](repeating: 0, count: groupCount)
            for (row, id) in groupIDs.enumerated() where values.isValid(row) {
                let (total, overflow) = sums[Int(id)].addingReportingOverflow(numbers[row])
                if overflow {
                    throw .error("integer-overflow", "a sum is too large for a whole number (beyond ±9,223,372,036,854,775,807)",
                                 help: ["sum a decimal instead, e.g. sum(COLUMN * 1.0)"])
                }
                sums[Int(id)] = total
                seen[Int(id)] = true
            }
            for group in 0..<groupCount where !seen[group] { validity.set(group, valid: false) }
            return Column(name: "", data: .integer(sums), validity: validity.missingCount == 0 ? nil : validity)
        }
        var sums = [Double](repeating: 0, count: groupCount)
        let numbers = values.doubles
        for (row, id) in groupIDs.enumerated() where values.isValid(row) {
            sums[Int(id)] += numbers[row]
            seen[Int(id)] = true
        }
        return decimalColumn(sums.indices.map { seen[$0] ? sums[$0] : nil })
    }

    private func extreme(_ values: Column, largest: Bool) -> Column {
        var best = [Int](repeating: -1, count: groupCount)
        let better: (Int, Int) -> Bool
        switch values.data {
        case .integer(let v): better = { largest ? v[$0] > v[$1] : v[$0] < v[$1] }
        case .decimal(let v): better = { largest ? v[$0] > v[$1] : v[$0] < v[$1] }
        case .boolean(let v): better = { largest ? (v[$0] && !v[$1]) : (!v[$0] && v[$1]) }
        case .text(let codes, let dictionary):
            let ranks = TextOrder.ranks(of: dictionary)
            better = { largest ? ranks[Int(codes[$0])] > ranks[Int(codes[$1])] : ranks[Int(codes[$0])] < ranks[Int(codes[$1])] }
        }
        for (row, id) in groupIDs.enumerated() where values.isValid(row) {
            let current = best[Int(id)]
            if current < 0 || better(row, current) { best[Int(id)] = row }
        }
        var validity = ValidityMask(count: groupCount)
        for group in 0..<groupCount where best[group] < 0 { validity.set(group, valid: false) }
        let picked = best.map { Int32(truncatingIfNeeded: max($0, 0)) }
        if values.count == 0 { return Column.constant(.missing, type: values.type, count: groupCount) }
        var column = Column(name: "", data: values.data.gathered(picked))
        column.validity = validity.missingCount == 0 ? nil : validity
        return column
    }

    private func distinctCounts(_ values: Column) -> Column {
        var sets = [Set<Value>](repeating: [], count: groupCount)
        if case .text(let codes, _) = values.data {
            var codeSets = [Set<UInt32>](repeating: [], count: groupCount)
            for (row, id) in groupIDs.enumerated() where values.isValid(row) { codeSets[Int(id)].insert(codes[row]) }
            return Column(name: "", data: .integer(codeSets.map { Int64($0.count) }))
        }
        for (row, id) in groupIDs.enumerated() where values.isValid(row) { sets[Int(id)].insert(values.value(at: row)) }
        return Column(name: "", data: .integer(sets.map { Int64($0.count) }))
    }

    private func decimalColumn(_ values: [Double?]) -> Column {
        var validity = ValidityMask(count: values.count)
        for (i, value) in values.enumerated() where value == nil { validity.set(i, valid: false) }
        return Column(name: "", data: .decimal(values.map { $0 ?? 0 }), validity: validity.missingCount == 0 ? nil : validity)
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
