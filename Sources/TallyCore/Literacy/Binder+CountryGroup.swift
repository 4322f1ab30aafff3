extension Binder {
    /// Binds `x in EU` or `x in "Western Europe"` on a country column: the EU by membership in
    /// the row's year (today's members without a time column), a region or subregion always.
    mutating func bindCountryGroup(_ operand: Expr, _ groupName: Name) throws(Diagnostic) -> BoundExpr {
        let left = try bindRow(operand)
        guard let column = sourceColumn(of: left), isCountryColumn(column),
              case .text(_, let dictionary) = source.columns[column].data else {
            throw .error(
                "group-needs-country-column", "'in \(groupName.text)' works on country columns", at: operand.span,
                label: "not a country column",
                help: ["country columns of \(source.name): " + (source.info.countryColumns.isEmpty ? "none" : source.info.countryColumns.joined(separator: ", "))])
        }
        guard let directory = catalog.countries else {
            throw .error("no-country-directory", "country groups need the bundled countries dataset", at: groupName.span)
        }
        let group: CountryGroup
        switch directory.resolveGroup(groupName.text) {
        case .found(let found): group = found
        case .ambiguous(let names):
            throw .error("ambiguous-group", "'\(groupName.text)' could be several groups", at: groupName.span,
                         label: "which one?", help: ["groups: " + names.joined(separator: ", ")])
        case .unknown(let closest):
            throw .error("unknown-group", "unknown country group '\(groupName.text)'", at: groupName.span,
                         label: closest.first.map { "did you mean \"\($0)\"?" },
                         help: ["groups: EU, a region or subregion of the countries dataset (describe countries)"])
        }
        var members: [String: CountryGroupTest.YearRange] = [:]
        let values = directory.values(dictionary.values)
        for country in directory.countries {
            let range: CountryGroupTest.YearRange
            if group.kind == .europeanUnion {
                guard let joined = country.euJoined else { continue }
                range = .init(from: Int64(joined), until: country.euLeft.map(Int64.init))
            } else {
                guard group.contains(country, year: nil) else { continue }
                range = .init(from: nil, until: nil)
            }
            for value in directory.matchingValues(for: country, in: values) { members[value] = range }
        }
        let year = group.kind == .europeanUnion ? timeYear : nil
        return .inCountryGroup(left, CountryGroupTest(name: group.displayName, members: members), year: year)
    }

    /// The year of each row from the time column: the column itself when it holds years, the
    /// year of its date or datetime otherwise; nil without a time column.
    var timeYear: BoundExpr? {
        guard let time = timeColumn else { return nil }
        let column = BoundExpr.column(time.index, source.columns[time.index].type)
        return column.type.isDateLike ? .function(.year, [column], .integer) : column
    }
}
