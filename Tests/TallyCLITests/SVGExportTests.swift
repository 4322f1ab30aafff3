import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `export … to "x.svg"` writes well-formed XML with one bar per row (or one point per year of a
/// time series), and `--strict` turns a check that is not true into exit status 1.
@Suite struct SVGExportTests {
    /// Counts elements by name and `class`, and collects the text of `<desc>` and `<title>`.
    /// Also collects the view box, every `<text>` with its font size, in order.
    final class Survey: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var texts: [String: String] = [:]
        var viewBox: String?
        var drawnTexts: [(text: String, size: Double)] = []
        private var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            counts[name + (attributes["class"].map { "." + $0 } ?? ""), default: 0] += 1
            current = name
            if name == "svg" { viewBox = attributes["viewBox"] }
            if name == "text" { drawnTexts.append(("", Double(attributes["font-size"] ?? "") ?? 0)) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current, current == "desc" || current == "title" { texts[current, default: ""] += string }
            if current == "text", let last = drawnTexts.indices.last { drawnTexts[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            current = nil
        }
    }

    func survey(_ path: String) throws -> Survey? {
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        let survey = Survey()
        parser.delegate = survey
        return parser.parse() ? survey : nil
    }

    /// The ten largest EU destinations of new Russian applications in 2017: ten bars; the
    /// query, the source and the licence are in `<desc>`.
    @Test func barChartIsWellFormedWithOneBarPerRow() throws {
        let folder = try TemporaryFolder()
        let query = "applicants where origin = RU and destination in EU and kind = new in 2017 group by destination top 10"
        let run = try TallyBinary.run(["-e", "export \(query) to \"eu.svg\""], directory: folder.path)
        #expect(run.status == 0)
        #expect(run.errors.hasSuffix("exported a chart of 10 rows, 2 columns to eu.svg\n"))
        let svg = try #require(try survey(folder.path + "/eu.svg"))
        #expect(svg.counts["rect.bar"] == 10)
        #expect(svg.texts["title"] == query)
        #expect(svg.texts["desc"] == "Source: UNHCR Refugee Population Statistics Database, https://www.unhcr.org/refugee-statistics/. Licence: CC BY 4.0. Query: \(query)")
    }

    /// Text that needs escaping (`<`, `&`, quotes) stays well-formed.
    @Test func textIsEscaped() throws {
        let folder = try TemporaryFolder()
        try folder.write("odd.csv", "name,n\n\"<b>&'\"\"\",3\nplain,-2\n")
        let run = try TallyBinary.run(
            ["--no-bundled", "--load", "odd=odd.csv", "-e", "export odd where n < 5 show name, n to \"odd.svg\""], directory: folder.path)
        #expect(run.status == 0, "\(run.errors)")
        let svg = try #require(try survey(folder.path + "/odd.svg"))
        #expect(svg.counts["rect.bar"] == 2)
        #expect(svg.texts["title"] == "odd where n < 5 show name, n")
    }

    /// US new Russian cases, 2008–2020: one line, thirteen points.
    @Test func timeSeriesIsALineChart() throws {
        let folder = try TemporaryFolder()
        let run = try TallyBinary.run(
            ["-e", "export applicants where origin = RU and destination = US and kind = new and unit = cases between 2008 and 2020 group by year to \"us.svg\""],
            directory: folder.path)
        #expect(run.status == 0)
        let svg = try #require(try survey(folder.path + "/us.svg"))
        #expect(svg.counts["polyline.series"] == 1)
        #expect(svg.counts["circle.point"] == 13)
        #expect(svg.counts["rect.bar"] == nil)
    }

    @Test func strictChecksFailTheScript() throws {
        let claim = "check applicants where origin = RU and destination = US and kind = new and unit = cases change from 2012 to 2017 is "
        let roughly = try TallyBinary.run(["--strict", "-e", claim + "268%", "-e", "datasets"])
        #expect(roughly.status == 1)
        #expect(roughly.output.contains("│ 268%  │ 265.37 │      -2.63 │ roughly │"))
        #expect(!roughly.output.contains("destination_totals"))
        #expect(roughly.errors.hasPrefix("error: the check answered 'roughly', and --strict accepts only 'true'\n"))
        let exact = try TallyBinary.run(["--strict", "-e", claim + "265.4%"])
        #expect(exact.status == 0)
        #expect(exact.output.contains("│ true    │"))
        let lenient = try TallyBinary.run(["-e", claim + "268%"])
        #expect(lenient.status == 0)
    }

    /// The workshop's slide: a 1280×720 view box, the given title, countries by name (never by
    /// code), the mixed-units caveat under the title, and no text under 14 px. The 25 EU
    /// destinations of new Russian applications in 2017 and Germany's 4,884 are from sqlite3
    /// on the bundled `applicants.csv`.
    @Test func slideHasTitleNamesAndCaveats() throws {
        let folder = try TemporaryFolder()
        let query = "applicants where origin = RU and destination in EU and kind = new in 2017 group by destination"
        let run = try TallyBinary.run(["-e", "export \(query) to \"eu.svg\" titled \"Russian asylum applications in the EU, 2017\""], directory: folder.path)
        #expect(run.status == 0, "\(run.errors)")
        let svg = try #require(try survey(folder.path + "/eu.svg"))
        #expect(svg.viewBox == "0 0 1280 720")
        #expect(svg.texts["title"] == "Russian asylum applications in the EU, 2017")
        let texts = svg.drawnTexts.map(\.text)
        #expect(texts.first == "Russian asylum applications in the EU, 2017")
        #expect(texts.dropFirst().first == "⚠ these sums of applications add different units together: 12,244 persons, 371 cases")
        #expect(texts.contains("Germany") && texts.contains("United Kingdom") && texts.contains("4,884"))
        #expect(!texts.contains("DEU") && !texts.contains("GBR"))
        #expect(svg.counts["rect.bar"] == 25)
        #expect(svg.drawnTexts.allSatisfy { $0.size >= 14 }, "\(svg.drawnTexts.filter { $0.size < 14 })")
        #expect(svg.texts["desc"]?.hasSuffix("Query: \(query)") == true)
    }

    /// 79 destinations since 2012: 25 bars and a note saying so.
    @Test func longBarListsAreCutToTwentyFive() throws {
        let folder = try TemporaryFolder()
        let run = try TallyBinary.run(["-e", "export applicants where origin = RU since 2012 group by destination to \"all.svg\""], directory: folder.path)
        #expect(run.status == 0)
        let svg = try #require(try survey(folder.path + "/all.svg"))
        #expect(svg.counts["rect.bar"] == 25)
        #expect(svg.drawnTexts.map(\.text).contains("Showing the first 25 of 79 bars, in the result's order."))
    }

    @Test func titleIsOnlyForCharts() throws {
        let folder = try TemporaryFolder()
        let run = try TallyBinary.run(["-e", "export countries to \"c.csv\" titled \"Countries\""], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("error: only a chart (.svg) has a title\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/c.csv"))
    }
}
