/// A country attribute resolved, once, for the values one column stores (`DEU`, `GFR`,
/// `Germany`): per stored value, the attribute's text or its country's populations by year.
/// The executor decides per dictionary code, never per row.
public struct CountryFacts: Sendable, Equatable {
    /// Which attribute.
    public let attribute: CountryAttribute
    /// The attribute as written (`destination.population`), for messages.
    public let written: String
    /// Text attributes: the text for each stored value that has one.
    public let texts: [String: String]
    /// `population`: the yearly figures for each stored value whose country has any.
    public let populations: [String: PopulationSeries]
    /// Where SQL reads the same facts, nil when no table of the catalog holds them.
    public let table: AttributeTable?

    /// Creates the facts of `attribute` for one column.
    public init(
        attribute: CountryAttribute, written: String, texts: [String: String] = [:], populations: [String: PopulationSeries] = [:],
        table: AttributeTable? = nil
    ) {
        self.attribute = attribute
        self.written = written
        self.texts = texts
        self.populations = populations
        self.table = table
    }

    /// The first and last year of any population figure, nil without figures.
    public var yearsCovered: ClosedRange<Int64>? {
        let ranges = populations.values.filter { !$0.values.isEmpty }
        guard let first = ranges.map(\.firstYear).min(),
              let last = ranges.map({ $0.firstYear + Int64($0.values.count) - 1 }).max() else { return nil }
        return first...last
    }
}

/// One country's population by year, stored densely from its first year.
public struct PopulationSeries: Sendable, Equatable {
    /// The year of `values[0]`.
    public let firstYear: Int64
    /// The population in each year from `firstYear`; negative where the table has no figure.
    public let values: [Int64]

    /// Creates a series; `figures` maps years to populations.
    public init(_ figures: [Int64: Int64]) {
        let first = figures.keys.min() ?? 0
        let last = figures.keys.max() ?? -1
        var values = [Int64](repeating: -1, count: last >= first ? Int(last - first) + 1 : 0)
        for (year, population) in figures where population >= 0 { values[Int(year - first)] = population }
        firstYear = first
        self.values = values
    }

    /// The population in `year`, nil when the table has none.
    @inline(__always)
    public func population(in year: Int64) -> Int64? {
        let (offset, overflow) = year.subtractingReportingOverflow(firstYear)
        guard !overflow, offset >= 0, offset < Int64(values.count) else { return nil }
        let value = values[Int(offset)]
        return value >= 0 ? value : nil
    }
}
