import Testing
@testable import TallyCore

@Suite struct TextFoldingTests {
    @Test func plainASCII() {
        #expect(TextFolding.fold("russia") == "russia")
        #expect(TextFolding.fold("Russian Federation") == "russian federation")
        #expect(TextFolding.fold("Cote d'Ivoire") == "cote d'ivoire")
        #expect(TextFolding.fold("") == "")
    }

    @Test func latinLettersLoseTheirMarks() {
        #expect(TextFolding.fold("Türkiye") == "turkiye")
        #expect(TextFolding.fold("TÜRKIYE") == "turkiye")
        #expect(TextFolding.fold("Côte d'Ivoire") == "cote d'ivoire")
        #expect(TextFolding.fold("Curaçao") == "curacao")
        #expect(TextFolding.fold("São Tomé") == "sao tome")
        #expect(TextFolding.fold("Réunion") == "reunion")
        #expect(TextFolding.fold("ŁÓDŹ") == "lodz")
        #expect(TextFolding.fold("İstanbul") == "istanbul")
        #expect(TextFolding.fold("Ärø") == "aro")
    }

    @Test func lettersThatBecomeTwo() {
        #expect(TextFolding.fold("Straße") == "strasse")
        #expect(TextFolding.fold("ÆBLE") == "aeble")
        #expect(TextFolding.fold("Œuvre") == "oeuvre")
        #expect(TextFolding.fold("Þingvellir") == "thingvellir")
    }

    @Test func combiningMarksAreDropped() {
        #expect(TextFolding.fold("Tu\u{308}rkiye") == "turkiye")
        #expect(TextFolding.fold("E\u{301}\u{327}") == "e")
    }

    @Test func otherScriptsAreOnlyLowercased() {
        #expect(TextFolding.fold("ΕΛΛΆΔΑ") == "ελλάδα")
        #expect(TextFolding.fold("Россия") == "россия")
        #expect(TextFolding.fold("3 × 4 ÷ 2") == "3 × 4 ÷ 2")
    }
}
