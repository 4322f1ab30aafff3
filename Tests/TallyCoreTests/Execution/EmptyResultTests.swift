import Testing
@testable import TallyCore

/// A filter that keeps no row says which condition removed every row and what the column holds
/// (a value written after `=` that the column lacks is warned about instead: `AbsentValueTests`).
/// The bundled facts were read with sqlite3 from applicants.csv: kind holds other, new, repeat,
/// appeal; unit holds persons, cases; years run from 2000 to 2025; applications from 5 to 271,237.
@Suite struct EmptyResultTests {
    let bundled = BundledSession()

    func run(_ text: String) -> (output: String, errors: String) { bundled.run(text) }

    @Test func misspeltValueNamesTheConditionAndTheClosestValue() {
        let run = run("applicants where kind contains nwe show count")
        #expect(run.output == "count\n0\n")
        #expect(run.errors == """
            note: `kind contains nwe` matches no row of applicants
              = help: kind holds: appeal, new, other, repeat; did you mean 'new'?

            """)
    }

    @Test func valueNothingIsCloseToListsTheValues() {
        #expect(run("applicants where kind contains \"first-time\" group by year").errors == """
            note: `kind contains "first-time"` matches no row of applicants
              = help: kind holds: appeal, new, other, repeat

            """)
        #expect(run("applicants where kind contains 1 show count").errors == """
            note: `kind contains 1` matches no row of applicants
              = help: kind holds: appeal, new, other, repeat

            """)
        #expect(run("applicants where unit ends with person show count").errors == """
            note: `unit ends with person` matches no row of applicants
              = help: unit holds: cases, persons; did you mean 'persons'?

            """)
    }

    @Test func timeClauseGivesTheYearsTheDataCover() {
        #expect(run("applicants where origin = RU since 2030 group by destination").errors == """
            note: `since 2030` matches no row of applicants
              = help: the data cover 2000 to 2025 (year)

            """)
    }

    @Test func numericConditionGivesTheColumnsRange() {
        #expect(run("applicants where applications > 99999999 show count").errors == """
            note: `applications > 99999999` matches no row of applicants
              = help: applications runs from 5 to 271,237

            """)
    }

    /// Each condition matches rows, but not together: the one that removes the last rows is named,
    /// with what its column holds among the rows left (sample `t`: 2012 has DEU new and ITA other).
    @Test func conditionsThatOnlyFailTogether() {
        let harness = QueryHarness()
        let run = harness.run("t in 2012 where kind = repeat and country = DEU")
        #expect(run.output == "year,country,kind,n,x\n")
        #expect(run.errors == """
            note: `kind = repeat` matches none of the 2 rows left by `in 2012`
              = help: there, kind holds: new, other

            """)
    }

    @Test func resultsWithRowsHaveNoNote() {
        #expect(run("applicants where kind = new in 2017 show count").errors == "")
    }

    @Test func countryGroupWrittenAsACountrySuggestsIn() {
        let errors = bundled.errors
        #expect(errors("applicants where destination = EU show count") == """
            error: 'EU' is a group of countries, not a country
             --> <prompt>:1:32
              |
            1 | applicants where destination = EU show count
              |                                ^^ did you mean `destination in EU`?
              = help: `in` keeps the rows whose destination belongs to the group; `help eu` explains groups

            """)
        #expect(errors("applicants where destination = Europe") == """
            error: 'Europe' is a group of countries, not a country
             --> <prompt>:1:32
              |
            1 | applicants where destination = Europe
              |                                ^^^^^^ did you mean `destination in "Europe"`?
              = help: `in` keeps the rows whose destination belongs to the group; `help eu` explains groups

            """)
    }
}
