import Testing
@testable import TallyCore
import TallyData

/// Every error the binder raises, drawn in full: message, location, caret and hint.
@Suite struct BinderErrorTests {
    let session: Session = {
        let session = Session()
        _ = BundledData.load(into: session, output: BufferedOutput())
        return session
    }()

    /// The rendered errors of running `text` at the prompt.
    func errors(_ text: String) -> String {
        let output = BufferedOutput()
        let outcome = session.run(SourceFile(name: "<prompt>", text: text), mode: .interactive, output: output)
        #expect(outcome == .failure, "\(text) should fail")
        return output.errors
    }

    @Test func unknownDatasetSuggestsTheClosest() {
        #expect(errors("aplicants group by year") == """
            error: unknown dataset 'aplicants'
             --> <prompt>:1:1
              |
            1 | aplicants group by year
              | ^^^^^^^^^ did you mean 'applicants'?
              = help: datasets: applicants, decisions, destination_totals, countries, population

            """)
    }

    @Test func unknownColumnListsColumnsWhenNothingIsClose() {
        #expect(errors("countries show population") == """
            error: unknown column 'population' in countries
             --> <prompt>:1:16
              |
            1 | countries show population
              |                ^^^^^^^^^^
              = help: columns: iso3, iso2, unhcr_code, name, short_name, aliases, region, subregion, eu_joined, eu_left

            """)
    }

    @Test func misspeltItemSuggestsTheItem() {
        #expect(errors("applicants where origin = RU group by year show applications, grwoth") == """
            error: unknown column 'grwoth' in applicants
             --> <prompt>:1:63
              |
            1 | applicants where origin = RU group by year show applications, grwoth
              |                                                               ^^^^^^ did you mean 'growth'?

            """)
    }

    @Test func typeMismatchPointsAtTheValue() {
        #expect(errors("applicants where year = \"2012\"") == """
            error: cannot compare year (a number) with "2012" (text)
             --> <prompt>:1:25
              |
            1 | applicants where year = "2012"
              |                         ^^^^^^ text, not a number
              = help: year holds numbers: compare it with a number

            """)
    }

    @Test func columnOutsideGroupsNamesTheFix() {
        #expect(errors("applicants group by destination show kind") == """
            error: kind is neither a group key nor inside an aggregate
             --> <prompt>:1:38
              |
            1 | applicants group by destination show kind
              |                                      ^^^^ one value per group is needed
              = help: to see each kind in its own row, add it to the keys: `group by destination, kind`
              = help: or summarize it, e.g. `count(kind)`

            """)
    }

    @Test func mixingAggregatesAndColumnsWithoutGroups() {
        #expect(errors("applicants show destination, sum(applications)") == """
            error: this show mixes aggregates with plain columns, but the query has no group by
             --> <prompt>:1:17
              |
            1 | applicants show destination, sum(applications)
              |                 ^^^^^^^^^^^ a plain column
              = help: add `group by destination`, or summarize it too, e.g. `max(destination)`

            """)
        // The caret is on the column, not on the whole item around it.
        #expect(errors("applicants show sum(applications) / origin") == """
            error: this show mixes aggregates with plain columns, but the query has no group by
             --> <prompt>:1:37
              |
            1 | applicants show sum(applications) / origin
              |                                     ^^^^^^ a plain column
              = help: add `group by origin`, or summarize it too, e.g. `max(origin)`

            """)
    }

    @Test func reversedBetweenSuggestsTheSwap() {
        #expect(errors("applicants between 2017 and 2012") == """
            error: the years of 'between' are the wrong way round
             --> <prompt>:1:20
              |
            1 | applicants between 2017 and 2012
              |                    ^^^^^^^^^^^^^ did you mean 'between 2012 and 2017'?

            """)
    }

    @Test func timeClauseWithoutTimeColumn() {
        #expect(errors("countries in 2017") == """
            error: countries has no time column
             --> <prompt>:1:11
              |
            1 | countries in 2017
              |           ^^ time clauses need one
              = help: filter with `where`, e.g. `countries where COLUMN >= 2012`, or declare one with `load … with time COLUMN`

            """)
    }

    @Test func repeatedClause() {
        #expect(errors("applicants top 3 group by year top 4") == """
            error: 'top' is given twice in one query
             --> <prompt>:1:32
              |
            1 | applicants top 3 group by year top 4
              |                                ^^^ only one 'top' clause is allowed
              = help: 'where' and the time clauses may repeat; every other clause comes at most once

            """)
    }

    @Test func aggregateInWhere() {
        #expect(errors("applicants where sum(applications) > 5") == """
            error: 'sum' summarizes groups and cannot be used here
             --> <prompt>:1:18
              |
            1 | applicants where sum(applications) > 5
              |                  ^^^^^^^^^^^^^^^^^ an aggregate
              = help: to filter on an aggregate, use `having`, e.g. `… group by destination having sum(applications) > 100`

            """)
    }

    @Test func havingWithoutGroups() {
        #expect(errors("applicants having applications > 5").hasPrefix("""
            error: 'having' filters groups, and this query has none
            """))
    }

    @Test func unknownCountryAndAmbiguousPrefix() {
        #expect(errors("applicants where destination = Germny").contains("^^^^^^ did you mean DE (Germany)?"))
        #expect(errors("applicants where origin = Kingdom").hasPrefix("error: 'Kingdom' could be several countries\n"))
    }

    @Test func unknownFunctionAndBadArguments() {
        #expect(errors("applicants group by year show summ(applications)").contains("^^^^ did you mean 'sum'?"))
        #expect(errors("applicants group by year show sum(applications, year)")
            .hasPrefix("error: 'sum' takes one column or expression\n"))
        #expect(errors("applicants group by year show sum(kind)").hasPrefix("error: 'sum' needs numbers, and kind is text\n"))
    }

    @Test func topNeedsAMeasure() {
        #expect(errors("countries top 3").contains("= help: sort and cut instead, e.g. `countries sort by COLUMN desc limit 3`"))
    }

    @Test func duplicateOutputNames() {
        #expect(errors("applicants group by year show sum(applications) as year")
            .hasPrefix("error: the result would have two columns named 'year'\n"))
    }

    @Test func groupOnNonCountryColumn() {
        #expect(errors("applicants where kind in EU").hasPrefix("error: 'in EU' works on country columns\n"))
        #expect(errors("applicants where destination in Atlantis").hasPrefix("error: unknown country group 'Atlantis'\n"))
    }

    @Test func shareAndRankNeedANumericFirstAggregate() {
        #expect(errors("countries group by region show min(name), rank")
            .hasPrefix("error: 'rank' needs a number to work from, and the first aggregate is text\n"))
    }

    @Test func conditionMustBeAQuestion() {
        #expect(errors("applicants where applications + 1").hasPrefix("error: this condition is not a yes/no question\n"))
    }

    @Test func letCannotReplaceBundledData() {
        #expect(errors("let applicants = countries limit 1").hasPrefix("error: 'applicants' is already a bundled dataset\n"))
    }

    @Test func sessionSurvivesErrors() {
        _ = errors("aplicants")
        let output = BufferedOutput()
        session.settings.format = .csv
        defer { session.settings.format = .table }
        #expect(session.run(SourceFile(name: "<prompt>", text: "countries show count"), mode: .interactive, output: output) == .success)
        #expect(output.output == "count\n232\n")
    }
}
