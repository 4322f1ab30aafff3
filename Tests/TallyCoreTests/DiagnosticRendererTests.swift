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

    @Test func placesCaretByDisplayWidth() {
        let source = SourceFile(name: "<prompt>", text: "countries where name = Türkiye and x")
        let start = Array(source.text.utf8).count - 1
        #expect(source.column(of: start) == 36)
        let wide = SourceFile(name: "<prompt>", text: "t where a = '日本' and b")
        #expect(wide.column(of: wide.bytes.count - 1) == 24)
    }

    @Test func linesAreFoundByBinarySearch() {
        let source = SourceFile(name: "s", text: "a\nbb\n\nccc")
        #expect(source.line(of: 0) == 1)
        #expect(source.line(of: 2) == 2)
        #expect(source.line(of: 5) == 3)
        #expect(source.line(of: 6) == 4)
        #expect(String(decoding: source.lineBytes(4), as: UTF8.self) == "ccc")
    }
}
