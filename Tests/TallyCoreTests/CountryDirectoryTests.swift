import Foundation
import Testing
@testable import TallyCore

/// The directory built from the real `countries.csv`, parsed here without the CSV loader.
private let directory = CountryDirectory(table: CountriesFixture.table())

/// Reads the bundled `countries.csv` (in TallyData's resources) into a `Table` by hand, columns by header name.
private enum CountriesFixture {

    /// The whole file as a table: text columns dictionary-encoded, year columns integers with missing cells.
    static func table() -> Table {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Sources/TallyData/Resources/countries.csv").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines.first.map(fields) ?? []
        let rows = lines.dropFirst().map(fields)
        var columns: [Column] = []
        for (index, name) in header.enumerated() {
            let cells = rows.map { index < $0.count ? $0[index] : "" }
            if name.hasPrefix("eu_") {
                var mask = ValidityMask(count: cells.count)
                for (row, cell) in cells.enumerated() where cell.isEmpty { mask.set(row, valid: false) }
                columns.append(Column(name: name, data: .integer(cells.map { Int64($0) ?? 0 }), validity: mask))
            } else {
                var distinct: [String] = []
                var codes: [UInt32] = []
                for cell in cells {
                    if let code = distinct.firstIndex(of: cell) {
                        codes.append(UInt32(code))
                    } else {
                        codes.append(UInt32(distinct.count))
                        distinct.append(cell)
                    }
                }
                columns.append(Column(name: name, data: .text(codes: codes, dictionary: TextDictionary(distinct))))
            }
        }
        return Table(name: "countries", columns: columns, rowCount: rows.count)
    }

    /// Splits one CSV line into fields, honouring double quotes (`"a, b"`, `""` for a quote).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if previous == "\"" { field.append(character) }
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        fields.append(field)
        return fields
    }
}

/// The ISO-3 code (or UNHCR code when it has none) of a found country, or a description of the
/// other outcomes, so expectations read as one string.
private func resolved(_ text: String) -> String {
    switch directory.resolve(text) {
    case .found(let country): return country.code
    case .ambiguous(let candidates): return "ambiguous: " + candidates.map(\.code).joined(separator: " ")
    case .unknown(let closest): return "unknown: " + closest.map(\.code).joined(separator: " ")
    }
}

/// The ISO-3 codes of `group`'s members in `year`.
private func memberCodes(_ group: CountryGroup?, _ year: Int?) -> [String] {
    group?.members(in: year).map(\.iso3) ?? []
}

/// The country with ISO-3 code `iso3` (or UNHCR code, for those without one).
private func country(_ iso3: String) -> Country {
    directory.countries.first { $0.code == iso3 } ?? Country(name: "missing \(iso3)")
}

