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
    /// Per kept row, in order, the number of its group, when a sum of populations per group
    /// divides; nil: the result is one group.
    var baseGroup: GroupNumbering? = nil

    /// Populations below this make a rate per resident a caveat.
    static let smallBase: Int64 = 100_000
    /// Countries named in a caveat before "and N more".
    static let listed = 5

    /// The caveats for the population read through source column `country` in the years of
    /// source column `time`; the small-base one only when the population divides (each
    /// country's figure, or a group's sum of them that is under the threshold), the repeated
    /// one only when a sum adds it up (within a group, when `sameGroup` says the groups).
    func caveats(country: Int, time: Int, facts: CountryFacts, division: PopulationDivision, summed: Bool) -> [Diagnostic] {
        guard case .text(let codes, let dictionary) = source.columns[country].data,
              case .integer(let years) = source.columns[time].data else { return [] }
        let countries = source.columns[country], yearColumn = source.columns[time]
        let series = dictionary.values.map { facts.populations[$0] }
        func population(of row: Int) -> Int64? {
            guard countries.isValid(row), yearColumn.isValid(row) else { return nil }
            return series[Int(codes[row])]?.population(in: years[row])
        }
        let smallSum = division == .summed ? smallSums(population(of:)) : []
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
            let smallBase = switch division {
            case .none: false
            case .perCountry: true
            case .summed: smallSum[baseGroup.map { Int($0.ids[position]) } ?? 0]
            }
            if smallBase, population < PopulationCaveats.smallBase, population < smallest[code]?.population ?? .max {
                smallest[code] = (population, year)
            }
        }
        forEachKept(visit)

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
        if division != .none, !small.isEmpty {
            found.append(.warning(
                "small-population", "a rate per resident from a base under \(NumberFormat.grouped(PopulationCaveats.smallBase)) residents: \(listed(small))",
                help: ["in a small country a handful of people make a large rate; read the count beside it; `help per capita` explains this"]))
        }
        return found
    }

    /// Per group of `baseGroup`, whether the figures its kept rows have add up to less than
    /// the threshold (a group without any has no base, so nothing to warn of).
    private func smallSums(_ population: (Int) -> Int64?) -> [Bool] {
        var sums = [Double](repeating: 0, count: baseGroup?.count ?? 1)
        var present = [Bool](repeating: false, count: sums.count)
        forEachKept { position, row in
            guard let figure = population(row) else { return }
            let group = baseGroup.map { Int($0.ids[position]) } ?? 0
            sums[group] += Double(figure)
            present[group] = true
        }
        return sums.indices.map { present[$0] && sums[$0] < Double(PopulationCaveats.smallBase) }
    }

    /// Calls `body` with the position among the kept rows and the source row of each kept row.
    private func forEachKept(_ body: (Int, Int) -> Void) {
        if let rows { for (position, row) in rows.enumerated() { body(position, Int(row)) } } else { for row in 0..<source.rowCount { body(row, row) } }
    }

    /// Up to `listed` items, then "and N more".
    private func listed(_ items: [String]) -> String {
        let shown = items.prefix(PopulationCaveats.listed).joined(separator: ", ")
        return items.count > PopulationCaveats.listed ? shown + " and \(items.count - PopulationCaveats.listed) more" : shown
    }
}
