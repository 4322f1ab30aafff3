import Testing
@testable import TallyCore

/// A clause word written right after a `group by` key, a `show` item or a `sort by` key starts
/// the clause; it is never swallowed into the key as a predicate (`year between 2014 and 2016`).
@Suite struct ClauseAfterKeyTests {
    /// The learner's query from a lesson joined into one line: the years filter, the key stays `year`.
    @Test func betweenAfterAGroupKeyIsATimeClause() {
        #expect(parsed("destination_totals where destination = Germany and kind = new group by year between 2014 and 2016") == """
            (destination_totals (where (and (= destination Germany) (= kind new))) (group-by year) (between 2014 2016))
            """)
    }

    @Test func betweenAfterAShowItemOrSortKeyIsATimeClause() {
        #expect(parsed("t group by g show sum(x) between 2014 and 2016") == "(t (group-by g) (show (sum x)) (between 2014 2016))")
        #expect(parsed("t group by g show x as y between 2014 and 2016") == "(t (group-by g) (show (as x y)) (between 2014 2016))")
        #expect(parsed("t sort by x between 2014 and 2016") == "(t (sort-by x) (between 2014 2016))")
        #expect(parsed("t sort by x desc between 2014 and 2016") == "(t (sort-by (desc x)) (between 2014 2016))")
        #expect(parsed("t group by g, year - 1 between 2014 and 2016") == "(t (group-by g (- year 1)) (between 2014 2016))")
    }

    @Test func inAYearAfterAKeyOrItemIsATimeClause() {
        #expect(parsed("t group by g in 2017") == "(t (group-by g) (in 2017))")
        #expect(parsed("t group by g show count in 2017") == "(t (group-by g) (show (count)) (in 2017))")
        #expect(parsed("t sort by x in 2017") == "(t (sort-by x) (in 2017))")
    }

    /// Every other clause word after a key or an item starts its clause.
    @Test func everyClauseWordAfterAKeyStartsItsClause() {
        #expect(parsed("t group by g since 2012") == "(t (group-by g) (since 2012))")
        #expect(parsed("t group by g until 2012") == "(t (group-by g) (until 2012))")
        #expect(parsed("t group by g top 3") == "(t (group-by g) (top 3))")
        #expect(parsed("t group by g limit 3") == "(t (group-by g) (limit 3))")
        #expect(parsed("t group by g chart") == "(t (group-by g) (chart))")
        #expect(parsed("t group by g across year top 3") == "(t (group-by g) (across year) (top 3))")
        #expect(parsed("t across year between 2014 and 2016") == "(t (across year) (between 2014 2016))")
        #expect(parsed("t group by g change from 2012 to 2017") == "(t (group-by g) (change 2012 2017))")
        #expect(parsed("t group by g where x = 1") == "(t (group-by g) (where (= x 1)))")
        #expect(parsed("t group by g having count > 1") == "(t (group-by g) (having (> (count) 1)))")
        #expect(parsed("t group by g show count since 2012") == "(t (group-by g) (show (count)) (since 2012))")
        #expect(parsed("t group by g show count until 2012") == "(t (group-by g) (show (count)) (until 2012))")
        #expect(parsed("t group by g show count top 3") == "(t (group-by g) (show (count)) (top 3))")
        #expect(parsed("t group by g show count limit 3") == "(t (group-by g) (show (count)) (limit 3))")
        #expect(parsed("t group by g show count chart") == "(t (group-by g) (show (count)) (chart))")
        #expect(parsed("t group by g show count change from 2012 to 2017") == "(t (group-by g) (show (count)) (change 2012 2017))")
        #expect(parsed("t group by g show count sort by g") == "(t (group-by g) (show (count)) (sort-by g))")
        #expect(parsed("t sort by x since 2012") == "(t (sort-by x) (since 2012))")
        #expect(parsed("t sort by x group by g") == "(t (sort-by x) (group-by g))")
        #expect(parsed("t where x = 1 in 2017") == "(t (where (= x 1)) (in 2017))")
        #expect(parsed("t where x = a top 3") == "(t (where (= x a)) (top 3))")
    }

    /// In parentheses, or inside a function's arguments, a predicate is a predicate.
    @Test func parenthesesKeepThePredicate() {
        #expect(parsed("t group by (year between 2014 and 2016)") == "(t (group-by (between year 2014 2016)))")
        #expect(parsed("t show (destination in EU)") == "(t (show (in-group destination EU)))")
        #expect(parsed("t group by g show sum(x in (1, 2))") == "(t (group-by g) (show (sum (in x (1 2)))))")
        #expect(parsed("t having count between 2 and 5") == "(t (having (between (count) 2 5)))")
        #expect(parsed("t where year between 2014 and 2016") == "(t (where (between year 2014 2016)))")
    }

    /// `in EU` after a key reads as a filter but would group by true/false: an error that offers both.
    @Test func countryGroupAfterAKeyNeedsParentheses() {
        #expect(rendered("applicants where origin = RU group by destination in EU in 2017") == """
            error: 'in' after a group key needs parentheses
             --> <prompt>:1:39
              |
            1 | applicants where origin = RU group by destination in EU in 2017
              |                                       ^^^^^^^^^^^^^^^^^ a condition as a group key
              = help: to keep only the rows where it holds, write `where destination in EU`
              = help: for a true/false group key, write `(destination in EU)`

            """)
    }

    @Test func listOrBoundsAfterAnItemNeedParentheses() {
        #expect(rendered("t show x in (1, 2)") == """
            error: 'in' after a show item needs parentheses
             --> <prompt>:1:8
              |
            1 | t show x in (1, 2)
              |        ^^^^^^^^^^^ a condition as a show item
              = help: to keep only the rows where it holds, write `where x in (1, 2)`
              = help: for a true/false show item, write `(x in (1, 2))`

            """)
        #expect(rendered("t sort by year not between 2014 and 2016") == """
            error: 'between' after a sort key needs parentheses
             --> <prompt>:1:11
              |
            1 | t sort by year not between 2014 and 2016
              |           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ a condition as a sort key
              = help: to keep only the rows where it holds, write `where year not between 2014 and 2016`
              = help: for a true/false sort key, write `(year not between 2014 and 2016)`

            """)
    }
}
