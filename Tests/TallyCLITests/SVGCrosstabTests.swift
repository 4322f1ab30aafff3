import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `export … across … to "x.svg"` draws a line per row of the crosstab (at most ten, each in a
/// colour of its own, named in a legend), a point per present cell, no line across a missing
/// cell, and a note naming the rows not drawn. Checked on the SVG's elements, in document order.
@Suite struct SVGCrosstabTests {
    /// The drawing elements in document order: `rect` (but the background), `circle` and
    /// `polyline` with their colour, `text` with its content.
    final class Elements: NSObject, XMLParserDelegate {
        var list: [(name: String, value: String)] = []
        private var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "rect" where attributes["class"] == "bar", "circle": list.append((name, attributes["fill"] ?? ""))
            case "polyline": list.append((name, attributes["stroke"] ?? ""))
            case "text": list.append((name, "")); inText = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText, let last = list.indices.last { list[last].value += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText = false }
        }

        /// The legend: each coloured box followed by the name of its line.
        var legend: [(colour: String, name: String)] {
            zip(list, list.dropFirst()).compactMap { box, label in
                box.name == "rect" && label.name == "text" ? (box.value, label.value) : nil
            }
        }

        /// How many elements named `name` have colour `colour`.
        func count(_ name: String, _ colour: String) -> Int {
            list.filter { $0.name == name && $0.value == colour }.count
        }

        /// The text of every `text` element, in order.
        var texts: [String] { list.filter { $0.name == "text" }.map(\.value) }
    }

    func elements(_ path: String) throws -> Elements? {
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        let elements = Elements()
        parser.delegate = elements
        return parser.parse() ? elements : nil
    }

    /// Twelve places over 2020–2022, P01 to P10 with 10 × their number each year; P11 only in
    /// 2022 (110), P12 in 2020 and 2022 (125 each, no 2021). By total: P10 300, P09 270, P12 250,
    /// P08 240, P07 210, P06 180, P05 150, P04 120, P11 110, P03 90; P02 (60) and P01 (30) are
    /// not drawn.
    static let places: String = {
        var lines = ["place,year,n"]
        for number in 1...10 {
            for year in 2020...2022 { lines.append(String(format: "P%02d,%d,%d", number, year, number * 10)) }
        }
        lines += ["P11,2022,110", "P12,2020,125", "P12,2022,125"]
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aLinePerRowAtMostTenTheRestNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("places.csv", Self.places)
        let run = try TallyBinary.run(
            ["--no-bundled", "--load", "places=places.csv", "-e", "export places group by place across year show sum(n) to \"x.svg\""],
            directory: folder.path)
        #expect(run.status == 0, "\(run.errors)")
        let svg = try #require(try elements(folder.path + "/x.svg"))
        let legend = svg.legend
        #expect(legend.map(\.name) == ["P10", "P09", "P12", "P08", "P07", "P06", "P05", "P04", "P11", "P03"])
        #expect(Set(legend.map(\.colour)).count == 10, "each line has a colour of its own: \(legend.map(\.colour))")
        let points = legend.map { svg.count("circle", $0.colour) }
        #expect(points == [3, 3, 2, 3, 3, 3, 3, 3, 1, 3], "a point per present cell")
        let lines = legend.map { svg.count("polyline", $0.colour) }
        #expect(lines == [1, 1, 0, 1, 1, 1, 1, 1, 0, 1], "no line across P12's missing 2021, none through P11's one point")
        #expect(svg.texts.contains("Showing the first 10 of 12 rows as lines; not drawn: P02, P01."))
        #expect(svg.texts.contains("2020") && svg.texts.contains("2022") && svg.texts.contains("year"))
    }

    /// Across a month bucket: the months are the x axis, in time order, February's gap kept.
    @Test func monthsAcrossAreATimeAxis() throws {
        let folder = try TemporaryFolder()
        try folder.write("visits.csv", "day,branch,n\n2024-01-05,north,3\n2024-03-02,north,5\n2024-01-09,south,2\n2024-02-11,south,4\n2024-03-20,south,1\n")
        let run = try TallyBinary.run(
            ["--no-bundled", "--load", "visits=visits.csv", "-e", "export visits group by branch across month(day) show sum(n) to \"m.svg\""],
            directory: folder.path)
        #expect(run.status == 0, "\(run.errors)")
        let svg = try #require(try elements(folder.path + "/m.svg"))
        #expect(svg.legend.map(\.name) == ["north", "south"])
        #expect(svg.legend.map { svg.count("circle", $0.colour) } == [2, 3])
        #expect(svg.legend.map { svg.count("polyline", $0.colour) } == [0, 1], "north has no February, so no line")
        let axis = svg.texts.filter { $0.hasPrefix("2024-") }
        #expect(axis == ["2024-01", "2024-02", "2024-03"])
        #expect(svg.texts.contains("month(day)"))
    }
}
