/// What tally knows about a dataset beyond its columns: where it comes from and what its
/// columns mean (the manifest of a bundled dataset, or `load … with …` for a user's file).
public struct DatasetInfo: Sendable, Equatable {
    /// One line saying what a row is.
    public var description: String
    /// Who published the data.
    public var source: String
    /// Under what licence.
    public var licence: String
    /// The column that `since`, `until`, `in YEAR` and `between` filter on.
    public var timeColumn: String?
    /// Additive count columns; the first is the default measure.
    public var measures: [String]
    /// Columns whose values are countries (resolved by code, name or alias).
    public var countryColumns: [String]
    /// The column saying what a measure counts (`persons`, `cases`), for caveats.
    public var unitColumn: String?
    /// Columns whose values are categories that may count the same thing more than once (`kind`:
    /// a person can apply `new`, then `repeat`, then `appeal`), so a sum across them gets a caveat.
    public var categoryColumns: [String]
    /// The latest year, when the source marks it incomplete.
    public var incompleteYear: Int?
    /// Datetime columns whose file gave offsets (`+02:00`, `Z`), which loading converted to UTC.
    public var columnsInUTC: [String] = []

    /// Creates dataset information; every field is optional.
    public init(
        description: String = "", source: String = "", licence: String = "", timeColumn: String? = nil,
        measures: [String] = [], countryColumns: [String] = [], unitColumn: String? = nil,
        categoryColumns: [String] = [], incompleteYear: Int? = nil
    ) {
        self.description = description
        self.source = source
        self.licence = licence
        self.timeColumn = timeColumn
        self.measures = measures
        self.countryColumns = countryColumns
        self.unitColumn = unitColumn
        self.categoryColumns = categoryColumns
        self.incompleteYear = incompleteYear
    }

    /// The default measure: the first declared.
    public var defaultMeasure: String? { measures.first }

    /// Whether `column` (a normalized name) is a country column.
    public func isCountryColumn(_ column: String) -> Bool { countryColumns.contains(column) }
}
