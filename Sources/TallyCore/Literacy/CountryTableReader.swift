/// Reads the rows of a `countries` table into `Country` values.
///
/// Columns are found by name (iso3, iso2, unhcr_code, name, short_name, aliases, region, subregion,
/// eu_joined, eu_left); a missing column reads as empty. Text is trimmed (the source writes
/// `Curacao ` with a trailing space), aliases are split on `;`, and a row with no name and no
/// code is skipped. Years may be integer, whole decimal or numeric text columns.
struct CountryTableReader {
    /// The table read.
    let table: Table

    /// Every country of the table, in row order.
    func countries() -> [Country] {
        let iso3 = table.column(named: "iso3")
        let iso2 = table.column(named: "iso2")
        let unhcr = table.column(named: "unhcr_code")
        let name = table.column(named: "name")
        let shortName = table.column(named: "short_name")
        let aliases = table.column(named: "aliases")
        let region = table.column(named: "region")
        let subregion = table.column(named: "subregion")
        let joined = table.column(named: "eu_joined")
        let left = table.column(named: "eu_left")
        var result: [Country] = []
        for row in 0..<table.rowCount {
            var country = Country(
                iso3: text(iso3, row), iso2: text(iso2, row), unhcrCode: text(unhcr, row), name: text(name, row),
                aliases: text(aliases, row).split(separator: ";").map { trimmed($0) }.filter { !$0.isEmpty },
                region: text(region, row), subregion: text(subregion, row),
                euJoined: year(joined, row), euLeft: year(left, row))
            if country.name.isEmpty { country.name = country.code }
            country.shortName = text(shortName, row)
            if country.shortName.isEmpty { country.shortName = country.name }
            if !country.name.isEmpty { result.append(country) }
        }
        return result
    }

    /// The trimmed text of `row`, empty when missing.
    private func text(_ column: Column?, _ row: Int) -> String {
        guard let column, row < column.count else { return "" }
        return trimmed(column.value(at: row).description)
    }

    /// The whole number of `row`, nil when missing or not a whole number.
    private func year(_ column: Column?, _ row: Int) -> Int? {
        guard let column, row < column.count else { return nil }
        switch column.value(at: row) {
        case .integer(let value): return Int(exactly: value)
        case .decimal(let value): return Int(exactly: value)
        case .text(let value): return Int(trimmed(value))
        case .boolean, .missing, .calendar: return nil
        }
    }

    /// `text` without leading and trailing whitespace.
    private func trimmed<S: StringProtocol>(_ text: S) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }
}
