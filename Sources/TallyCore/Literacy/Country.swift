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
    /// The name people read in a table or on a chart (`Russia`); the name when the source gives none.
    public var shortName: String
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

    /// Creates a country; codes, aliases and regions default to none.
    public init(
        iso3: String = "", iso2: String = "", unhcrCode: String = "", name: String, shortName: String? = nil,
        aliases: [String] = [], region: String = "", subregion: String = "", euJoined: Int? = nil, euLeft: Int? = nil
    ) {
        self.iso3 = iso3
        self.iso2 = iso2
        self.unhcrCode = unhcrCode
        self.name = name
        self.shortName = shortName ?? name
        self.aliases = aliases
        self.region = region
        self.subregion = subregion
        self.euJoined = euJoined
        self.euLeft = euLeft
    }

    /// The shortest code that identifies it: ISO alpha-3, else the UNHCR code (`Tibetan` has only `TIB`).
    public var code: String { iso3.isEmpty ? unhcrCode : iso3 }

    /// Whether it was an EU member in `year` (`euJoined <= year < euLeft`); with no year, whether
    /// it is a member today (joined and not left).
    public func isEUMember(in year: Int?) -> Bool {
        guard let joined = euJoined else { return false }
        guard let year else { return euLeft == nil }
        if let left = euLeft, year >= left { return false }
        return joined <= year
    }
}
