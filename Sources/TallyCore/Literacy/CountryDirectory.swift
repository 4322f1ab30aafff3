/// Resolves what a user types for a country (code, name, alias, prefix) to a `Country`.
///
/// Matching is case- and diacritics-insensitive (`NameKey`). Exact look-ups are tried in a
/// fixed order, the first that fits wins: ISO alpha-2, ISO alpha-3, name, short name or alias, UNHCR code (so
/// `AUS` is Australia by ISO, not Austria by UNHCR). Then a word prefix: every word of the query
/// must begin consecutive words of a name or alias, the first at any word (`Moldova` fits
/// "Rep. of Moldova", `great brit` fits "United Kingdom of Great Britain…"); the query needs at
/// least three letters, so two letters never match a prefix.
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

    /// Exact look-ups from a key's text to country indexes, in the order they are tried.
    private let exactTiers: [[String: [Int]]]

    /// For each country, the keys of its name and its aliases.
    let nameKeys: [[NameKey]]

    /// For each case of `Representation`, the keys of every country's spellings that way.
    let spellingKeys: [Set<String>]

    /// For each case of `Representation`, the country that owns each key spelt that way, for short
    /// names (`shortNames(of:)`); a country with no spelling that way is known by all of its spellings.
    let owners: [[String: Int]]

    /// The groups: the EU, then regions and subregions in first-seen order.
    let groups: [CountryGroup]

    /// For each group, the key of its display name.
    let groupKeys: [NameKey]

    /// Builds the directory from the `countries` table (columns iso3, iso2, unhcr_code, name,
    /// aliases, region, subregion, eu_joined, eu_left).
    public init(table: Table) {
        self.init(countries: CountryTableReader(table: table).countries())
    }

    /// Builds the directory from a list of countries.
    public init(countries: [Country]) {
        self.countries = countries
        nameKeys = countries.map { country in ([country.name, country.shortName] + country.aliases).map(NameKey.init) }
        let tierFields: [(Country) -> [String]] = [
            { [$0.iso2] }, { [$0.iso3] }, { [$0.name] }, { [$0.shortName] + $0.aliases }, { [$0.unhcrCode] },
        ]
        exactTiers = tierFields.map { field in
            var tier: [String: [Int]] = [:]
            for (index, country) in countries.enumerated() {
                for value in field(country) {
                    let key = NameKey(value).text
                    if key.isEmpty || tier[key]?.contains(index) == true { continue }
                    tier[key, default: []].append(index)
                }
            }
            return tier
        }
        // Each country's spelling keys, for each representation.
        let keys = Representation.allCases.map { representation in
            countries.map { representation.spellings(of: $0).map { NameKey($0).text } }
        }
        spellingKeys = keys.map { Set($0.joined()) }
        owners = keys.map { byCountry in
            var owners: [String: Int] = [:]
            for (index, own) in byCountry.enumerated() {
                for key in own.isEmpty ? keys.flatMap({ $0[index] }) : own where owners[key] == nil { owners[key] = index }
            }
            return owners
        }
        groups = CountryDirectory.groups(of: countries)
        groupKeys = groups.map { NameKey($0.displayName) }
    }

    /// Resolves `text`: ISO-2, ISO-3, exact name, short name or alias, UNHCR code, then a unique word prefix
    /// of three letters or more; case- and diacritics-insensitive.
    public func resolve(_ text: String) -> Resolution {
        let query = NameKey(text)
        guard !query.text.isEmpty else { return .unknown(closest: []) }
        for tier in exactTiers {
            if let hits = tier[query.text] { return resolution(of: hits) }
        }
        guard query.letterCount >= 3 else { return .unknown(closest: closest(to: query)) }
        let hits = countries.indices.filter { index in nameKeys[index].contains { $0.hasWordPrefix(query) } }
        return hits.isEmpty ? .unknown(closest: closest(to: query)) : resolution(of: hits)
    }

    /// One country when `hits` holds one index, else all of them as ambiguous.
    private func resolution(of hits: [Int]) -> Resolution {
        hits.count == 1 ? .found(countries[hits[0]]) : .ambiguous(hits.map { countries[$0] })
    }
}
