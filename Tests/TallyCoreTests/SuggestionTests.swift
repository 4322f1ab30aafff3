import Testing
@testable import TallyCore

@Suite struct SuggestionTests {
    @Test func distances() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("whre", "where") == 1)
        #expect(Suggestion.distance("ORIGIN", "origin") == 0)
        #expect(Suggestion.distance("form", "from") == 1)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("ab", "") == 2)
        #expect(Suggestion.distance("Türkiye", "Turkiye") == 1)
    }

    @Test func closest() {
        #expect(Suggestion.closest(to: "orign", among: ["destination", "origin", "year"]) == "origin")
        #expect(Suggestion.closest(to: "grup", among: ["where", "group", "sort"]) == "group")
        #expect(Suggestion.closest(to: "Destnation", among: ["destination"]) == "destination")
        #expect(Suggestion.closest(to: "xyz", among: ["where", "group"]) == nil)
        #expect(Suggestion.closest(to: "to", among: ["top"]) == nil)
        #expect(Suggestion.closest(to: "UK", among: ["uk", "us"]) == "uk")
        #expect(Suggestion.closest(to: "anything", among: []) == nil)
    }
}
