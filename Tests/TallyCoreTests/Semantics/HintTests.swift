import Testing
@testable import TallyCore

/// Hints that point the right way: each mistake's whole message, caret and help, as the user sees it.
@Suite struct HintTests {
    let bundled = BundledSession()

    func errors(_ text: String) -> String { bundled.errors(text) }

    /// `top` ranks by the first aggregate whatever `sort by` says, so sorting by another number
    /// is told which rows were kept and how to keep the largest by it instead; sorting the kept
    /// rows by a key is the intended use and says nothing.
    @Test func topBesideASortByAnotherNumberSaysWhatItKept() {
        let cut = bundled.run("applicants where origin = RU and kind = new and unit = persons in 2017 group by destination show applications, applications / 2 as half sort by half desc top 3")
        #expect(cut.errors.contains("warning: top 3 keeps the 3 largest by applications, then sorts them by half"), "\(cut.errors)")
        #expect(cut.errors.contains("= help: for the 3 largest by half, write `sort by half desc limit 3`"), "\(cut.errors)")
        let keys = bundled.run("applicants where origin = RU and kind = new and unit = persons in 2017 group by destination top 3 sort by destination")
        #expect(!keys.errors.contains("top-by") && !keys.errors.contains("largest by"), "\(keys.errors)")
        #expect(keys.output == "destination,applications\nDEU,4884\nFRA,2218\nPOL,2026\n", "the three largest, by name")
    }

    /// A text column beside the keys: one value per group is needed, so it belongs in the keys.
    @Test func columnOutsideTheKeysSuggestsAddingItToTheKeys() {
        #expect(errors("applicants in 2017 group by destination show kind, count") == """
            error: kind is neither a group key nor inside an aggregate
             --> <prompt>:1:46
              |
            1 | applicants in 2017 group by destination show kind, count
              |                                              ^^^^ one value per group is needed
              = help: to see each kind in its own row, add it to the keys: `group by destination, kind`
              = help: or summarize it, e.g. `count(kind)`

            """)
    }

    /// `total` is also a column of decisions: read as the column, the item would be sum(total) / 2.
    @Test func reusingAShowNameIsAnErrorThatWritesTheExpression() {
        #expect(errors("decisions group by destination show sum(recognized) as total, total / 2") == """
            error: 'total' is the name given to `sum(recognized)` in this show
             --> <prompt>:1:63
              |
            1 | decisions group by destination show sum(recognized) as total, total / 2
              |                                                               ^^^^^ names another item
              = help: a show item cannot use another's name; write the expression: `sum(recognized) / 2`
              = help: names given with `as` can be used in `having` and `sort by`
              = help: to mean the column total, write `` `total` ``

            """)
        #expect(errors("applicants group by destination show count as n, n + 1 as m") == """
            error: 'n' is the name given to `count` in this show
             --> <prompt>:1:50
              |
            1 | applicants group by destination show count as n, n + 1 as m
              |                                                  ^ names another item
              = help: a show item cannot use another's name; write the expression: `count + 1`
              = help: names given with `as` can be used in `having` and `sort by`

            """)
    }

    @Test func isBetweenAColumnAndAValueSuggestsEquals() {
        #expect(errors("applicants where origin is RU") == """
            error: 'is' only tests for missing values
             --> <prompt>:1:25
              |
            1 | applicants where origin is RU
              |                         ^^ did you mean 'origin = RU'?
              = help: compare with `=` (or `!=`); `x is missing` and `x is not missing` test for empty cells

            """)
        #expect(errors("applicants where kind is not \"new\"") == """
            error: 'is' only tests for missing values
             --> <prompt>:1:23
              |
            1 | applicants where kind is not "new"
              |                       ^^^^^^ did you mean 'kind != "new"'?
              = help: compare with `=` (or `!=`); `x is missing` and `x is not missing` test for empty cells

            """)
    }

    /// `change` is a clause word only before `from`; elsewhere it is the change query's output column.
    @Test func sortByChangeNamesTheOutputColumn() {
        let output = bundled.run("applicants where origin = RU and destination in (DE, FR) and kind = new change from 2012 to 2017 group by destination sort by change")
        let rows = output.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let changes = rows.compactMap { Int($0[3]) }
        #expect(changes.count == 2 && changes == changes.sorted(), "\(output.output)")
        #expect(parsed("t sort by change desc") == "(t (sort-by (desc change)))")
        #expect(parsed("t having change > 0") == "(t (having (> change 0)))")
    }

    /// A `change` query computes two years' figures; sorting or filtering on anything else (the
    /// measure of both years, another aggregate) is an error naming its columns. It used to stop
    /// tally with an index out of range.
    @Test func changeSortsAndFiltersOnlyOnItsOwnColumns() {
        for query in ["applicants change from 2012 to 2017 sort by applications",
                      "applicants change from 2012 to 2017 having applications > 100",
                      "applicants group by destination change from 2012 to 2017 sort by count"] {
            let text = errors(query)
            #expect(text.hasPrefix("error: a 'change' query compares two years, so only its own columns can be sorted or filtered on"), "\(text)")
            #expect(text.contains("use one of: applications_2012, applications_2017, change, change_pct, contribution_pct"), "\(text)")
        }
        #expect(errors("applicants change from 2012 to 2017 sort by sum(applications)").contains("""
            1 | applicants change from 2012 to 2017 sort by sum(applications)
              |                                             ^^^^^^^^^^^^^^^^^ not one of its columns
            """))
    }

    @Test func valueOfSeveralWordsSuggestsQuotes() {
        #expect(errors("applicants where destination = United States") == """
            error: expected a clause or the end of the statement, found 'States'
             --> <prompt>:1:39
              |
            1 | applicants where destination = United States
              |                                       ^^^^^^ a value of several words needs quotes: "United States"
              = help: write e.g. `destination = "United States"`; a bare word is one value

            """)
    }

    /// A word after a later clause is not part of the comparison's value: `descending` after
    /// `sort by applications` is a sort direction, not the end of `kind = new …`.
    @Test func aSortDirectionSpeltOutSuggestsDesc() {
        #expect(errors("applicants where kind = new group by destination sort by applications descending") == """
            error: expected a clause or the end of the statement, found 'descending'
             --> <prompt>:1:71
              |
            1 | applicants where kind = new group by destination sort by applications descending
              |                                                                       ^^^^^^^^^^ did you mean 'desc'?
              = help: `sort by applications desc` sorts largest first, `asc` smallest first

            """)
        #expect(!errors("applicants where kind = new group by year show applications dsc").contains("needs quotes"))
    }
}
