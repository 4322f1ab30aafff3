/// Country columns written as the short names people read (`Russia`, `United States`), for
/// tables and charts; data formats keep the stored codes so that results stay joinable.
extension CountryDirectory {
    /// The columns that hold the codes themselves (the `countries` dataset's own): they stay codes.
    static let codeColumnNames: Set<String> = ["iso3", "iso2", "unhcr_code"]

    /// `table` with every country column (`DatasetInfo.countryColumns`, except the code columns
    /// of `countries`) showing short names instead of codes. Each distinct value is looked up
    /// once, in the way the column writes countries (`representation(of:)`); a value that is no
    /// country stays as it is.
    public func withShortNames(_ table: Table) -> Table {
        var changed = false
        let columns = table.columns.map { column -> Column in
            guard table.info.isCountryColumn(column.name), !Self.codeColumnNames.contains(column.name.lowercased()),
                  case .text(let codes, let dictionary) = column.data else { return column }
            changed = true
            var named = column
            named.data = Self.recoded(codes, names: shortNames(of: dictionary.values))
            return named
        }
        return changed ? Table(name: table.name, columns: columns, rowCount: table.rowCount, info: table.info) : table
    }

    /// The short name of each value of `dictionary`, or the value itself when it is no country.
    /// A country with no code of the column's kind (`Tibetan` has no ISO code) is known by its
    /// other codes and names, as in `matchingValues(for:in:)`.
    func shortNames(of dictionary: [String]) -> [String] {
        guard let representation = representation(of: dictionary),
              let kind = Representation.allCases.firstIndex(of: representation) else { return dictionary }
        let owners = self.owners[kind]
        return dictionary.map { value in owners[NameKey(value).text].map { countries[$0].shortName } ?? value }
    }

    /// Text data over `names`; when two codes share a name, the dictionary is made distinct
    /// again and the rows recoded.
    private static func recoded(_ codes: [UInt32], names: [String]) -> ColumnData {
        var firstCode: [String: UInt32] = [:]
        var distinct: [String] = []
        let remap = names.map { name -> UInt32 in
            if let code = firstCode[name] { return code }
            let code = UInt32(distinct.count)
            firstCode[name] = code
            distinct.append(name)
            return code
        }
        guard distinct.count < names.count else { return .text(codes: codes, dictionary: TextDictionary(names)) }
        return .text(codes: codes.map { remap[Int($0)] }, dictionary: TextDictionary(distinct))
    }
}

extension ResultSet {
    /// The result with its country columns as short names from `directory`; unchanged when nil.
    func showingCountryNames(from directory: CountryDirectory?) -> ResultSet {
        guard let directory else { return self }
        var shown = self
        shown.table = directory.withShortNames(table)
        return shown
    }
}
