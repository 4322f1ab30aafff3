/// What a country column can be asked about (`destination.region`): a field of the country's
/// row of `countries`, or its population in the row's year (from the `population` dataset).
public enum CountryAttribute: String, Sendable, CaseIterable {
    case name, iso2, region, subregion, population

    /// The type of the attribute's values.
    public var type: ValueType { self == .population ? .integer : .text }

    /// The attribute's text for `country`; nil for population and for a field the country
    /// lacks (`Tibetan` has no ISO code).
    public func text(of country: Country) -> String? {
        let text: String
        switch self {
        case .name: text = country.name
        case .iso2: text = country.iso2
        case .region: text = country.region
        case .subregion: text = country.subregion
        case .population: return nil
        }
        return text.isEmpty ? nil : text
    }
}
