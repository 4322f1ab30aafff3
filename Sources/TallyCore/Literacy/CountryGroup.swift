/// A named set of countries that a country column can be filtered on: the EU (membership by
/// year) or a region or subregion of the `countries` dataset.
public struct CountryGroup: Sendable, Equatable {
    /// What decides membership.
    public enum Kind: Sendable, Equatable {
        /// EU membership in a row's year (`eu_joined <= year < eu_left`), or today without a year.
        case europeanUnion
        /// Countries whose `region` is the group's name.
        case region
        /// Countries whose `subregion` is the group's name.
        case subregion
    }

    /// What decides membership.
    public let kind: Kind
    /// The name to show (`EU`, `Western Europe`).
    public let displayName: String
    /// Every country that is a member in some year.
    private let candidates: [Country]

    /// Creates the group of `kind` called `displayName`, taking its members from `countries`.
    public init(kind: Kind, displayName: String, countries: [Country]) {
        self.kind = kind
        self.displayName = displayName
        candidates = countries.filter { CountryGroup.admits($0, kind: kind, name: displayName) }
    }

    /// Whether `country` belongs to the group in `year`; with no year, today (only the EU
    /// depends on the year).
    public func contains(_ country: Country, year: Int?) -> Bool {
        kind == .europeanUnion
            ? country.isEUMember(in: year) : CountryGroup.admits(country, kind: kind, name: displayName)
    }

    /// The members in `year` (today when nil), in directory order.
    public func members(in year: Int?) -> [Country] {
        candidates.filter { contains($0, year: year) }
    }

    /// Whether `country` is a member, in some year, of the group of `kind` called `name`.
    private static func admits(_ country: Country, kind: Kind, name: String) -> Bool {
        switch kind {
        case .europeanUnion: return country.euJoined != nil
        case .region: return country.region == name
        case .subregion: return country.subregion == name
        }
    }
}
