// STUB — replaced by the country work. Signatures are the contract.

/// One country of the `countries` dataset.
public struct Country: Sendable, Equatable {
    /// ISO 3166 alpha-3 (`RUS`), empty when it has none.
    public var iso3: String
    /// ISO 3166 alpha-2 (`RU`), empty when it has none.
    public var iso2: String
    /// UNHCR's code (`RUS`; `GFR` for Germany).
    public var unhcrCode: String
    /// The name (`Russian Federation`).
    public var name: String
    /// Common English names (`Russia`).
    public var aliases: [String]
    /// UNHCR region.
    public var region: String
    /// Sub-region.
    public var subregion: String
    /// Year it joined the EU, if it did.
    public var euJoined: Int?
    /// Year it left the EU, if it did.
    public var euLeft: Int?
}

/// Resolves what a user types for a country (code, name, alias, prefix) to a `Country`.
public struct CountryDirectory: Sendable {
    /// The outcome of resolving a typed value.
    public enum Resolution: Sendable, Equatable {
        /// Exactly one country.
        case found(Country)
        /// A prefix that fits several countries; the candidates.
        case ambiguous([Country])
        /// Nothing fits; the closest candidates.
        case unknown(closest: [Country])
    }

    /// All countries.
    public let countries: [Country]

    /// Builds the directory from the `countries` table (columns iso3, iso2, unhcr_code, name,
    /// aliases, region, subregion, eu_joined, eu_left).
    public init(table: Table) {
        countries = []
    }

    /// Resolves `text`: ISO-2, ISO-3, exact name, alias, UNHCR code, then a unique word prefix
    /// of three letters or more; case- and diacritics-insensitive.
    public func resolve(_ text: String) -> Resolution { .unknown(closest: []) }
}

extension CountryDirectory {
    /// The representation of `country` that a column with these distinct values uses.
    public func matchingValue(for country: Country, in dictionary: [String]) -> String? {
        let present = Set(dictionary)
        return [country.iso3, country.iso2, country.unhcrCode, country.name].first { !$0.isEmpty && present.contains($0) }
    }
}
