extension Binder {
    /// Binds `contains` / `starts with` / `ends with` on a country column, which tests what a
    /// reader sees as well as what is stored: each stored value matches when it, or the name or
    /// short name of the country it stands for, passes (`destination starts with Ge` keeps GEO
    /// and DEU). Decided once per stored value, so the test becomes a list of values; nil when
    /// `left` is not a country column.
    func countryTextMatch(_ kind: TextMatch, _ left: BoundExpr, pattern: String) -> BoundExpr? {
        guard let index = sourceColumn(of: left), isCountryColumn(index), let directory = catalog.countries,
              case .text(_, let dictionary) = source.columns[index].data else { return nil }
        let kept = dictionary.values.filter { value in
            if kind.matches(value, pattern: pattern) { return true }
            guard case .found(let country) = directory.resolve(value) else { return false }
            return kind.matches(country.name, pattern: pattern) || kind.matches(country.shortName, pattern: pattern)
        }
        return .inSet(left, kept.map(Value.text), negated: false)
    }
}
