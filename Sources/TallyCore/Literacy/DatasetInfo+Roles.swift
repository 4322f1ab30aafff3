extension ColumnRole {
    /// Columns whose values are countries, resolved by code, name or alias.
    public static let country = ColumnRole("country")
    /// The column saying what a measure counts (`persons`, `cases`), for caveats.
    public static let unit = ColumnRole("unit")
    /// Columns whose values are categories that may count the same thing more than once (`kind`:
    /// a person can apply `new`, then `repeat`, then `appeal`), so a sum across them gets a caveat.
    public static let category = ColumnRole("category")
}

extension DatasetInfo {
    /// The country columns.
    public var countryColumns: [String] {
        get { roles[.country] ?? [] }
        set { roles[.country] = newValue.isEmpty ? nil : newValue }
    }

    /// The unit column.
    public var unitColumn: String? {
        get { roles[.unit]?.first }
        set { roles[.unit] = newValue.map { [$0] } }
    }

    /// The category columns.
    public var categoryColumns: [String] {
        get { roles[.category] ?? [] }
        set { roles[.category] = newValue.isEmpty ? nil : newValue }
    }

    /// Whether `column` (a normalized name) is a country column.
    public func isCountryColumn(_ column: String) -> Bool { countryColumns.contains(column) }
}
