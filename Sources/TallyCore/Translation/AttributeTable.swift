/// Where the SQL translation reads a value of another table: a table of the catalog joined on a
/// key of each row and, for figures by year, its year (the literacy layer's `countries` on a
/// country's code, `population` on its country and year), with the key each stored value of
/// the row's column has in that table.
public struct AttributeTable: Sendable, Equatable {
    /// The table's name (`countries`, `population`).
    public let name: String
    /// The column matched with the row's key, compared as stored (an index can serve it).
    public let keyColumn: String
    /// The column matched with the row's year, for figures by year.
    public let yearColumn: String?
    /// The column read.
    public let valueColumn: String
    /// Stored values whose key in the table is not their own text (`Germany` is `DEU`), with that key.
    public let recoded: [String: String]
    /// Stored values of no key in the table, which match no row of it.
    public let unmatched: [String]

    /// The table `name` read at `valueColumn`, for a column storing `values`; `keys` gives the
    /// key of each value that has a row in the table.
    init(name: String, keyColumn: String, yearColumn: String? = nil, valueColumn: String, values: [String], keys: [String: String]) {
        self.name = name
        self.keyColumn = keyColumn
        self.yearColumn = yearColumn
        self.valueColumn = valueColumn
        recoded = keys.filter { $0.key != $0.value }
        unmatched = values.filter { keys[$0] == nil }
    }

    /// Whether `other` joins the same row to every value (it may read another column of it).
    func joinsLike(_ other: AttributeTable) -> Bool {
        name == other.name && keyColumn == other.keyColumn && yearColumn == other.yearColumn
            && recoded == other.recoded && unmatched == other.unmatched
    }
}
