/// Country groups by name: `EU`, and the regions and subregions of the `countries` dataset.
extension CountryDirectory {
    /// The outcome of resolving a typed group name.
    public enum GroupResolution: Sendable, Equatable {
        /// Exactly one group.
        case found(CountryGroup)
        /// A prefix that fits several groups; their names.
        case ambiguous([String])
        /// Nothing fits; the closest group names.
        case unknown(closest: [String])
    }

    /// Every group name: `EU`, then regions and subregions in the order first seen.
    public var groupNames: [String] { groups.map(\.displayName) }

    /// The group called `name`, or nil when none or several fit (see `resolveGroup(_:)`).
    public func group(named name: String) -> CountryGroup? {
        if case .found(let group) = resolveGroup(name) { return group }
        return nil
    }

    /// Resolves a group name, case- and diacritics-insensitively: `EU` or `European Union`, then
    /// a region or subregion named exactly (regions first), then a unique word prefix of three
    /// letters or more, matched like country names (`Americas` fits "The Americas").
    public func resolveGroup(_ text: String) -> GroupResolution {
        let query = NameKey(text)
        if query.text == "eu" || query.text == "european union", let eu = groups.first {
            return .found(eu)
        }
        if let index = groupKeys.firstIndex(where: { $0.text == query.text }) {
            return .found(groups[index])
        }
        let hits = query.letterCount >= 3 ? groups.indices.filter { groupKeys[$0].hasWordPrefix(query) } : []
        switch hits.count {
        case 0: return .unknown(closest: closestGroupNames(to: query))
        case 1: return .found(groups[hits[0]])
        default: return .ambiguous(hits.map { groups[$0].displayName })
        }
    }

    /// The groups of `countries`: the EU, then each region and each subregion in the order first seen.
    static func groups(of countries: [Country]) -> [CountryGroup] {
        var groups = [CountryGroup(kind: .europeanUnion, displayName: "EU", countries: countries)]
        for (kind, field) in [(CountryGroup.Kind.region, \Country.region), (.subregion, \Country.subregion)] {
            var seen: Set<String> = []
            for name in countries.map({ $0[keyPath: field] }) where !name.isEmpty && seen.insert(name).inserted {
                groups.append(CountryGroup(kind: kind, displayName: name, countries: countries))
            }
        }
        return groups
    }
}
