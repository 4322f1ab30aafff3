import Testing
@testable import TallyCore

/// Where a statement ends: one rule for the prompt (`continuation`) and for scripts.
@Suite struct StatementEndTests {
    @Test(arguments: [
        "applicants where", "applicants where origin = RU and", "applicants where origin = RU or",
        "applicants where (origin = RU",
        "applicants between 2012", "applicants between 2012 and", "applicants since", "applicants group by",
        "applicants group by destination,", "applicants show", "applicants sort by", "applicants top", "t where x =",
        "t where x +", "t where x in (1,", "t where x in", "t show sum(", "t show sum(x) as", "let x =", "let x", "export t to",
        "t change from 2012", "t change from 2012 to", "check t is", "describe", "load", "load 'x' with",
        "load 'x' with time", "t where not", "t where (a = 1\nor b = 2",
        "t where x = 1; t where",
    ])
    func wantsMore(_ text: String) {
        #expect(Parser.continuation(text) != nil)
    }

    @Test(arguments: [
        "", "  ", "-- just a comment", "applicants", "applicants where origin = RU", "t where (a = 1)", "t show count",
        "help", "help where", "datasets", "quit", "t; u", "t where x = 'a''b'", "t since 2012 -- comment",
        "applicants where origin = RU\n", "t where = 1", "t where x = $", "t where x = 1 2 and", "where",
        "t where (a = $", "select * from", "t where x in (1,\n2)",
        "applicants where origin = 'R", "applicants where origin = \"R", "t show `a b", "t where (x = 'a",
    ])
    func isComplete(_ text: String) {
        #expect(Parser.continuation(text) == nil)
    }

    @Test func continuationSaysWhatItWaitsFor() {
        #expect(Parser.continuation("applicants where") == "after 'where': a condition")
        #expect(Parser.continuation("applicants where origin = RU and") == "after 'and': a condition")
        #expect(Parser.continuation("applicants between 2012") == "after '2012': 'and' and a second year")
        #expect(Parser.continuation("applicants where (origin = RU") == "parenthesis open")
        #expect(Parser.continuation("t where x in (1,") == "parenthesis open")
        #expect(Parser.continuation("let x") == "after 'x': '='")
        #expect(Parser.continuation("t where x = 1; t where") == "after 'where': a condition")
    }

    @Test func unclosedQuoteAtThePromptIsAnErrorAtTheQuote() {
        #expect(rendered("applicants where origin = 'RU", mode: .interactive) == """
            error: unterminated string
             --> <prompt>:1:27
              |
            1 | applicants where origin = 'RU
              |                           ^^^ the closing ' is missing

            """)
    }

    @Test func continuedLinesParse() {
        #expect(parsed("applicants where origin = RU and\ndestination = US", mode: .interactive) == "(applicants (where (and (= origin RU) (= destination US))))")
        #expect(parsed("applicants between 2012\n\nand 2017", mode: .interactive) == "(applicants (between 2012 2017))")
        #expect(parsed("t where x in (1,\n2\n)\nshow count", mode: .script) == "(t (where (in x (1 2))) (show (count)))")
        #expect(parsed("t show\n  count", mode: .interactive) == "(t (show (count)))")
    }

    @Test func promptClauseLinesContinueAQueryThatNeedsMore() {
        #expect(parsed("check t in 2017\n  group by d show share is 38.7%", mode: .interactive) == "(check (t (in 2017) (group-by d) (show (share))) 38.7d%)")
        #expect(parsed("export t\n  group by year to \"x.svg\"", mode: .interactive) == "(export (t (group-by year)) \"x.svg\")")
        #expect(Parser.continuation("check t in 2017") == "after '2017': a clause or 'is' and a number")
    }

    @Test func scriptClausePerLine() {
        let script = """
            applicants
              where origin = RU
                and destination = US
              group by year
              in 2017
              between 2012 and 2017
              show applications
              sort by year desc
              top 3
              limit 2
              since 2012
              until 2020
              having applications > 1
              change from 2012 to 2017
              chart
            countries show count
            """
        #expect(parsed(script) == """
            (applicants (where (and (= origin RU) (= destination US))) (group-by year) (in 2017) (between 2012 2017) \
            (show applications) (sort-by (desc year)) (top 3) (limit 2) (since 2012) (until 2020) \
            (having (> applications 1)) (change 2012 2017) (chart))
            (countries (show (count)))
            """)
    }

    @Test func orContinuesInScripts() {
        #expect(parsed("t where a = 1\n  or b = 2\nu") == "(t (where (or (= a 1) (= b 2))))\n(u)")
    }

    @Test func interactiveLinesDoNotContinue() {
        #expect(parsed("applicants\nwhere origin = RU", mode: .interactive) == """
            error: expected a dataset before 'where'
             --> <test>:2:1
              |
            2 | where origin = RU
              | ^^^^^ a query starts with its dataset, e.g. 'applicants where …'

            """)
    }

    @Test func groupWithoutByDoesNotContinue() {
        #expect(parsed("t\ngroup where x = 1") == "(t)\n(group (where (= x 1)))")
    }

    @Test func semicolonsAndBlankLinesSeparate() {
        #expect(parsed("t; u;;\n\n  v ;") == "(t)\n(u)\n(v)")
        #expect(parsed("t where a = 1; where b = 2") == """
            error: expected a dataset before 'where'
             --> <test>:1:16
              |
            1 | t where a = 1; where b = 2
              |                ^^^^^ a query starts with its dataset, e.g. 'applicants where …'

            """)
    }

    @Test func statementWordStartsANewStatement() {
        #expect(parsed("t where a = 1\nhelp where") == "(t (where (= a 1)))\n(help \"where\")")
    }
}
