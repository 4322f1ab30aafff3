import Testing
@testable import TallyCore

@Suite struct NumberFormatTests {
    @Test func groupsThousands() {
        #expect(NumberFormat.grouped(12615) == "12,615")
        #expect(NumberFormat.grouped(-1234567) == "-1,234,567")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(Int64.min) == "-9,223,372,036,854,775,808")
    }

    @Test func fixedPlaces() {
        #expect(NumberFormat.fixed(38.7176) == "38.72")
        #expect(NumberFormat.fixed(1234.5) == "1,234.50")
        #expect(NumberFormat.fixed(-0.001) == "0.00")
        #expect(NumberFormat.fixed(-2.5) == "-2.50")
        #expect(NumberFormat.fixed(.nan) == "")
    }

    @Test func plainIsShortestRoundTrip() {
        #expect(NumberFormat.plain(0.1) == "0.1")
        #expect(NumberFormat.plain(2) == "2.0")
        #expect(NumberFormat.plain(265.3691275167785) == "265.3691275167785")
    }
}
