import Testing
@testable import TallyCore

/// Tab completion on a small hand-built catalog: `apps` (a yearly table with two country columns)
/// and `places` (a countries table that also feeds the country directory).
@Suite struct CompleterTests {
    static func text(_ name: String, _ values: [String]) -> Column {
        var dictionary: [String] = []
        var codes: [UInt32] = []
        for value in values {
            if let index = dictionary.firstIndex(of: value) {
                codes.append(UInt32(index))
            } else {
                codes.append(UInt32(dictionary.count))
                dictionary.append(value)
            }
        }
        return Column(name: name, data: .text(codes: codes, dictionary: TextDictionary(dictionary)))
    }

    static let catalog: Catalog = {
        var catalog = Catalog()
        let apps = Table(
            name: "apps",
            columns: [
                Column(name: "year", data: .integer([2016, 2017, 2017, 2017])),
                text("origin", ["RUS", "GEO", "RUS", "UKR"]),
                text("destination", ["DEU", "DEU", "GEO", "GBR"]),
                text("kind", ["new", "new", "repeat", "first time"]),
                Column(name: "applications", data: .integer([10, 20, 30, 40])),
            ],
            rowCount: 4,
            info: DatasetInfo(timeColumn: "year", measures: ["applications"], roles: [.country: ["origin", "destination"]]))
        let places = Table(
            name: "places",
            columns: [
                text("iso3", ["RUS", "GEO", "DEU", "GBR", "UKR", "GRC"]),
                text("iso2", ["RU", "GE", "DE", "GB", "UA", "GR"]),
                text("unhcr_code", ["RUS", "GEO", "GFR", "GBR", "UKR", "GRE"]),
                text("name", ["Russian Federation", "Georgia", "Germany", "United Kingdom", "Ukraine", "Greece"]),
                text("aliases", ["Russia", "", "", "UK;Britain", "", ""]),
                text("region", ["Europe", "Europe", "Europe", "Europe", "Europe", "Europe"]),
                text("subregion", ["Eastern Europe", "Western Asia", "Western Europe", "Northern Europe", "Eastern Europe", "Southern Europe"]),
                Column(name: "eu_joined", data: .integer([0, 0, 1958, 1973, 0, 1981])),
                Column(name: "eu_left", data: .integer([0, 0, 0, 2020, 0, 0])),
            ],
            rowCount: 6,
            info: DatasetInfo(roles: [.country: ["iso3"]]))
        catalog.add(apps, origin: .bundled)
        catalog.add(places, origin: .bundled)
        catalog.countries = CountryDirectory(table: places)
        return catalog
    }()

    /// Completes at the end of `line`.
    func complete(_ line: String) -> [String] {
        Completer(catalog: Self.catalog).complete(line: line, cursor: line.utf8.count)
    }

