extension Binder {
    /// Binds `COLUMN.ATTRIBUTE`: a country attribute read through a country column. Over a
    /// grouped table it is a group key when the query groups by it, else the one value each
    /// group has (checked when the query runs).
    mutating func bindQualified(_ base: Name, _ member: Name, _ expr: Expr) throws(Diagnostic) -> BoundExpr {
        if let columns = combined.qualifiers[base.text.lowercased()] {
            guard let index = columns[member.text.lowercased()] else {
                let names = columns.sorted { $0.value < $1.value }.map(\.key)
                let suggestion = Suggestion.closest(to: member.text.lowercased(), among: names)
                throw .error(
                    "unknown-column", "unknown column '\(member.text)' in \(base.text)", at: member.span,
                    label: suggestion.map { "did you mean '\(base.text).\($0)'?" },
                    help: suggestion == nil ? ["columns of \(base.text): " + names.joined(separator: ", ")] : [])
            }
            return try grouped(.column(index, source.columns[index].type), written: member)
        }
        if var state = grouping {
            let saved = outputsByName
            grouping = nil
            outputsByName = [:]
            defer { (grouping, outputsByName) = (state, saved) }
            let row = try bindQualified(base, member, expr)
            if let key = state.keys.firstIndex(of: row) { return .column(key, row.type) }
            let position = state.add(AggregateSpec(function: .only, argument: row, written: expr.span))
            return .column(position, row.type)
        }
        let column = try bindColumn(base)
        guard let index = column.columnIndex, isCountryColumn(index), case .text(_, let dictionary) = source.columns[index].data else {
            throw .error(
                "attribute-needs-country-column", "'\(base.text).\(member.text)' reads a country's attributes, and \(base.text) is not a country column",
                at: base.span, label: "not a country column",
                help: ["country columns of \(source.name): " + (source.info.countryColumns.isEmpty ? "none" : source.info.countryColumns.joined(separator: ", "))])
        }
        guard let attribute = CountryAttribute(rawValue: member.text.lowercased()) else {
            let names = CountryAttribute.allCases.map(\.rawValue)
            let suggestion = Suggestion.closest(to: member.text.lowercased(), among: names)
            throw .error(
                "unknown-attribute", "a country has no attribute '\(member.text)'", at: member.span,
                label: suggestion.map { "did you mean '\(base.text).\($0)'?" },
                help: ["country attributes: " + names.joined(separator: ", ")])
        }
        guard let directory = catalog.countries else {
            throw .error("no-country-directory", "country attributes need the bundled countries dataset", at: member.span)
        }
        let written = sourceText(expr)
        guard attribute == .population else {
            var texts: [String: String] = [:], owners: [String: Country] = [:]
            let values = directory.values(dictionary.values)
            for country in directory.countries {
                guard let text = attribute.text(of: country) else { continue }
                for value in directory.matchingValues(for: country, in: values) {
                    texts[value] = text
                    owners[value] = country
                }
            }
            let table = catalog.table(named: "countries").map { _ in
                Binder.countriesTable(reading: attribute, values: dictionary.values, owners: owners)
            }
            return .countryAttribute(column, CountryFacts(attribute: attribute, written: written, texts: texts, table: table), year: nil)
        }
        guard let time = timeColumn, source.columns[time.index].type == .integer else {
            throw .error(
                "population-needs-year", "\(written) is the population in each row's year, and \(source.name) has no whole-number time column",
                at: member.span, label: "in which year?")
        }
        let figures = try PopulationFigures.read(catalog, directory: directory, for: dictionary.values, at: member.span)
        let facts = CountryFacts(attribute: attribute, written: written, populations: figures.series, table: figures.table)
        return .countryAttribute(column, facts, year: .column(time.index, .integer))
    }

    /// `countries` as SQL joins it for an attribute of a column storing `values`, each of its
    /// country in `owners`: on ISO-3 codes when each of those countries has one, else on UNHCR's.
    static func countriesTable(reading attribute: CountryAttribute, values: [String], owners: [String: Country]) -> AttributeTable {
        let byISO = owners.values.allSatisfy { !$0.iso3.isEmpty }
        let keys = owners.compactMapValues { country in
            let key = byISO ? country.iso3 : country.unhcrCode
            return key.isEmpty ? nil : key
        }
        return AttributeTable(name: "countries", keyColumn: byISO ? "iso3" : "unhcr_code", valueColumn: attribute.rawValue, values: values, keys: keys)
    }
}
