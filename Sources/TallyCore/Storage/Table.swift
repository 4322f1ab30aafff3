/// An immutable, named set of equal-length columns: a dataset or a query result.
public final class Table: Sendable {
    /// The dataset name (`applicants`), or a description for results.
    public let name: String
    /// The columns, in order.
    public let columns: [Column]
    /// Number of rows.
    public let rowCount: Int
    /// Roles and provenance.
    public let info: DatasetInfo

    /// Creates a table. All columns must have `rowCount` rows.
    public init(name: String, columns: [Column], rowCount: Int, info: DatasetInfo = DatasetInfo()) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        self.info = info
    }

    /// A copy under another name and, optionally, other information.
    public func renamed(_ newName: String, info newInfo: DatasetInfo? = nil) -> Table {
        Table(name: newName, columns: columns, rowCount: rowCount, info: newInfo ?? info)
    }

    /// The index of the column called `name`: exact normalized name first, then
    /// case-insensitively, then by the original header.
    public func columnIndex(named name: String) -> Int? {
        if let i = columns.firstIndex(where: { $0.name == name }) { return i }
        let lowered = name.lowercased()
        if let i = columns.firstIndex(where: { $0.name.lowercased() == lowered }) { return i }
        return columns.firstIndex(where: { $0.originalName.lowercased() == lowered })
    }

    /// The column called `name`, if any (see `columnIndex(named:)`).
    public func column(named name: String) -> Column? {
        columnIndex(named: name).map { columns[$0] }
    }
}
