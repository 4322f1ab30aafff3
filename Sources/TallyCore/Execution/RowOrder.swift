/// Sorting rows by several key columns: stable, missing values last in both directions,
/// text by code point.
enum RowOrder {
    /// The permutation of `0..<count` that sorts by `keys` (each with its direction).
    static func permutation(count: Int, keys: [(column: Column, descending: Bool)]) -> [Int] {
        let comparators = keys.map { comparator(for: $0.column, descending: $0.descending) }
        return (0..<count).sorted { a, b in
            for compare in comparators {
                let result = compare(a, b)
                if result != 0 { return result < 0 }
            }
            return a < b
        }
    }

    /// A three-way comparison of two rows of `column`: negative when the first sorts first.
    static func comparator(for column: Column, descending: Bool) -> (Int, Int) -> Int {
        let direction = descending ? -1 : 1
        let valueOrder: (Int, Int) -> Int
        switch column.data {
        case .integer(let v): valueOrder = { v[$0] < v[$1] ? -1 : (v[$0] > v[$1] ? 1 : 0) }
        case .days(let v): valueOrder = { v[$0] < v[$1] ? -1 : (v[$0] > v[$1] ? 1 : 0) }
        case .decimal(let v): valueOrder = { v[$0] < v[$1] ? -1 : (v[$0] > v[$1] ? 1 : 0) }
        case .boolean(let v): valueOrder = { v[$0] == v[$1] ? 0 : (v[$1] ? -1 : 1) }
        case .text(let codes, let dictionary):
            let ranks = TextOrder.ranks(of: dictionary)
            valueOrder = { ranks[Int(codes[$0])] - ranks[Int(codes[$1])] }
        }
        return { a, b in
            let validA = column.isValid(a), validB = column.isValid(b)
            if !validA || !validB { return validA == validB ? 0 : (validA ? -1 : 1) }
            return valueOrder(a, b) * direction
        }
    }
}