@Suite struct CountryDirectoryTests {
    @Test func splitterHonoursQuotes() {
        #expect(CountriesFixture.fields(#"BES,BQ,"Bonaire, Saint Eustatius and Saba",,x"#)
            == ["BES", "BQ", "Bonaire, Saint Eustatius and Saba", "", "x"])
        #expect(CountriesFixture.fields(#""say ""hi""","""#) == [#"say "hi""#, ""])
    }

    @Test func readsEveryRow() {
        #expect(directory.countries.count == 232)
        let germany = directory.countries.first { $0.iso3 == "DEU" }
        #expect(germany == Country(
            iso3: "DEU", iso2: "DE", unhcrCode: "GFR", name: "Germany", region: "Europe",
            subregion: "Western Europe", euJoined: 1958))
        #expect(directory.countries.first { $0.iso3 == "GBR" }?.aliases == ["UK", "Britain", "Great Britain", "United Kingdom"])
        #expect(directory.countries.first { $0.iso3 == "BES" }?.name == "Bonaire, Saint Eustatius and Saba")
        #expect(directory.countries.first { $0.iso3 == "CUW" }?.name == "Curacao")
        #expect(directory.countries.last == Country(unhcrCode: "TIB", name: "Tibetan", region: "Asia and the Pacific"))
    }

    @Test func codesNamesAndAliases() {
        #expect(resolved("RU") == "RUS")
        #expect(resolved("ru") == "RUS")
        #expect(resolved("RUS") == "RUS")
        #expect(resolved("Russian Federation") == "RUS")
        #expect(resolved("  russian   federation ") == "RUS")
        #expect(resolved("russia") == "RUS")
        #expect(resolved("UK") == "GBR")
        #expect(resolved("Britain") == "GBR")
        #expect(resolved("Moldova") == "MDA")
        #expect(resolved("Guinea") == "GIN")
        #expect(resolved("Congo") == "COG")
        #expect(resolved("China") == "CHN")
        #expect(resolved("XXA") == "XXA")
        #expect(resolved("TIB") == "TIB")
    }

    @Test func caseAndDiacriticsDoNotMatter() {
        #expect(resolved("Turkey") == "TUR")
        #expect(resolved("Türkiye") == "TUR")
        #expect(resolved("türkiye") == "TUR")
        #expect(resolved("TURKIYE") == "TUR")
        #expect(resolved("Tu\u{308}rkiye") == "TUR")
        #expect(resolved("cote d'ivoire") == "CIV")
        #expect(resolved("Côte d’Ivoire") == "CIV")
        #expect(resolved("Curaçao") == "CUW")
    }

    @Test func isoCodesWinOverUNHCRCodes() {
        #expect(resolved("AUS") == "AUS")
        #expect(directory.countries.first { $0.iso3 == "AUS" }?.name == "Australia")
        #expect(resolved("ARE") == "ARE")
        #expect(resolved("MAR") == "MAR")
        #expect(resolved("GFR") == "DEU")
        #expect(resolved("AUL") == "AUS")
        #expect(resolved("SWI") == "CHE")
    }

    @Test func uniqueWordPrefixes() {
        #expect(resolved("Ger") == "DEU")
        #expect(resolved("Mold") == "MDA")
        #expect(resolved("Great Brit") == "GBR")
        #expect(resolved("united king") == "GBR")
        #expect(resolved("Guinea-Bi") == "GNB")
        #expect(resolved("Hong Kong") == "HKG")
        #expect(resolved("Kosovo") == "SRB")
        #expect(resolved("Czech") == "CZE")
        #expect(resolved("Dominican") == "DOM")
        #expect(resolved("Ivory") == "CIV")
        #expect(resolved("Tanz") == "TZA")
    }

    @Test func prefixesMustBeginWordsAndBeConsecutive() {
        #expect(resolved("ussia") == "unknown: RUS USA")
        #expect(resolved("ermany") == "unknown: DEU")
        #expect(resolved("Rep Moldova") == "unknown: MDA")
    }

    @Test func twoLettersNeverMatchAPrefix() {
        #expect(resolved("UK") == "GBR")
        #expect(resolved("Uk") == "GBR")
        #expect(resolved("Ge") == "GEO")
        #expect(resolved("Ru") == "RUS")
        #expect(resolved("Ka") == "unknown: BIH CAN COM")
    }

    @Test func ambiguousPrefixes() {
        #expect(resolved("Brit") == "ambiguous: GBR VGB")
        #expect(resolved("Kor") == "KOR")
        #expect(resolved("Kore") == "ambiguous: KOR PRK")
        #expect(resolved("sud") == "SDN")
        #expect(resolved("Suda") == "ambiguous: SDN SSD")
        #expect(resolved("Kingdom") == "ambiguous: GBR NLD")
        #expect(resolved("Guin") == "ambiguous: GIN GNB GNQ PNG")
        #expect(resolved("dem rep") == "ambiguous: COD LAO")
        #expect(resolved("Rep") == "ambiguous: CAF COD CZE DOM IRN KOR LAO MDA PRK SYR TZA VEN")
    }

    @Test func unknownListsTheClosest() {
        #expect(resolved("Atlantis") == "unknown: ")
        #expect(resolved("Germny") == "unknown: DEU")
        #expect(resolved("Kingdon") == "unknown: GBR NLD")
        #expect(resolved("xyz") == "unknown: ")
        #expect(resolved("Untied Kingdom") == "unknown: GBR")
        #expect(resolved("") == "unknown: ")
    }

    @Test func euMembershipByYear() {
        let eu = directory.group(named: "EU")
        #expect(eu?.kind == .europeanUnion)
        #expect(eu?.displayName == "EU")
        #expect(directory.group(named: "eu") == eu)
        #expect(directory.group(named: "European Union") == eu)
        #expect(eu?.contains(country("GBR"), year: 2019) == true)
        #expect(eu?.contains(country("GBR"), year: 2020) == false)
        #expect(eu?.contains(country("GBR"), year: 2021) == false)
        #expect(eu?.contains(country("GBR"), year: nil) == false)
        #expect(eu?.contains(country("HRV"), year: 2012) == false)
        #expect(eu?.contains(country("HRV"), year: 2013) == true)
        #expect(eu?.contains(country("HRV"), year: nil) == true)
        #expect(eu?.contains(country("DEU"), year: 1958) == true)
        #expect(eu?.contains(country("DEU"), year: 1957) == false)
        #expect(eu?.contains(country("RUS"), year: 2017) == false)
        #expect(memberCodes(eu, 2019).count == 28)
        #expect(memberCodes(eu, 2021).count == 27)
        #expect(memberCodes(eu, 2012).count == 27)
        #expect(memberCodes(eu, 2013).count == 28)
        #expect(memberCodes(eu, nil).count == 27)
        #expect(memberCodes(eu, 1958) == ["BEL", "DEU", "FRA", "ITA", "LUX", "NLD"])
    }

    @Test func regionsAndSubregions() {
        let europe = directory.group(named: "Europe")
        #expect(europe?.kind == .region)
        #expect(europe?.displayName == "Europe")
        #expect(memberCodes(europe, nil).count == 55)
        #expect(europe?.contains(country("RUS"), year: 2017) == true)
        #expect(europe?.contains(country("EGY"), year: nil) == false)
        let western = directory.group(named: "western europe")
        #expect(western?.kind == .subregion)
        #expect(western?.displayName == "Western Europe")
        #expect(memberCodes(western, 2017) == ["AUT", "BEL", "CHE", "DEU", "FRA", "LIE", "LUX", "MCO", "NLD"])
        #expect(western?.contains(country("DEU"), year: nil) == true)
        #expect(western?.contains(country("POL"), year: nil) == false)
        #expect(directory.group(named: "Western Eur")?.displayName == "Western Europe")
        #expect(directory.group(named: "Americas")?.displayName == "The Americas")
        #expect(directory.group(named: "sub-saharan")?.displayName == "Sub-Saharan Africa")
    }

    @Test func ambiguousAndUnknownGroups() {
        #expect(directory.resolveGroup("America")
            == .ambiguous(["The Americas", "Latin America and the Caribbean", "Northern America"]))
        #expect(directory.group(named: "America") == nil)
        #expect(directory.group(named: "Atlantis") == nil)
        #expect(directory.resolveGroup("Atlantis") == .unknown(closest: []))
        #expect(directory.resolveGroup("Westren Europe") == .unknown(closest: ["Western Europe", "Eastern Europe", "Southern Europe"]))
        #expect(directory.group(named: "Eu ") != nil)
        #expect(directory.group(named: "E") == nil)
        #expect(directory.groupNames.count == 24)
        #expect(directory.groupNames.prefix(3) == ["EU", "The Americas", "Asia and the Pacific"])
    }

    @Test func columnValuesInTheColumnsOwnCodes() {
        let iso3 = ["DEU", "RUS", "AUS", "AUT", "TIB"]
        #expect(directory.representation(of: iso3) == .iso3)
        #expect(directory.matchingValue(for: country("AUS"), in: iso3) == "AUS")
        #expect(directory.matchingValue(for: country("AUT"), in: iso3) == "AUT")
        #expect(directory.matchingValue(for: country("TIB"), in: iso3) == "TIB")
        #expect(directory.matchingValue(for: country("GBR"), in: iso3) == nil)
        let unhcr = ["GFR", "RUS", "AUS", "AUL"]
        #expect(directory.representation(of: unhcr) == .unhcrCode)
        #expect(directory.matchingValue(for: country("AUS"), in: unhcr) == "AUL")
        #expect(directory.matchingValue(for: country("AUT"), in: unhcr) == "AUS")
        #expect(directory.matchingValue(for: country("DEU"), in: unhcr) == "GFR")
        let iso2 = ["DE", "RU", "persons"]
        #expect(directory.representation(of: iso2) == .iso2)
        #expect(directory.matchingValue(for: country("RUS"), in: iso2) == "RU")
        #expect(directory.representation(of: ["persons", "cases"]) == nil)
        #expect(directory.matchingValue(for: country("RUS"), in: ["persons", "cases"]) == nil)
    }

    @Test func columnValuesAsNames() {
        let names = ["Germany", "Russia", "Türkiye", "Curacao ", "russian federation"]
        #expect(directory.representation(of: names) == .name)
        #expect(directory.matchingValue(for: country("DEU"), in: names) == "Germany")
        #expect(directory.matchingValue(for: country("RUS"), in: names) == "Russia")
        #expect(directory.matchingValues(for: country("RUS"), in: names) == ["Russia"])
        #expect(directory.matchingValue(for: country("TUR"), in: names) == "Türkiye")
        #expect(directory.matchingValue(for: country("CUW"), in: names) == "Curacao ")
        #expect(directory.matchingValues(for: country("RUS"), in: ["RUSSIA", "russian federation"])
            == ["RUSSIA", "russian federation"])
    }

    @Test func shortNamesComeFromTheirColumn() {
        #expect(country("RUS").shortName == "Russia")
        #expect(country("GBR").shortName == "United Kingdom")
        #expect(country("MDA").shortName == "Moldova")
        #expect(country("DEU").shortName == "Germany")
        #expect(resolved("Moldova") == "MDA")
    }

    /// Each distinct value is named the way its column writes countries: `AUS` is Austria among
    /// UNHCR codes, Australia among ISO codes; values that are no country stay.
    @Test func shortNamesFollowTheColumnsCodes() {
        #expect(directory.shortNames(of: ["AUS", "GFR", "RUS", "AUL", "new"]) == ["Austria", "Germany", "Russia", "Australia", "new"])
        #expect(directory.shortNames(of: ["AUS", "DEU", "USA", "TIB"]) == ["Australia", "Germany", "United States", "Tibetan"])
        #expect(directory.shortNames(of: ["persons", "cases"]) == ["persons", "cases"])
    }

    /// A result's country columns show short names; other columns, and the code columns of
    /// `countries`, keep their values; codes that share a name share one dictionary value.
    @Test func tablesShowShortNamesInCountryColumns() {
        let table = Table(name: "t", columns: [
            Column(name: "destination", data: .text(codes: [0, 1, 2, 0], dictionary: TextDictionary(["RUSSIA", "Germany", "Russian Federation"]))),
            Column(name: "iso3", data: .text(codes: [0, 0, 0, 0], dictionary: TextDictionary(["RUS"]))),
            Column(name: "note", data: .text(codes: [0, 0, 0, 0], dictionary: TextDictionary(["RUS"]))),
        ], rowCount: 4, info: DatasetInfo(roles: [.country: ["destination", "iso3"]]))
        let shown = directory.withShortNames(table)
        #expect((0..<4).map { shown.columns[0].value(at: $0).description } == ["Russia", "Germany", "Russia", "Russia"])
        guard case .text(_, let dictionary) = shown.columns[0].data else { Issue.record("not text"); return }
        #expect(dictionary.values == ["Russia", "Germany"])
        #expect(shown.columns[1].value(at: 0).description == "RUS")
        #expect(shown.columns[2].value(at: 0).description == "RUS")
    }
}
