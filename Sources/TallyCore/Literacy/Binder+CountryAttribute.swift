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
            let position = state.add(AggregateSpec(function: .only, argument: row))
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
            var texts: [String: String] = [:]
            for country in directory.countries {
                guard let text = attribute.text(of: country) else { continue }
                for value in directory.matchingValues(for: country, in: dictionary.values) { texts[value] = text }
            }
            return .countryAttribute(column, CountryFacts(attribute: attribute, written: written, texts: texts), year: nil)
        }
        guard let time = timeColumn, source.columns[time.index].type == .integer else {
            throw .error(
                "population-needs-year", "\(written) is the population in each row's year, and \(source.name) has no whole-number time column",
                at: member.span, label: "in which year?")
        }
        let populations = try PopulationFigures.read(catalog, directory: directory, for: dictionary.values, at: member.span)
        let facts = CountryFacts(attribute: attribute, written: written, populations: populations)
        return .countryAttribute(column, facts, year: .column(time.index, .integer))
    }
}
