import Testing
@testable import TallyCore

@Suite struct DiagnosticRendererTests {
    @Test func drawsCaretUnderSpanWithLabel() {
        let source = SourceFile(name: "workshop.tally", text: "-- lesson 1\n\napplicants where orign = RU\n")
        let offset = source.lineStarts[2] + 17
        let diagnostic = Diagnostic.error(
            "unknown-column", "unknown column 'orign' in applicants",
            at: SourceSpan(start: offset, end: offset + 5), label: "did you mean 'origin'?")
        let expected = """
            error: unknown column 'orign' in applicants
             --> workshop.tally:3:18
              |
            3 | applicants where orign = RU
              |                  ^^^^^ did you mean 'origin'?

            """
        #expect(DiagnosticRenderer().render(diagnostic, in: source) == expected)
    }

    /// A tab in the snippet is shown as one space, also next to bytes that are not UTF-8 (shown as
    /// U+FFFD), so the caret stays under the span.
    @Test func tabsAreShownAsSpaces() {
        let bytes: [UInt8] = Array("t\twhere".utf8) + [0xC3, 0x09] + Array(" x = @".utf8)
        let source = SourceFile(name: "s", text: String(decoding: bytes, as: UTF8.self))
        let at = source.bytes.count - 1
        let diagnostic = Diagnostic.error("invalid-character", "unexpected character '@'", at: SourceSpan(start: at, end: at + 1))
        let rendered = DiagnosticRenderer().render(diagnostic, in: source)
        #expect(rendered.contains("1 | t where\u{FFFD}  x = @\n"))
        #expect(rendered.contains("  |               ^\n"))
    }

    @Test func placesCaretByDisplayWidth() {
        let source = SourceFile(name: "<prompt>", text: "countries where name = Türkiye and x")
        let start = Array(source.text.utf8).count - 1
        #expect(source.column(of: start) == 36)
        let wide = SourceFile(name: "<prompt>", text: "t where a = '日本' and b")
        #expect(wide.column(of: wide.bytes.count - 1) == 24)
    }

    @Test func paddingAndOneLineCells() {
        #expect(DisplayWidth.spaces(3) == "   ")
        #expect(DisplayWidth.spaces(0).isEmpty && DisplayWidth.spaces(-2).isEmpty)
        #expect(DisplayWidth.pad("日本", to: 6, alignRight: true) == "  日本")
        #expect(DisplayWidth.pad("ab", to: 4, alignRight: false) == "ab  ")
        #expect("a\tb\r\nc\rd\ne".replacingNewlines == "a b c d e")
        #expect("plain é".replacingNewlines == "plain é")
    }

    @Test func linesAreFoundByBinarySearch() {
        let source = SourceFile(name: "s", text: "a\nbb\n\nccc")
        #expect(source.line(of: 0) == 1)
        #expect(source.line(of: 2) == 2)
        #expect(source.line(of: 5) == 3)
        #expect(source.line(of: 6) == 4)
        #expect(String(decoding: source.lineBytes(4), as: UTF8.self) == "ccc")
    }

    /// At 60 columns a long line is shown as a window around the span, cut with `…` on both
    /// sides, and the caret stays under `orign`; the message and help wrap at words.
    @Test func longLinesShowAWindowAroundTheSpan() {
        let text = "applicants where origin = RU and destination = US and kind = new and unit = cases and orign = RU change from 2012 to 2017"
        let source = SourceFile(name: "<prompt>", text: text)
        let start = Array(text.utf8).count - Array("orign = RU change from 2012 to 2017".utf8).count
        let diagnostic = Diagnostic.error(
            "unknown-column", "unknown column 'orign' in applicants, a dataset of asylum applications",
            at: SourceSpan(start: start, end: start + 5), label: "did you mean 'origin'?",
            help: ["columns: year, origin, origin_name, destination, destination_name, kind, unit, applications"])
        let drawn = DiagnosticRenderer(width: 60).render(diagnostic, in: source)
        #expect(drawn == """
            error: unknown column 'orign' in applicants, a dataset of
                   asylum applications
             --> <prompt>:1:87
              |
            1 | …= new and unit = cases and orign = RU change from 2012…
              |                             ^^^^^ did you mean 'origin'?
              = help: columns: year, origin, origin_name, destination,
                      destination_name, kind, unit, applications

            """)
        for line in drawn.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 60) }
        let caretLine = drawn.split(separator: "\n")[5], sourceLine = drawn.split(separator: "\n")[4]
        let caretAt = caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) }
        let wordAt = sourceLine.range(of: "orign").map { sourceLine.distance(from: sourceLine.startIndex, to: $0.lowerBound) }
        #expect(caretAt == wordAt)
    }

    /// Without a width (a script, a pipe) nothing is cut or wrapped.
    @Test func withoutAWidthTheLineIsWhole() {
        let text = String(repeating: "x ", count: 80) + "orign"
        let source = SourceFile(name: "s", text: text)
        let diagnostic = Diagnostic.error("unknown-column", "unknown column 'orign'", at: SourceSpan(start: 160, end: 165))
        #expect(DiagnosticRenderer().render(diagnostic, in: source).contains("1 | " + text + "\n"))
    }
}
