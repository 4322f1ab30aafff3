import Testing
@testable import TallyCore

/// The prompt's reading of typed lines, without a terminal: refining the last query with a clause
/// line, continuation, pasted blocks, `quit` on a continuation line, an unclosed quote.
@Suite struct PromptInputTests {
    /// A prompt over the harness's table `t` (see `QueryHarness.sample`), in CSV.
    final class Typist {
        let harness = QueryHarness()
        lazy var input = PromptInput(session: harness.session, sourceName: "<prompt>")

        /// Types `line` and returns what it led to, with what it wrote.
        func type(_ line: String) -> (step: PromptInput.Step, output: String, errors: String) {
            let sink = BufferedOutput()
            let step = input.enter(line, output: sink)
            return (step, sink.output, sink.errors)
        }
    }

    @Test func clauseLinesRefineTheLastQueryAndSayWhatRuns() {
        let typist = Typist()
        // kind = new keeps DEU 2010 (10), FRA 2010 (5), FRA 2011 (missing n), DEU 2012 (3).
        #expect(typist.type("t where kind = new show count").output == "count\n4\n")
        let grouped = typist.type("  group by country")
        #expect(grouped.errors == "→ t where kind = new show count group by country\n")
        #expect(grouped.output == "country,count\nDEU,2\nFRA,2\n")
        let since = typist.type("since 2012")
        #expect(since.errors == "→ t where kind = new show count group by country since 2012\n")
        #expect(since.output == "country,count\nDEU,1\n")
        // A second `where` adds to the first; a second `show` replaces the first, in its place.
        let shown = typist.type("where country = DEU show sum(n) as n")
        #expect(shown.errors == "→ t where kind = new show sum(n) as n group by country since 2012 where country = DEU\n")
        #expect(shown.output == "country,n\nDEU,3\n")
        #expect(typist.type("until 2011").output == "country,n\n")
    }

    @Test func aClauseThatOneLineWouldReadDifferentlyGoesOnItsOwnLine() {
        let typist = Typist()
        _ = typist.type("t show sum(n) as n group by year")
        let refined = typist.type("between 2010 and 2011")
        #expect(refined.errors == "→ t show sum(n) as n group by year between 2010 and 2011\n")
        #expect(refined.output == "year,n\n2010,15\n2011,7\n")
        // After a bare condition operand, `between 2010 and 2011` on the same line would test the operand.
        _ = typist.type("t where x")
        #expect(typist.type("between 2010 and 2011").errors.hasPrefix("→ t where x\n  between 2010 and 2011\n"))
        // The query kept for the next refinement keeps the clauses apart too.
        #expect(typist.type("top 1").errors.hasPrefix("→ t where x\n  between 2010 and 2011\n  top 1\n"))
    }

    @Test func andOrLinesContinueTheLastClauseAsInAScript() {
        let typist = Typist()
        _ = typist.type("t show sum(n) as n where kind = new")
        let refined = typist.type("  and country = DEU")
        #expect(refined.errors == "→ t show sum(n) as n where kind = new and country = DEU\n")
        #expect(refined.output == "n\n13\n")
        // (new and DEU) or ITA: 13 + 8.
        #expect(typist.type("or country = ITA").output == "n\n21\n")
        // After a clause that is not a condition, `and` cannot go on, in a script as here.
        _ = typist.type("t where kind = new show sum(n) as n")
        #expect(typist.type("and country = DEU").errors.contains("error: expected a clause or the end of the statement, found 'and'"))
    }

    @Test func theStatementWordIsKept() {
        let typist = Typist()
        _ = typist.type("let a = t where kind = new")
        let let2 = typist.type("since 2012")
        #expect(let2.errors == "→ let a = t where kind = new since 2012\nreplaced a: 1 row, 5 columns\n")
        _ = typist.type("check t where kind = new is 18")
        let check = typist.type("since 2012")
        #expect(check.errors.hasPrefix("→ check t where kind = new since 2012 is 18\n"))
        #expect(check.output.hasSuffix(",18,3,-15,false\n"))
        _ = typist.type("explain t where kind = new")
        #expect(typist.type("group by country").errors == "→ explain t where kind = new group by country\n")
    }

