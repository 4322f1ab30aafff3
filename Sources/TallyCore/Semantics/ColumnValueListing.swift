/// How a message names what a text column holds: every value when there are few, else how many.
enum ColumnValueListing {
    /// Values listed in full; above this, only their number is given.
    static let listedValues = 12

    /// `kind holds: appeal, new, other, repeat` (sorted), or `origin holds 211 different values`.
    static func holds(_ values: [String], column name: String) -> String {
        guard values.count > listedValues else { return "\(name) holds: " + values.sorted().joined(separator: ", ") }
        return "\(name) holds \(NumberFormat.grouped(Int64(values.count))) different values"
    }
}
