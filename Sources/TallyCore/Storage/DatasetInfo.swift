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
    /// The columns of each role a domain layer reads (the literacy layer's countries, units and
    /// categories), as the manifest or `load … with …` declares them; the engine reads none.
    public var roles: [ColumnRole: [String]]
    /// The latest year of the time column, when the source marks it incomplete.
    public var incompleteYear: Int?
    /// Datetime columns whose file gave offsets (`+02:00`, `Z`), which loading converted to UTC.
    public var columnsInUTC: [String] = []

    /// Creates dataset information; every field is optional.
    public init(
        description: String = "", source: String = "", licence: String = "", timeColumn: String? = nil,
        measures: [String] = [], roles: [ColumnRole: [String]] = [:], incompleteYear: Int? = nil
    ) {
        self.description = description
        self.source = source
        self.licence = licence
        self.timeColumn = timeColumn
        self.measures = measures
        self.roles = roles.filter { !$0.value.isEmpty }
        self.incompleteYear = incompleteYear
    }

    /// The default measure: the first declared.
    public var defaultMeasure: String? { measures.first }
}

/// A role that a manifest gives some of a dataset's columns, named by the layer that reads it.
public struct ColumnRole: Hashable, Sendable {
    /// The role's name.
    public let name: String

    /// A role called `name`.
    public init(_ name: String) {
        self.name = name
    }
}
