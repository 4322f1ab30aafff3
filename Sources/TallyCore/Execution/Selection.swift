/// Row positions kept by a filter, ascending: a selection vector over a table.
public typealias Selection = [Int32]

extension Selection {
    /// Rows in `self` or `other` (both ascending), ascending.
    func union(_ other: Selection) -> Selection {
        var result = Selection()
        result.reserveCapacity(count + other.count)
        var i = 0, j = 0
        while i < count && j < other.count {
            if self[i] < other[j] { result.append(self[i]); i += 1 }
            else if self[i] > other[j] { result.append(other[j]); j += 1 }
            else { result.append(self[i]); i += 1; j += 1 }
        }
        result.append(contentsOf: self[i...])
        result.append(contentsOf: other[j...])
        return result
    }
}
