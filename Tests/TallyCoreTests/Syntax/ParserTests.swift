import Testing
@testable import TallyCore

@Suite struct ParserTests {
    @Test func queryWithClausesInAnyOrder() {
        let a = parsed("applicants where origin = RU group by destination since 2012")
        #expect(a == "(applicants (where (= origin RU)) (group-by destination) (since 2012))")
        let b = parsed("applicants since 2012 group by destination where origin = RU")
        #expect(b == "(applicants (since 2012) (group-by destination) (where (= origin RU)))")
    }

    @Test func everyClause() {
        let text = """
            applicants where a = 1 having applications > 10 since 2012 until 2017 in 2015 between 2012 and 2017 \
            group by destination, year show sum(applications) as total, count, share, rank \
            sort by total desc, destination asc, year top 5 limit 3 change from 2012 to 2017 chart
            """
        #expect(parsed(text) == """
            (applicants (where (= a 1)) (having (> applications 10)) (since 2012) (until 2017) (in 2015) \
            (between 2012 2017) (group-by destination year) (show (as (sum applications) total) (count) (share) (rank)) \
            (sort-by (desc total) (asc destination) year) (top 5) (limit 3) (change 2012 2017) (chart))
            """)
    }

    @Test func precedence() {
        #expect(parsed("t where a = 1 or b = 2 and not c = 3") == "(t (where (or (= a 1) (and (= b 2) (not (= c 3))))))")
        #expect(parsed("t where (a = 1 or b = 2) and c = 3") == "(t (where (and (or (= a 1) (= b 2)) (= c 3))))")
        #expect(parsed("t show a + b * c - d / e") == "(t (show (- (+ a (* b c)) (/ d e))))")
        #expect(parsed("t show -a * b") == "(t (show (* (- a) b)))")
        #expect(parsed("t where x + 1 > y * 2") == "(t (where (> (+ x 1) (* y 2))))")
        #expect(parsed("t where not not x") == "(t (where (not (not x))))")
        #expect(parsed("t show year -3") == "(t (show (- year 3)))")
    }

    @Test func predicates() {
        #expect(parsed("t where x in (a, b, 3)") == "(t (where (in x (a b 3))))")
        #expect(parsed("t where x not in ('a')") == "(t (where (not-in x (\"a\"))))")
        #expect(parsed("t where x between 1 and 5 and y = 2") == "(t (where (and (between x 1 5) (= y 2))))")
        #expect(parsed("t where x not between 1 + 1 and 5") == "(t (where (not-between x (+ 1 1) 5)))")
        #expect(parsed("t where x is missing or y is not missing") == "(t (where (or (is-missing x) (is-not-missing y))))")
        #expect(parsed("t where name contains land") == "(t (where (contains name land)))")
        #expect(parsed("t where name starts with 'Ge' and name ends with any") == "(t (where (and (starts-with name \"Ge\") (ends-with name any))))")
        #expect(parsed("t where destination in EU") == "(t (where (in-group destination EU)))")
        #expect(parsed("t where destination in \"Western Europe\"") == "(t (where (in-group destination Western Europe)))")
        #expect(parsed("t where destination not in EU") == "(t (where (not (in-group destination EU))))")
    }

    @Test func bareWordsOnTheRight() {
        #expect(parsed("t where origin = BY") == "(t (where (= origin BY)))")
        #expect(parsed("t where destination = IN") == "(t (where (= destination IN)))")
        #expect(parsed("t where destination in (IS, TO, where)") == "(t (where (in destination (IS TO where))))")
        #expect(parsed("t where a = show show a") == "(t (where (= a show)) (show a))")
        #expect(parsed("t where a = true") == "(t (where (= a true)))")
        #expect(parsed("t where `count` = count") == "(t (where (= `count` count)))")
    }

    @Test func attachRules() {
        #expect(parsed("t where kind = new in 2017") == "(t (where (= kind new)) (in 2017))")
        #expect(parsed("t where origin = RU between 2012 and 2017") == "(t (where (= origin RU)) (between 2012 2017))")
        #expect(parsed("t where year between 2012 and 2017") == "(t (where (between year 2012 2017)))")
        #expect(parsed("t where destination in 2017") == "(t (where destination) (in 2017))")
    }

    @Test func itemWords() {
        #expect(parsed("t where count > 3 show count, count(*), count(x)") == "(t (where (> count 3)) (show (count) (count *) (count x)))")
        #expect(parsed("t group by rank having count > 10 sort by share desc") == "(t (group-by rank) (having (> (count) 10)) (sort-by (desc (share))))")
        #expect(parsed("t show `count`, year, kind, unit") == "(t (show `count` year kind unit))")
        #expect(parsed("t sort by x asc") == "(t (sort-by (asc x)))")
    }

    @Test func groupAndSortAreKeywordsOnlyBeforeBy() {
        #expect(parsed("group where sort = 1") == "(group (where (= sort 1)))")
        #expect(parsed("t where group > sort") == "(t (where (> group sort)))")
    }

    @Test func numbers() {
        #expect(parsed("t where x = 1_000 or x = 2.5 or x = 1e3 or x = .5") == "(t (where (or (or (or (= x 1000) (= x 2.5d)) (= x 1e3d)) (= x .5d))))")
        #expect(parsed("t where x = -9223372036854775808") == "(t (where (= x -9223372036854775808)))")
        #expect(parsed("t where x = 9223372036854775808") == "(t (where (= x 9223372036854775808d)))")
        #expect(parsed("t where x = -9223372036854775807") == "(t (where (= x (- 9223372036854775807))))")
        #expect(parsed("t where x = -9223372036854775809") == "(t (where (= x (- 9223372036854775809d))))")
        #expect(parsed("t where zip = 08123") == "(t (where (= zip 08123)))")
    }

    @Test func foldedMinimumIsAnInteger() throws {
        let s = try #require(statement("t where x = -9223372036854775808"))
        guard case .query(let q) = s.kind, case .where(let c) = q.clauses[0].kind, case .comparison(_, _, let r) = c.kind,
            case .number(let literal) = r.kind
        else { Issue.record("not a comparison"); return }
        #expect(literal == NumberLiteral(text: "-9223372036854775808", value: .integer(Int64.min)))
        #expect(r.span == SourceSpan(start: 12, end: 32))
    }

    @Test func statements() {
        #expect(parsed("let ru = applicants where origin = RU") == "(let ru (applicants (where (= origin RU))))")
        #expect(parsed("load \"data/x.csv\"") == "(load \"data/x.csv\")")
        #expect(parsed("load 'x.csv' as `my data` with time yr, measure a, b, countries c, d") == "(load \"x.csv\" as `my data` (time yr) (measures a b) (countries c d))")
        #expect(parsed("export applicants in 2017 to \"out.csv\"") == "(export (applicants (in 2017)) \"out.csv\")")
        #expect(parsed("export applicants group by year to \"x.svg\" TITLED \"Applications, 2000–2025\"") == "(export (applicants (group-by year)) \"x.svg\" (titled \"Applications, 2000–2025\"))")
        #expect(parsed("datasets") == "(datasets)")
        #expect(parsed("DESCRIBE applicants") == "(describe applicants)")
        #expect(parsed("explain applicants top 3") == "(explain (applicants (top 3)))")
        #expect(parsed("help") == "(help)")
        #expect(parsed("help group   by") == "(help \"group by\")")
        #expect(parsed("set timer on; set timer OFF; set format csv; set dialect spark; set memory 512") == "(set timer on)\n(set timer off)\n(set format csv)\n(set dialect spark)\n(set memory 512)")
        #expect(parsed("set rows 10; set width 60; set width auto; set layout VERTICAL; set names off") == "(set rows 10)\n(set width 60)\n(set width auto)\n(set layout vertical)\n(set names off)")
        #expect(parsed("check applicants in 2017 is 38.7% within 2%") == "(check (applicants (in 2017)) 38.7d% within 2.0)")
        #expect(parsed("check t where a = b is -5") == "(check (t (where (= a b))) -5)")
        #expect(parsed("cite applicants") == "(cite applicants)")
        #expect(parsed("sql applicants since 2012") == "(sql (applicants (since 2012)))")
        #expect(parsed("quit\nexit") == "(quit)\n(quit)")
    }

    @Test func keywordsAreCaseInsensitive() {
        #expect(parsed("t WHERE x = 1 Group BY y SHOW Count") == "(t (where (= x 1)) (group-by y) (show (Count)))")
    }

    @Test func statementWordsOnlyAtTheStart() {
        #expect(parsed("t where help = load show describe") == "(t (where (= help load)) (show describe))")
        #expect(parsed("`help` where x = 1") == "(`help` (where (= x 1)))")
    }

    @Test func stringsAndNames() {
        #expect(parsed("t where name = 'it''s' or name = \"say \"\"hi\"\"\"") == "(t (where (or (= name \"it's\") (= name \"say \"hi\"\"))))")
        #expect(parsed("t where `Country of asylum` = Türkiye") == "(t (where (= `Country of asylum` Türkiye)))")
    }

    @Test func spans() throws {
        let s = try #require(statement("applicants  where origin = RU group by destination"))
        #expect(s.span == SourceSpan(start: 0, end: 50))
        guard case .query(let q) = s.kind else { Issue.record("not a query"); return }
        #expect(q.source.span == SourceSpan(start: 0, end: 10))
        #expect(q.clauses[0].span == SourceSpan(start: 12, end: 29))
        #expect(q.clauses[0].keywordSpan == SourceSpan(start: 12, end: 17))
        #expect(q.clauses[1].keywordSpan == SourceSpan(start: 30, end: 38))
        #expect(q.clauses[1].span == SourceSpan(start: 30, end: 50))
        guard case .where(let c) = q.clauses[0].kind else { Issue.record("not a where clause"); return }
        #expect(c.span == SourceSpan(start: 18, end: 29))
    }

    @Test func parenthesisSpanCoversParentheses() throws {
        let s = try #require(statement("t show (a + b) * 2"))
        guard case .query(let q) = s.kind, case .show(let items) = q.clauses[0].kind,
            case .arithmetic(_, let left, _) = items[0].expr.kind
        else { Issue.record("shape"); return }
        #expect(left.span == SourceSpan(start: 7, end: 14))
    }

    @Test func deepButAllowedNesting() {
        let text = "t where " + String(repeating: "(", count: 255) + "x" + String(repeating: ")", count: 255)
        #expect(parsed(text) == "(t (where x))")
    }
}
