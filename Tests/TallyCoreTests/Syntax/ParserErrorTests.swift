import Testing
@testable import TallyCore

/// Every syntax error path, with the whole message as the user sees it, caret included.
@Suite struct ParserErrorTests {
    @Test func missingCondition() {
        #expect(rendered("applicants where") == """
            error: expected a condition after 'where'
             --> <prompt>:1:17
              |
            1 | applicants where
              |                 ^

            """)
    }

    @Test func clauseWordIsNotACondition() {
        #expect(rendered("applicants where show count") == """
            error: expected a condition after 'where'
             --> <prompt>:1:18
              |
            1 | applicants where show count
              |                  ^^^^

            """)
    }

    @Test func andAfterATimeClauseNeedsACondition() {
        #expect(rendered("applicants in 2017 and") == """
            error: expected a condition after 'and'
             --> <prompt>:1:23
              |
            1 | applicants in 2017 and
              |                       ^

            """)
    }

    @Test func orAfterATimeClauseIsNotACondition() {
        #expect(rendered("applicants in 2017 or origin = RU") == """
            error: expected a clause or the end of the statement, found 'or'
             --> <prompt>:1:20
              |
            1 | applicants in 2017 or origin = RU
              |                    ^^

            """)
    }

    @Test func misspeltWhere() {
        #expect(rendered("applicants whre origin = RU") == """
            error: expected a clause or the end of the statement, found 'whre'
             --> <prompt>:1:12
              |
            1 | applicants whre origin = RU
              |            ^^^^ did you mean 'where'?

            """)
    }

    @Test func misspeltGroupBy() {
        #expect(rendered("applicants grup by destination") == """
            error: expected a clause or the end of the statement, found 'grup'
             --> <prompt>:1:12
              |
            1 | applicants grup by destination
              |            ^^^^ did you mean 'group by'?

            """)
    }

    @Test func groupWithoutBy() {
        #expect(rendered("applicants group destination") == """
            error: expected 'by' after 'group'
             --> <prompt>:1:17
              |
            1 | applicants group destination
              |                 ^ write 'group by'

            """)
    }

    @Test func selectHabit() {
        #expect(rendered("select * from applicants") == """
            error: tally has no SELECT: write the dataset first, e.g. 'applicants where … show …'
             --> <prompt>:1:1
              |
            1 | select * from applicants
              | ^^^^^^

            """)
    }

    @Test func fromHabit() {
        #expect(rendered("from applicants") == """
            error: tally has no FROM: write the dataset first, e.g. 'applicants where … show …'
             --> <prompt>:1:1
              |
            1 | from applicants
              | ^^^^

            """)
    }

    @Test func orderByHabit() {
        #expect(rendered("applicants order by x") == """
            error: tally has no 'order by'
             --> <prompt>:1:12
              |
            1 | applicants order by x
              |            ^^^^^^^^ did you mean 'sort by'?

            """)
    }

    @Test func sqlJoinHabits() {
        #expect(rendered("applicants LEFT JOIN countries on destination = iso3") == """
            error: tally has no 'LEFT JOIN'
             --> <prompt>:1:12
              |
            1 | applicants LEFT JOIN countries on destination = iso3
              |            ^^^^^^^^^ write 'lookup' to keep every row (a left join) or 'join' to keep the matches (an inner join)

            """)
        #expect(codes("t left outer join u on x") == ["sql-habit"])
        #expect(codes("t inner join u on x") == ["sql-habit"])
        #expect(codes("t left") != ["sql-habit"])
    }

    @Test func showDatasetsHabit() {
        #expect(rendered("show datasets") == """
            error: tally has no 'show datasets'
             --> <prompt>:1:1
              |
            1 | show datasets
              | ^^^^^^^^^^^^^ did you mean 'datasets'?

            """)
    }

    @Test func showTablesHabit() {
        #expect(rendered("show tables") == """
            error: tally has no 'show tables'
             --> <prompt>:1:1
              |
            1 | show tables
              | ^^^^^^^^^^^ did you mean 'datasets'?

            """)
    }

    @Test func clauseWithoutDataset() {
        #expect(rendered("where origin = RU") == """
            error: expected a dataset before 'where'
             --> <prompt>:1:1
              |
            1 | where origin = RU
              | ^^^^^ a query starts with its dataset, e.g. 'applicants where …'

            """)
    }

    @Test func quoteAnd() {
        #expect(rendered("applicants where origin = and") == """
            error: 'and' must be quoted to be used as a value
             --> <prompt>:1:27
              |
            1 | applicants where origin = and
              |                           ^^^ write "and" for the text, or `and` for a column

            """)
    }

    @Test func quoteNot() {
        #expect(rendered("applicants where origin = not RU") == """
            error: 'not' must be quoted to be used as a value
             --> <prompt>:1:27
              |
            1 | applicants where origin = not RU
              |                           ^^^ write "not" for the text, or `not` for a column

            """)
    }

    @Test func fractionalYear() {
        #expect(rendered("applicants since 2012.5") == """
            error: expected a year after 'since'
             --> <prompt>:1:18
              |
            1 | applicants since 2012.5
              |                  ^^^^^^ a year is a whole number

            """)
    }

    @Test func wordForYear() {
        #expect(rendered("applicants since RU") == """
            error: expected a year after 'since'
             --> <prompt>:1:18
              |
            1 | applicants since RU
              |                  ^^

            """)
    }

    @Test func limitZero() {
        #expect(rendered("applicants limit 0") == """
            error: expected a positive whole number after 'limit'
             --> <prompt>:1:18
              |
            1 | applicants limit 0
              |                  ^ 0 would keep nothing

            """)
    }

    @Test func negativeTop() {
        #expect(rendered("applicants top -3") == """
            error: expected a positive whole number after 'top'
             --> <prompt>:1:16
              |
            1 | applicants top -3
              |                ^ write a whole number of 1 or more

            """)
    }

    @Test func fractionalTop() {
        #expect(rendered("applicants top 2.5") == """
            error: expected a positive whole number after 'top'
             --> <prompt>:1:16
              |
            1 | applicants top 2.5
              |                ^^^ write a whole number of 1 or more

            """)
    }

    @Test func unterminatedString() {
        #expect(rendered("applicants where x = 'abc") == """
            error: unterminated string
             --> <prompt>:1:22
              |
            1 | applicants where x = 'abc
              |                      ^^^^ the closing ' is missing

            """)
    }

    @Test func unterminatedName() {
        #expect(rendered("t show `abc") == """
            error: unterminated backquoted name
             --> <prompt>:1:8
              |
            1 | t show `abc
              |        ^^^^ the closing ` is missing

            """)
    }

    @Test func badCharacter() {
        #expect(rendered("applicants where x = $") == """
            error: unexpected character '$'
             --> <prompt>:1:22
              |
            1 | applicants where x = $
              |                      ^

            """)
    }

    @Test func bang() {
        #expect(rendered("applicants where x ! y") == """
            error: unexpected character '!'
             --> <prompt>:1:20
              |
            1 | applicants where x ! y
              |                    ^ write '!=' to compare, or 'not'

            """)
    }

    @Test func ampersands() {
        #expect(rendered("t where a && b") == """
            error: unexpected character '&&'
             --> <prompt>:1:11
              |
            1 | t where a && b
              |           ^^ write 'and'

            """)
    }

    /// One pipe is no operator; two join text (`||`), which a condition then rejects (`ScalarFunctionTests`).
    @Test func pipe() {
        #expect(rendered("t where a | b") == """
            error: unexpected character '|'
             --> <prompt>:1:11
              |
            1 | t where a | b
              |           ^ write 'or', or '||' to join text

            """)
    }

    @Test func unclosedParenthesis() {
        #expect(rendered("t where (a = 1") == """
            error: expected ')' to close '(' after '1'
             --> <prompt>:1:15
              |
            1 | t where (a = 1
              |               ^

            """)
    }

    @Test func likeHabit() {
        #expect(rendered("t where x like 'a%'") == """
            error: tally has no 'like'
             --> <prompt>:1:11
              |
            1 | t where x like 'a%'
              |           ^^^^ use 'contains', 'starts with' or 'ends with'

            """)
    }

    @Test func isNullHabit() {
        #expect(rendered("t where x is null") == """
            error: tally has no 'null'
             --> <prompt>:1:11
              |
            1 | t where x is null
              |           ^^^^^^^ did you mean 'is missing'?

            """)
    }

    @Test func isNotNullHabit() {
        #expect(rendered("t where x is not null") == """
            error: tally has no 'null'
             --> <prompt>:1:11
              |
            1 | t where x is not null
              |           ^^^^^^^^^^^ did you mean 'is not missing'?

            """)
    }

    @Test func isAfterComparison() {
        #expect(rendered("t where a = b is missing") == """
            error: expected a clause or the end of the statement, found 'is'
             --> <prompt>:1:15
              |
            1 | t where a = b is missing
              |               ^^ 'is' cannot follow the right side of a comparison

            """)
    }

    @Test func letWithoutName() {
        #expect(rendered("let = t") == """
            error: expected a name after 'let'
             --> <prompt>:1:5
              |
            1 | let = t
              |     ^

            """)
    }

    @Test func letWithoutEquals() {
        #expect(rendered("let x t") == """
            error: expected '=' after 'x'
             --> <prompt>:1:7
              |
            1 | let x t
              |       ^

            """)
    }

    @Test func unquotedPath() {
        #expect(rendered("load data.csv") == """
            error: expected a file path in quotes after 'load'
             --> <prompt>:1:6
              |
            1 | load data.csv
              |      ^^^^

            """)
    }

    @Test func unknownRole() {
        #expect(rendered("load 'x' with tim y") == """
            error: expected 'time', 'measure' or 'countries' after 'with'
             --> <prompt>:1:15
              |
            1 | load 'x' with tim y
              |               ^^^ did you mean 'time'?

            """)
    }

    @Test func timeTwice() {
        #expect(rendered("load 'x' with time a, time b") == """
            error: the time column is declared twice
             --> <prompt>:1:23
              |
            1 | load 'x' with time a, time b
              |                       ^^^^^^

            """)
    }

    @Test func exportWithoutTo() {
        #expect(rendered("export t") == """
            error: expected a clause or 'to' and a file path after 't'
             --> <prompt>:1:9
              |
            1 | export t
              |         ^

            """)
    }

    @Test func exportUnquotedPath() {
        #expect(rendered("export t to out") == """
            error: expected a file path in quotes after 'to'
             --> <prompt>:1:13
              |
            1 | export t to out
              |             ^^^

            """)
    }

    @Test func datasetsTakesNothing() {
        #expect(rendered("datasets x") == """
            error: expected the end of the statement, found 'x'
             --> <prompt>:1:10
              |
            1 | datasets x
              |          ^

            """)
    }

    @Test func describeWithoutName() {
        #expect(rendered("describe") == """
            error: expected a dataset after 'describe'
             --> <prompt>:1:9
              |
            1 | describe
              |         ^

            """)
    }

    @Test func timerValue() {
        #expect(rendered("set timer maybe") == """
            error: expected 'on' or 'off' after 'timer'
             --> <prompt>:1:11
              |
            1 | set timer maybe
              |           ^^^^^

            """)
    }

    @Test func unknownSetting() {
        #expect(rendered("set formt csv") == """
            error: expected a setting ('timer', 'format', 'dialect', 'memory', 'rows', 'width', 'layout' or 'names') after 'set'
             --> <prompt>:1:5
              |
            1 | set formt csv
              |     ^^^^^ did you mean 'format'?

            """)
    }

    @Test func unknownFormat() {
        #expect(rendered("set format xml") == """
            error: expected a format ('table', 'csv', 'tsv', 'json' or 'markdown') after 'format'
             --> <prompt>:1:12
              |
            1 | set format xml
              |            ^^^

            """)
    }

    @Test func memoryZero() {
        #expect(rendered("set memory 0") == """
            error: expected a positive whole number after 'memory'
             --> <prompt>:1:12
              |
            1 | set memory 0
              |            ^ 0 would keep nothing

            """)
    }

    @Test func checkWithoutNumber() {
        #expect(rendered("check t is") == """
            error: expected a number after 'is'
             --> <prompt>:1:11
              |
            1 | check t is
              |           ^

            """)
    }

    @Test func checkWithoutIs() {
        #expect(rendered("check t") == """
            error: expected a clause or 'is' and a number after 't'
             --> <prompt>:1:8
              |
            1 | check t
              |        ^

            """)
    }

    @Test func misspeltStatement() {
        #expect(rendered("descibe applicants") == """
            error: expected a clause or the end of the statement, found 'applicants'
             --> <prompt>:1:9
              |
            1 | descibe applicants
              |         ^^^^^^^^^^
              = help: did you mean the statement 'describe'?

            """)
    }

    @Test func aliasWithoutName() {
        #expect(rendered("t show sum(x) as") == """
            error: expected a name after 'as'
             --> <prompt>:1:17
              |
            1 | t show sum(x) as
              |                 ^

            """)
    }

    @Test func invalidNumber() {
        #expect(rendered("t where x = 12abc") == """
            error: invalid number '12abc'
             --> <prompt>:1:13
              |
            1 | t where x = 12abc
              |             ^^^^^ a number is digits with an optional fraction and exponent

            """)
    }

    @Test func emptyList() {
        #expect(rendered("t where x in ()") == """
            error: expected a value after '('
             --> <prompt>:1:15
              |
            1 | t where x in ()
              |               ^

            """)
    }

    @Test func trailingCommaInList() {
        #expect(rendered("t where x in (1,)") == """
            error: expected a value after ','
             --> <prompt>:1:17
              |
            1 | t where x in (1,)
              |                 ^

            """)
    }

    @Test func betweenWithoutAnd() {
        #expect(rendered("t between 2012") == """
            error: expected 'and' and a second year after '2012'
             --> <prompt>:1:15
              |
            1 | t between 2012
              |               ^

            """)
    }

    @Test func changeWithoutTo() {
        #expect(rendered("t change from 2012") == """
            error: expected 'to' and a year after '2012'
             --> <prompt>:1:19
              |
            1 | t change from 2012
              |                   ^

            """)
    }

    @Test func changeWithoutFrom() {
        #expect(rendered("t change 2012 to 2017") == """
            error: expected 'from' and a year after 'change'
             --> <prompt>:1:10
              |
            1 | t change 2012 to 2017
              |          ^^^^

            """)
    }

    @Test func emptyBackquotes() {
        #expect(rendered("t where `` = 1") == """
            error: a backquoted name cannot be empty
             --> <prompt>:1:9
              |
            1 | t where `` = 1
              |         ^^ write a name between the backquotes

            """)
    }

    @Test func directionTwice() {
        #expect(rendered("t sort by x desc desc") == """
            error: expected a clause or the end of the statement, found 'desc'
             --> <prompt>:1:18
              |
            1 | t sort by x desc desc
              |                  ^^^^

            """)
    }

    @Test func twoValues() {
        #expect(rendered("t where x = 1 2") == """
            error: expected a clause or the end of the statement, found '2'
             --> <prompt>:1:15
              |
            1 | t where x = 1 2
              |               ^

            """)
    }

    @Test func startsWithAnd() {
        #expect(rendered("and x") == """
            error: a statement cannot start with 'and'
             --> <prompt>:1:1
              |
            1 | and x
              | ^^^

            """)
    }

    @Test func andIsNotACondition() {
        #expect(rendered("t where and") == """
            error: expected a condition after 'where'
             --> <prompt>:1:9
              |
            1 | t where and
              |         ^^^

            """)
    }

    /// A statement may start with a parenthesised query (`(t where x = 1) group by y`), which
    /// needs a dataset inside, or with a parenthesised calculation (`(1)`).
    @Test func parenthesisAtStart() {
        #expect(rendered("(t)") == "")
        #expect(rendered("(1)") == "")
        #expect(rendered("(,)") == """
            error: expected a dataset after '('
             --> <prompt>:1:2
              |
            1 | (,)
              |  ^

            """)
    }

    @Test func minusWithoutOperand() {
        #expect(rendered("t where x = -") == """
            error: expected a value after '-'
             --> <prompt>:1:14
              |
            1 | t where x = -
              |              ^

            """)
    }

    @Test func notInYear() {
        #expect(rendered("t where x not in 2017") == """
            error: expected a list in parentheses or a group after 'in'
             --> <prompt>:1:18
              |
            1 | t where x not in 2017
              |                  ^^^^

            """)
    }

    @Test func trailingComma() {
        #expect(rendered("t show count ,") == """
            error: expected an item after ','
             --> <prompt>:1:15
              |
            1 | t show count ,
              |               ^

            """)
    }

    @Test func yearTooBig() {
        #expect(rendered("t since 99999999999999999999") == """
            error: expected a year after 'since'
             --> <prompt>:1:9
              |
            1 | t since 99999999999999999999
              |         ^^^^^^^^^^^^^^^^^^^^

            """)
    }

    @Test func fromAfterQuery() {
        #expect(rendered("t show count from applicants") == """
            error: tally has no 'from': a query starts with its dataset
             --> <prompt>:1:14
              |
            1 | t show count from applicants
              |              ^^^^ write e.g. 'applicants where …'

            """)
    }

    @Test func missingDatasetAfterLet() {
        #expect(rendered("let x = where a = 1") == """
            error: expected a dataset after '='
             --> <prompt>:1:9
              |
            1 | let x = where a = 1
              |         ^^^^^

            """)
    }

    @Test func deepParenthesesAreAnErrorNotACrash() {
        let text = "t where " + String(repeating: "(", count: 100_000) + "x"
        let diagnostics = Parser.parse(SourceFile(name: "<prompt>", text: text), mode: .script).diagnostics
        #expect(diagnostics.map(\.code) == ["nesting-too-deep"])
        #expect(diagnostics.first?.message == "expression is nested too deeply (more than 256 levels)")
        #expect(diagnostics.first?.span == SourceSpan(start: 8 + 256, end: 8 + 257))
    }

    @Test func deepNotAndMinusAreErrors() {
        let nots = "t where " + String(repeating: "not ", count: 100_000) + "x"
        #expect(codes(nots) == ["nesting-too-deep"])
        let minuses = "t show " + String(repeating: "- ", count: 100_000) + "x"
        #expect(codes(minuses) == ["nesting-too-deep"])
    }

    @Test func tooLongStatement() {
        let text = "t where x in (" + String(repeating: "1, ", count: 60_000) + "1)"
        #expect(codes(text) == ["statement-too-long"])
        #expect(rendered(text).hasPrefix("error: statement is too long (more than 100000 tokens)\n --> <prompt>:1:1\n"))
    }

    @Test func scriptReportsEveryError() {
        let script = """
            applicants whre origin = RU
            applicants where origin = RU
              group destination
            countries show count

            applicants since 20x2
            select * from applicants
            """
        #expect(rendered(script, name: "lesson.tally") == """
            error: expected a clause or the end of the statement, found 'whre'
             --> lesson.tally:1:12
              |
            1 | applicants whre origin = RU
              |            ^^^^ did you mean 'where'?
            error: expected 'by' after 'group'
             --> lesson.tally:3:8
              |
            3 |   group destination
              |        ^ write 'group by'
            error: invalid number '20x2'
             --> lesson.tally:6:18
              |
            6 | applicants since 20x2
              |                  ^^^^ a number is digits with an optional fraction and exponent
            error: tally has no SELECT: write the dataset first, e.g. 'applicants where … show …'
             --> lesson.tally:7:1
              |
            7 | select * from applicants
              | ^^^^^^

            """)
        let result = Parser.parse(SourceFile(name: "s", text: script), mode: .script)
        #expect(result.statements.map(SExpression.of) == ["(applicants (where (= origin RU)))", "(countries (show (count)))"])
    }

    @Test func errorsAfterAContinuedClauseSkipItsLines() {
        let script = "applicants where = 1\n  group by x\n  show count\ncountries"
        #expect(codes(script) == ["unexpected-token"])
        #expect(Parser.parse(SourceFile(name: "s", text: script), mode: .script).statements.count == 1)
    }

    @Test func stableCodes() {
        #expect(codes("t since x") == ["expected-year"])
        #expect(codes("t since") == ["expected-year"])
        #expect(codes("t limit 0") == ["expected-count"])
        #expect(codes("t where") == ["unexpected-end"])
        #expect(codes("t where x = 'a") == ["unterminated-string"])
        #expect(codes("select x from t") == ["sql-habit"])
        #expect(codes("where x = 1") == ["missing-dataset"])
        #expect(codes("t where x = or") == ["reserved-word"])
        #expect(codes("set colour on") == ["unknown-setting"])
        #expect(codes("load x") == ["expected-path"])
    }
}