    @Test func statementStartOffersStatementWordsAndDatasets() {
        #expect(complete("") == [
            "apps", "check", "cite", "datasets", "describe", "drop", "exit", "explain", "export", "help", "let", "load",
            "places", "quit", "record", "reset", "run", "set", "sql",
        ])
        #expect(complete("d") == ["datasets", "describe", "drop"])
        #expect(complete("drop p") == ["places"])
        #expect(complete("record ") == ["off"])
        #expect(complete("run ") == [])
        #expect(complete("ap") == ["apps"])
        #expect(complete("apps in 2017; pl") == ["places"])
    }

    @Test func datasetNamesAfterStatementWords() {
        #expect(complete("describe ") == ["apps", "places"])
        #expect(complete("cite p") == ["places"])
        #expect(complete("explain a") == ["apps"])
        #expect(complete("let x = a") == ["apps"])
    }

    @Test func clauseWordsAfterTheDataset() {
        #expect(complete("apps w") == ["where"])
        #expect(complete("apps s") == ["show", "since", "sort by"])
        #expect(complete("apps gr") == ["group by"])
        #expect(complete("apps group ") == ["by"])
    }

    @Test func columnsAfterClauseWords() {
        let columns = ["applications", "destination", "kind", "origin", "year"]
        #expect(complete("apps where ") == ["applications", "destination", "kind", "not", "origin", "year"])
        #expect(complete("apps where or") == ["origin"])
        #expect(complete("apps group by ") == columns)
        #expect(complete("apps group by origin, d") == ["date", "day", "destination"])
        #expect(complete("apps where origin = RU and k") == ["kind"])
        #expect(complete("apps show s") == ["share", "sum"])
        #expect(complete("apps show ro") == ["round"], "functions come once a letter is typed")
        #expect(complete("apps where le") == ["left", "length"])
        #expect(complete("apps sort by app") == ["applications"])
    }

    @Test func windowWordsWhereItemsGoInAGroupedQuery() {
        #expect(complete("apps group by year show sum(applications), g") == ["growth"])
        #expect(complete("apps group by year show c") == ["ceil", "coalesce", "count", "cumulative"])
        #expect(complete("apps group by year show count, mo") == ["month", "month_number", "moving_avg"])
        #expect(complete("apps group by year show count, p") == ["previous"])
        #expect(complete("apps group by year show count sort by g") == ["growth"])
        #expect(complete("apps show c") == ["ceil", "coalesce", "count"], "an ungrouped query has no periods to compare")
    }

    @Test func wordsAfterACompleteItem() {
        #expect(complete("apps where origin = RU a") == ["across", "and"])
        #expect(complete("apps group by origin l") == ["limit", "lookup"])
        #expect(complete("apps sort by origin d") == ["desc"])
        #expect(complete("apps where kind ") == ["between", "contains", "ends with", "in", "is", "not", "starts with"])
        #expect(complete("apps where kind is ") == ["missing", "not"])
        #expect(complete("apps since ") == [])
    }

    @Test func textValuesAfterComparisons() {
        #expect(complete("apps where kind = ") == ["\"first time\"", "new", "repeat"])
        #expect(complete("apps where kind != re") == ["repeat"])
        #expect(complete("apps where kind = fi") == ["\"first time\""])
        #expect(complete("apps where kind = 'fi") == ["'first time'"])
        #expect(complete("apps where kind in (new, ") == ["\"first time\"", "new", "repeat"])
        #expect(complete("apps where kind not in (r") == ["repeat"])
        #expect(complete("apps where year = ") == [])
    }

    /// Needs `CountryDirectory(table:)` (the country work) to offer names and aliases. Each
    /// country is offered once, by the first of its name, aliases and codes that fits.
    @Test func countryValuesByCodeAndName() {
        #expect(complete("apps where origin = Ge") == ["Georgia"])
        #expect(complete("apps where origin = R") == ["\"Russian Federation\""])
        #expect(complete("apps where origin = Russia") == ["Russia"])
        #expect(complete("apps where origin = RUS") == ["\"Russian Federation\""])
        #expect(complete("apps where origin = UK") == ["Ukraine"])
        #expect(complete("apps where destination = \"Uni") == ["\"United Kingdom\""])
        #expect(complete("apps where destination = Br") == ["Britain"])
        #expect(complete("apps where destination in (Ge") == ["Georgia", "Germany"])
        #expect(complete("apps where destination in (DE") == ["DEU"])
    }

    @Test func settings() {
        #expect(complete("set ") == ["dialect", "format", "timer"])
        #expect(complete("set format j") == ["json"])
        #expect(complete("set timer o") == ["off", "on"])
    }

    @Test func nothingInsideCommentsOrUnknownDatasets() {
        #expect(complete("apps -- where ") == [])
        #expect(complete("nosuch where ") == [])
    }

    /// A repeat (same text in any case) is dropped even when candidates with the same sort key but
    /// another text (quoted and bare) stand between; the first offered of each stays, in offered order.
    @Test func repeatsAreDroppedAmongEqualKeys() {
        let results = [("abc", "\"abc\"", "\"abc\""), ("abc", "abc", "abc"), ("abc", "\"abc\"", "\"ABC\""), ("abd", "abd", "abd")]
        #expect(Completer.firstOfEach(sorted: results.map { (key: $0.0, lowered: $0.1, text: $0.2) }) == ["\"abc\"", "abc", "abd"])
        #expect(complete("apps where kind = \"") == ["\"first time\"", "\"new\"", "\"repeat\""])
    }

    @Test func cursorInTheMiddleAndWordStart() {
        let completer = Completer(catalog: Self.catalog)
        let line = "apps where ki = new"
        #expect(completer.complete(line: line, cursor: 13) == ["kind"])
        #expect(completer.completion(line: line, cursor: 13) == (11, ["kind"]))
        #expect(completer.completion(line: "apps where kind = \"first t", cursor: 26).wordStart == 18)
        #expect(completer.complete(line: "apps where kind = ne", cursor: 1000) == ["new"])
        #expect(completer.complete(line: line, cursor: -5).count == 19)
    }

    /// After `lookup`/`join` (or their parenthesis) come datasets; after the dataset `as` or
    /// `on`; after `on` the source's columns.
    @Test func lookupAndJoinOfferDatasetsAndKeys() {
        #expect(complete("apps lookup ") == ["apps", "places"])
        #expect(complete("apps join (p") == ["places"])
        #expect(complete("apps lookup places ") == ["as", "on"])
        #expect(complete("apps lookup places on or") == ["origin"])
        #expect(complete("apps lookup places on destination = iso3, ye") == ["year"])
        #expect(complete("apps where origin = RU l") == ["limit", "lookup"])
    }

    /// A side's name before a dot offers its columns, and wins over a country attribute.
    @Test func qualifiedColumnsOfASide() {
        #expect(complete("apps lookup places on destination = iso3 show places.eu") == ["places.eu_joined", "places.eu_left"])
        #expect(complete("apps lookup places as destination on destination = iso3 show destination.n") == ["destination.name"])
        #expect(complete("apps show destination.n") == ["destination.name"])
        #expect(complete("apps lookup places as p on destination = iso3 where p.sub") == ["p.subregion"])
    }

    /// The prefix test compares ASCII bytes directly; it must agree with lowering the whole text and
    /// comparing characters, also where a byte is not a character (a line-feed pair, a combining mark).
    @Test func prefixTestAgreesWithLoweringTheText() {
        let texts = ["Where", "where", "WHERE", "", "w", "e\u{301}x", "\u{e9}x", "\r\nx", "\rx", "a\u{301}", "a", "ab",
                     "\u{212A}elvin", "kelvin", "Stra\u{df}e", "\u{130}stanbul", "istanbul", "first time", "x\u{0}"]
        let prefixes = ["", "w", "whe", "where", "wherex", "e", "e\u{301}", "\u{e9}", "\r", "\r\n", "a", "k", "kel",
                        "stra", "stra\u{df}", "i", "i\u{307}", "first ", "x", "x\u{0}"]
        for text in texts {
            for prefix in prefixes {
                #expect(CompletionCandidate.lowered(text, startsWith: prefix) == text.lowercased().hasPrefix(prefix), "\(text) / \(prefix)")
            }
        }
    }
}
