/// Reads the `population` dataset (a country column, a time column and a whole-number measure)
/// into one yearly series per country, matched to the values another country column stores.
enum PopulationFigures {
    /// Years a series may span; a wider table is refused rather than stored densely.
    static let maxYears: Int64 = 10_000

    /// For each of `values` (a country column's distinct values) whose country the population
    /// table has, that country's series; and the table as SQL joins it. Throws at `span` when
    /// there is no usable table.
    static func read(
        _ catalog: Catalog, directory: CountryDirectory, for values: [String], at span: SourceSpan
    ) throws(Diagnostic) -> (series: [String: PopulationSeries], table: AttributeTable) {
        guard let table = catalog.table(named: "population"),
              let countryIndex = table.info.countryColumns.first.flatMap(table.columnIndex(named:)),
              let yearIndex = table.info.timeColumn.flatMap(table.columnIndex(named:)),
              let measureIndex = table.info.defaultMeasure.flatMap(table.columnIndex(named:)),
              case .text(let codes, let dictionary) = table.columns[countryIndex].data,
              case .integer(let years) = table.columns[yearIndex].data,
              case .integer(let figures) = table.columns[measureIndex].data else {
            throw .error(
                "no-population", "population figures need the bundled population dataset", at: span,
                help: ["it has a country column, a whole-number time column and a whole-number measure; start tally without --no-bundled"])
        }
        var byCode = [[Int64: Int64]](repeating: [:], count: dictionary.count)
        let countries = table.columns[countryIndex], yearColumn = table.columns[yearIndex], figureColumn = table.columns[measureIndex]
        for row in 0..<table.rowCount where countries.isValid(row) && yearColumn.isValid(row) && figureColumn.isValid(row) {
            byCode[Int(codes[row])][years[row]] = figures[row]
        }
        var series: [String: PopulationSeries] = [:]
        for (code, figures) in byCode.enumerated() {
            guard let first = figures.keys.min(), let last = figures.keys.max() else { continue }
            let (width, overflow) = last.subtractingReportingOverflow(first)
            guard !overflow, width < maxYears else {
                throw .error("population-years", "the population table's years for \(dictionary.values[code]) span more than \(maxYears) years", at: span)
            }
            series[dictionary.values[code]] = PopulationSeries(figures)
        }
        var result: [String: PopulationSeries] = [:], keys: [String: String] = [:]
        let stored = directory.values(dictionary.values), wanted = directory.values(values)
        for country in directory.countries {
            guard let key = directory.matchingValues(for: country, in: stored).first, let figures = series[key] else { continue }
            for value in directory.matchingValues(for: country, in: wanted) {
                result[value] = figures
                keys[value] = key
            }
        }
        let sql = AttributeTable(
            name: table.name, keyColumn: countries.name, yearColumn: yearColumn.name, valueColumn: figureColumn.name, values: values, keys: keys)
        return (result, sql)
    }
}
