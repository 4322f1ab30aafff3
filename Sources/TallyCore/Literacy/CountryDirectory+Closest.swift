/// The closest countries and groups to a value that resolves to none, for "did you mean".
extension CountryDirectory {
    /// Up to `limit` countries nearest to `query`, nearest first. A country's distance is its
    /// smallest over its codes, its name, its aliases and their words of four letters or more
    /// (`Kingdon` is near `kingdom`).
    func closest(to query: NameKey, limit: Int = 3) -> [Country] {
        let spellings = countries.indices.map { index in
            [countries[index].iso2, countries[index].iso3, countries[index].unhcrCode].map { NameKey($0).text }
                + nameKeys[index].flatMap { key in [key.text] + key.words.filter { $0.unicodeScalars.count >= 4 } }
        }
        return CountryDirectory.nearest(to: query, among: spellings, limit: limit).map { countries[$0] }
    }

    /// Up to `limit` group names nearest to `query`, nearest first, by their names and words.
    func closestGroupNames(to query: NameKey, limit: Int = 3) -> [String] {
        let spellings = groupKeys.map { key in [key.text] + key.words.filter { $0.unicodeScalars.count >= 4 } }
        return CountryDirectory.nearest(to: query, among: spellings, limit: limit).map { groups[$0].displayName }
    }

    /// The indexes of up to `limit` items nearest to `query` by edit distance to the closest of
    /// their spellings, nearest first, ties in item order. Only items within a third of the query's
    /// length, rounded up (at least one edit), count: a far-fetched guess is worse than none, so
    /// `Atlantis` gets no candidates.
    private static func nearest(to query: NameKey, among spellings: [[String]], limit: Int) -> [Int] {
        let target = Array(query.text.unicodeScalars)
        guard !target.isEmpty else { return [] }
        let allowed = max(1, (target.count &+ 2) / 3)
        var scored: [(distance: Int, index: Int)] = []
        for (index, itemSpellings) in spellings.enumerated() {
            let distances = itemSpellings.filter { !$0.isEmpty }
                .map { editDistance(target, Array($0.unicodeScalars), limit: allowed) }
            if let best = distances.min(), best <= allowed { scored.append((best, index)) }
        }
        scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
        return scored.prefix(limit).map(\.index)
    }

    /// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
    /// substitutions and swaps of neighbours cost 1); anything above `limit` is `limit + 1`.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count &- b.count) > limit { return limit &+ 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit &+ 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return min(previous[b.count], limit &+ 1)
    }
}
