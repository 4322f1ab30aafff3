/// Turning a resolved country into the value a column stores for it.
extension CountryDirectory {
    /// How a column writes its countries.
    public enum Representation: Sendable, Equatable, CaseIterable {
        /// ISO alpha-3 codes (`RUS`), as the bundled datasets do.
        case iso3
        /// ISO alpha-2 codes (`RU`).
        case iso2
        /// UNHCR codes (`GFR`).
        case unhcrCode
        /// Names, short names or aliases (`Russian Federation`, `Russia`).
        case name

        /// How `country` is written this way; empty when it has no such code.
        public func spellings(of country: Country) -> [String] {
            switch self {
            case .iso3: return [country.iso3].filter { !$0.isEmpty }
            case .iso2: return [country.iso2].filter { !$0.isEmpty }
            case .unhcrCode: return [country.unhcrCode].filter { !$0.isEmpty }
            case .name: return [country.name, country.shortName] + country.aliases
            }
        }
    }

    /// The way most values of `dictionary` (a column's distinct values) write countries,
    /// compared case- and diacritics-insensitively; ties go to the earlier case (ISO-3 before
    /// UNHCR, so `AUS` counts as Australia). Nil when no value is a country.
    public func representation(of dictionary: [String]) -> Representation? {
        representation(ofFolded: dictionary.map { NameKey($0).text })
    }

    /// `representation(of:)` of values already folded (`NameKey.text`).
    private func representation(ofFolded folded: [String]) -> Representation? {
        var counts = [Int](repeating: 0, count: spellingKeys.count)
        for key in folded {
            for (index, keys) in spellingKeys.enumerated() where keys.contains(key) { counts[index] &+= 1 }
        }
        guard let best = counts.max(), best > 0, let index = counts.firstIndex(of: best) else { return nil }
        return Representation.allCases[index]
    }

    /// The values of `dictionary` that stand for `country`, written the way the column writes
    /// countries (`representation(of:)`): exact spellings first, then case- and
    /// diacritics-insensitive ones. A country with no code of that kind (`Tibetan` has no ISO
    /// code) is looked up by its other codes and names. Empty when the column does not hold it.
    public func matchingValues(for country: Country, in dictionary: [String]) -> [String] {
        matchingValues(for: country, in: values(dictionary))
    }

    /// `matchingValues(for:in:)` over values prepared once (see `values(_:)`), for matching many countries.
    func matchingValues(for country: Country, in prepared: PreparedValues) -> [String] {
        guard let representation = prepared.representation else { return [] }
        var spellings = representation.spellings(of: country)
        if spellings.isEmpty { spellings = Representation.allCases.flatMap { $0.spellings(of: country) } }
        let exact = prepared.values.filter { spellings.contains($0) }
        if !exact.isEmpty { return exact }
        let keys = Set(spellings.map { NameKey($0).text })
        return zip(prepared.values, prepared.folded).filter { keys.contains($0.1) }.map(\.0)
    }

    /// The value of `dictionary` that stands for `country` (the first of `matchingValues`),
    /// nil when the column does not hold it.
    public func matchingValue(for country: Country, in dictionary: [String]) -> String? {
        matchingValues(for: country, in: dictionary).first
    }

    /// A column's distinct values with what matching a country needs of them, worked out once:
    /// each value folded, and how the column writes countries.
    struct PreparedValues {
        /// The values.
        let values: [String]
        /// Each value's `NameKey` text.
        let folded: [String]
        /// How the values write countries, nil when none is a country.
        let representation: Representation?
    }

    /// `dictionary` prepared for matching every country.
    func values(_ dictionary: [String]) -> PreparedValues {
        let folded = dictionary.map { NameKey($0).text }
        return PreparedValues(values: dictionary, folded: folded, representation: representation(ofFolded: folded))
    }

    /// What each of `values` stands for when country columns are matched by `lookup` and
    /// `join`: the ISO-3 code of the one country it resolves to (`RU`, `RUS` and `Russia` all
    /// give `RUS`), else the value itself.
    func resolvedCodes(of values: [String]) -> [String] {
        values.map { value in
            guard case .found(let country) = resolve(value) else { return value }
            return country.iso3.isEmpty ? country.name : country.iso3
        }
    }
}
