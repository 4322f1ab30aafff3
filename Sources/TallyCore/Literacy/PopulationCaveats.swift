/// What a careful reader of populations should be told, found in the kept rows: countries
/// without a figure in a year (their rates are missing, never 0), and rates per resident
/// computed from a base under 100,000 residents, where a handful of people swing the rate.
struct PopulationCaveats {
    let source: Table
    /// The rows the filters kept (nil: all rows of the source).
    let rows: Selection?
    /// Per kept row, in order, a number shared by the kept rows of one group with the same
    /// country and year; nil: the result is one group.
    var sameGroup: GroupNumbering? = nil

    /// Populations below this make a rate per resident a caveat.
    static let smallBase: Int64 = 100_000
    /// Countries named in a caveat before "and N more".
    static let listed = 5

    /// The caveats for the population read through source column `country` in the years of
    /// source column `time`; the small-base one only when the population divides, the repeated
    /// one only when a sum adds it up (within a group, when `sameGroup` says the groups).
    func caveats(country: Int, time: Int, facts: CountryFacts, perResident: Bool, summed: Bool) -> [Diagnostic] {
        guard case .text(let codes, let dictionary) = source.columns[country].data,
              case .integer(let years) = source.columns[time].data else { return [] }
        let countries = source.columns[country], yearColumn = source.columns[time]
        let series = dictionary.values.map { facts.populations[$0] }
        var missingYear = [Int64?](repeating: nil, count: dictionary.count)
        var smallest = [(population: Int64, year: Int64)?](repeating: nil, count: dictionary.count)
        let covered = summed ? facts.yearsCovered : nil
        let span = covered.map { Int($0.upperBound - $0.lowerBound) + 1 } ?? 0
        var rowsOfYear = [UInt8](repeating: 0, count: sameGroup?.count ?? span * dictionary.count)
        var repeatedYear = [Int64?](repeating: nil, count: dictionary.count)
        let visit = { (position: Int, row: Int) in
            guard countries.isValid(row), yearColumn.isValid(row) else { return }
            let code = Int(codes[row]), year = years[row]
            guard let population = series[code]?.population(in: year) else {
                if missingYear[code] == nil { missingYear[code] = year }
                return
            }
            if let covered, covered.contains(year) {
                let slot = sameGroup.map { Int($0.ids[position]) } ?? code * span + Int(year - covered.lowerBound)
                if rowsOfYear[slot] == 1, repeatedYear[code] == nil { repeatedYear[code] = year }
                if rowsOfYear[slot] < 2 { rowsOfYear[slot] += 1 }
            }
            if population < PopulationCaveats.smallBase, population < smallest[code]?.population ?? .max {
                smallest[code] = (population, year)
            }
        }
        if let rows { for (position, row) in rows.enumerated() { visit(position, Int(row)) } } else { for row in 0..<source.rowCount { visit(row, row) } }

        var found: [Diagnostic] = []
        let missing = dictionary.values.indices.compactMap { code in missingYear[code].map { "\(dictionary.values[code]) (\($0))" } }
        if !missing.isEmpty {
            found.append(.warning(
                "missing-population", "\(facts.written) has no figure for \(listed(missing)): what depends on it is missing there, not 0",
                help: ["the population table has no row for that country in that year\(facts.yearsCovered.map { " (its figures cover \($0.lowerBound)–\($0.upperBound))" } ?? ""); `help per capita` explains this"]))
        }
        let small = dictionary.values.indices.compactMap { code in
            smallest[code].map { "\(dictionary.values[code]) (\(NumberFormat.grouped($0.population)) in \($0.year))" }
        }
        let repeated = dictionary.values.indices.compactMap { code in repeatedYear[code].map { "\(dictionary.values[code]) (\($0))" } }
        if !repeated.isEmpty {
            found.append(.warning(
                "repeated-population", "a sum of \(facts.written) adds a country's population once for each of its rows, and these are on several rows\(sameGroup == nil ? "" : " of one group") in one year: \(listed(repeated))",
                help: ["a total of residents counts each country once: group by \(countries.name) first, e.g. `(… group by \(countries.name) show …, \(facts.written) as residents) group by … show sum(residents)`; `help per capita` explains this"]))
        }
        if perResident, !small.isEmpty {
            found.append(.warning(
                "small-population", "a rate per resident from a base under \(NumberFormat.grouped(PopulationCaveats.smallBase)) residents: \(listed(small))",
                help: ["in a small country a handful of people make a large rate; read the count beside it; `help per capita` explains this"]))
        }
        return found
    }

    /// Up to `listed` items, then "and N more".
    private func listed(_ items: [String]) -> String {
        let shown = items.prefix(PopulationCaveats.listed).joined(separator: ", ")
        return items.count > PopulationCaveats.listed ? shown + " and \(items.count - PopulationCaveats.listed) more" : shown
    }
}
