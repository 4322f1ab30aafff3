/// Which country codes belong to a group, possibly by year (EU membership changes over time).
public struct CountryGroupTest: Sendable, Equatable {
    /// The group's display name.
    public var name: String
    /// For each member, as the column stores it: the first year it belongs (nil: always) and the
    /// first year it no longer does (nil: still).
    public var members: [String: YearRange]

    /// A span of years, open at either end.
    public struct YearRange: Sendable, Equatable {
        /// First year included.
        public var from: Int64?
        /// First year excluded.
        public var until: Int64?

        /// Creates a range.
        public init(from: Int64?, until: Int64?) {
            self.from = from
            self.until = until
        }

        /// Whether `year` falls in the range; without a year, whether the range is open today.
        public func contains(_ year: Int64?) -> Bool {
            guard let year else { return from != nil ? until == nil : until == nil }
            if let from, year < from { return false }
            if let until, year >= until { return false }
            return true
        }
    }

    /// Creates a test.
    public init(name: String, members: [String: YearRange]) {
        self.name = name
        self.members = members
    }
}