    /// A query typed whole that fails is still the last query (a refinement may replace its
    /// mistyped `group by`); a refinement that fails on an unknown name is not kept, so the typo
    /// does not come back with the corrected line and every later one; a syntax error is never
    /// kept. Sums by hand from the sample.
    @Test func aFailedQueryIsStillTheLastQueryButAFailedRefinementOrASyntaxErrorIsNot() {
        let typist = Typist()
        _ = typist.type("t show sum(n) as n group by contry")
        #expect(typist.type("group by country").output == "country,n\nDEU,20\nITA,8\nFRA,5\n")
        _ = typist.type("t show sum(n) as n")
        let failed = typist.type("where contry = DEU")
        #expect(failed.step == .ran(text: "where contry = DEU", outcome: .failure))
        #expect(failed.errors.contains("unknown column 'contry'"))
        let fixed = typist.type("where country = DEU")
        #expect(fixed.errors == "→ t show sum(n) as n where country = DEU\n")
        #expect(fixed.output == "n\n20\n")
        #expect(typist.type("since 2012").errors == "→ t show sum(n) as n where country = DEU since 2012\n")
        _ = typist.type("t show sum(n) as n")
        _ = typist.type("t wher x")
        let refined = typist.type("since 2012")
        #expect(refined.errors == "→ t show sum(n) as n since 2012\n")
        #expect(refined.output == "n\n11\n")
    }

    @Test func withoutAQueryAClauseLineIsAnError() {
        let typist = Typist()
        let step = typist.type("group by country")
        #expect(step.step == .ran(text: "group by country", outcome: .failure))
        #expect(step.errors.hasPrefix("error: expected a dataset before 'group by'\n"))
    }

    @Test func anUnfinishedRefinementWaitsAndSaysForWhat() {
        let typist = Typist()
        _ = typist.type("t show sum(n) as n")
        #expect(typist.type("where").step == .needsMore("after 'where': a condition"))
        #expect(typist.type("country = (FRA").step == .needsMore("parenthesis open"))
        let done = typist.type(")")
        #expect(done.step == .ran(text: "where\ncountry = (FRA\n)", outcome: .success))
        #expect(done.errors == "→ t show sum(n) as n where country = (FRA )\n")
        #expect(done.output == "n\n5\n")
    }

    @Test func quitAloneOnAContinuationLineLeaves() {
        let typist = Typist()
        #expect(typist.type("t where").step == .needsMore("after 'where': a condition"))
        #expect(typist.type("  QUIT ").step == .ran(text: "  QUIT ", outcome: .quit))
        #expect(typist.type("t show count").output == "count\n6\n")
    }

    @Test func anUnclosedQuoteEndsTheStatementWithAnError() {
        let typist = Typist()
        let step = typist.type("t where kind = 'new")
        #expect(step.step == .ran(text: "t where kind = 'new", outcome: .failure))
        #expect(step.errors.hasPrefix("error: unterminated string\n --> <prompt>:1:16\n"))
    }

    @Test func aPastedBlockRunsAsAScriptWithItsOutputOnce() {
        let typist = Typist()
        let block = "t where kind = new\n  group by country\n  show sum(n) as n\n\n-- a comment\nt show count\n"
        let pasted = typist.type(block)
        #expect(pasted.step == .ran(text: String(block.dropLast()), outcome: .success))
        #expect(pasted.output == "country,n\nDEU,13\nFRA,5\ncount\n6\n")
        #expect(pasted.errors == "")
        // The last query of the block is the one a clause line refines.
        #expect(typist.type("where kind = new").output == "count\n4\n")
        // A pasted block of clause lines refines as a script would read them.
        let clauses = typist.type("  where country = DEU\n  -- DEU only\n  show sum(n) as n\n")
        #expect(clauses.errors == "→ t show sum(n) as n where kind = new where country = DEU\n")
        #expect(clauses.output == "n\n13\n")
    }

    @Test func aPastedScriptWithASyntaxErrorRunsNothing() {
        let typist = Typist()
        let pasted = typist.type("let a = t\nt wher x\n")
        #expect(pasted.step == .ran(text: "let a = t\nt wher x", outcome: .failure))
        #expect(typist.harness.session.catalog.table(named: "a") == nil)
    }
}
