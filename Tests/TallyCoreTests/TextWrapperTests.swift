import Testing
@testable import TallyCore

/// Prose wraps at words to a width in display cells, with a hanging indent.
@Suite struct TextWrapperTests {
    @Test func wrapsAtWordsWithAHangingIndent() {
        let text = "these sums of applications add different units together: 461,615 persons, 16,651 cases"
        #expect(TextWrapper.paragraph("warning: ", text, width: 40) == """
            warning: these sums of applications add
                     different units together:
                     461,615 persons, 16,651 cases

            """)
    }

    @Test func fitsAndShortTextStayOnOneLine() {
        #expect(TextWrapper.lines("short enough", width: 40) == ["short enough"])
        #expect(TextWrapper.lines("no width given, so no wrapping at all, however long it is", width: nil).count == 1)
    }

    /// Wide characters count two cells: eight of them (16 cells) and a space fill 17 of 24.
    @Test func measuresDisplayCells() {
        #expect(TextWrapper.lines("日本語日本語日本 abc defgh", width: 24, indent: 2) == ["日本語日本語日本 abc", "  defgh"])
    }

    /// A word longer than the line stays whole.
    @Test func longWordsStayWhole() {
        let url = "https://www.unhcr.org/refugee-statistics/download/?url=abcdefghijkl"
        #expect(TextWrapper.lines("source: " + url, width: 30, indent: 2) == ["source:", "  " + url])
    }

    /// List items hang after their marker, labelled lines after their label, others two in.
    @Test func proseHangsUnderItsText() {
        let text = "1. keep rows from 2012 on (year >= 2012)  → 1,134 rows\ntopics: query, where, having, since, until\nFrom applicants, take the rows where origin = RU\n"
        #expect(TextWrapper.prose(text, width: 30) == """
            1. keep rows from 2012 on
               (year >= 2012)  → 1,134
               rows
            topics: query, where, having,
                    since, until
            From applicants, take the rows
              where origin = RU

            """)
    }

    @Test func proseShowsControlCharacters() {
        #expect(TextWrapper.prose("a\u{1B}]2;PWNED\u{7}b\n", width: nil) == "a\\e]2;PWNED\\u{7}b\n")
    }
}
