/// The datasets of a session, by name, plus the country directory used to resolve
/// country values. Names match case-insensitively.
public struct Catalog: Sendable {
    /// Where a dataset came from, which decides whether `let` and `load` may replace it.
    public enum Origin: Sendable, Equatable {
        case bundled, loaded, derived
    }

    /// A catalog entry.
    public struct Entry: Sendable {
        /// The table.
        public var table: Table
        /// Its origin.
        public var origin: Origin
    }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []

    /// Country codes, names, aliases and groups; nil without the bundled `countries` table.
    public var countries: CountryDirectory?

    /// Creates an empty catalog.
    public init() {}

    /// The dataset called `name`, any case.
    public func table(named name: String) -> Table? { entries[name.lowercased()]?.table }

    /// The entry called `name`, any case.
    public func entry(named name: String) -> Entry? { entries[name.lowercased()] }

    /// Adds or replaces a dataset; returns the entry it replaced.
    @discardableResult
    public mutating func add(_ table: Table, origin: Origin) -> Entry? {
        let key = table.name.lowercased()
        let previous = entries[key]
        if previous == nil { order.append(key) }
        entries[key] = Entry(table: table, origin: origin)
        return previous
    }

    /// Removes the dataset called `name`, any case; returns its entry, nil when there is none.
    public mutating func remove(named name: String) -> Entry? {
        let key = name.lowercased()
        guard let entry = entries.removeValue(forKey: key) else { return nil }
        order.removeAll { $0 == key }
        return entry
    }

    /// All datasets in the order they were added.
    public var tables: [Table] { order.compactMap { entries[$0]?.table } }

    /// All dataset names in the order they were added.
    public var names: [String] { tables.map(\.name) }
}
