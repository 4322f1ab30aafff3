import Testing
@testable import TallyCore
import TallyData

/// Sums across several values of a category column (`kind`), and conditions mixing `and` and
/// `or` without parentheses, get a caveat; every figure is worked out by hand.
///
/// `k`: A has 10 new and 4 repeat, B has 5 new and 1 appeal; `kind` is a category column.
@Suite struct MixedCategoryCaveatTests {
    static let kinds = """
        year,place,kind,v
        2019,A,new,10
        2019,A,repeat,4
        2019,B,new,5
        2020,B,appeal,1

        """

    let harness = QueryHarness(extra: [
        (name: "k", csv: MixedCategoryCaveatTests.kinds,
         info: DatasetInfo(timeColumn: "year", measures: ["v"], roles: [.category: ["kind"]])),
    ])

    /// All kinds added: new 10 + 5 = 15, repeat 4, appeal 1.
    @Test func sumAcrossKindsNamesTheKindsItAdded() {
        let run = harness.run("k group by place")
        #expect(run.output == "place,v\nA,14\nB,6\n")
        #expect(run.errors == """
            warning: these sums of v add several values of kind together: 15 new, 4 repeat, 1 appeal
              = help: one person can be counted at several stages, once for each kind; add `kind` to `group by` to see them apart, or keep one with `where kind = new`
              = help: `help mixed categories` explains this

            """)
    }

    @Test func noCaveatForOneKindAKindKeyOrNoSum() {
        #expect(harness.run("k where kind = new group by place").errors == "")
        #expect(harness.run("k in 2019 where place = B group by place").errors == "")
        #expect(harness.run("k group by place, kind").errors == "")
        #expect(harness.run("k group by place show count").errors == "")
        #expect(harness.run("k show place, v").errors == "")
    }

    /// The journalist's first try adds new and appeal applications (sqlite3 on applicants.csv:
    /// 3,681 new, 142 appeal in 2012 and 2017) and cases and persons (3,467 cases, 356 persons).
    @Test func journalistsChangeQueryShowsTheCategoryCaveat() {
        let session = Session()
        let sink = BufferedOutput()
        #expect(BundledData.load(into: session, output: sink))
        let output = BufferedOutput()
        let text = "applicants where origin = Russia and destination = USA change from 2012 to 2017"
        #expect(session.run(SourceFile(name: "<test>", text: text), mode: .script, output: output) == .success)
        #expect(output.errors == """
            warning: these sums of applications add different units together: 3,467 cases, 356 persons
              = help: one case can cover several persons; add `unit` to `group by` to see them apart, or keep one with `where unit = cases`
              = help: `help mixed units` explains this
            warning: these sums of applications add several values of kind together: 3,681 new, 142 appeal
              = help: one person can be counted at several stages, once for each kind; add `kind` to `group by` to see them apart, or keep one with `where kind = new`
              = help: `help mixed categories` explains this

            """)
    }

    @Test func andOrWithoutParenthesesWarnsWithTheReading() {
        let run = harness.run("k where place = A or place = B and kind = new show count")
        #expect(run.output == "count\n3\n")
        #expect(run.errors == """
            warning: 'and' binds tighter than 'or', so this reads as: place = A or (place = B and kind = new)
             --> <test>:1:9
              |
            1 | k where place = A or place = B and kind = new show count
              |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ mixes 'and' and 'or'
              = help: write the parentheses to keep this reading; to apply an 'and' to every alternative, write `(… or …) and …`
              = help: `help and or` explains this

            """)
    }

    @Test func andOrInsideParenthesesOrHavingWarnsToo() {
        let inner = harness.run("k where year = 2019 and (kind = new or kind = repeat and place = B) show count")
        #expect(inner.output == "count\n2\n")
        #expect(inner.errors.hasPrefix("warning: 'and' binds tighter than 'or', so this reads as: kind = new or (kind = repeat and place = B)\n --> <test>:1:25\n"))
        let having = harness.run("k group by place having v > 10 or v < 8 and count > 1 show count")
        #expect(having.errors.contains("so this reads as: v > 10 or (v < 8 and count > 1)\n"))
    }

    @Test func parenthesesOrOneConnectiveGiveNoWarning() {
        #expect(harness.run("k where (place = A or place = B) and kind = new show count").errors == "")
        #expect(harness.run("k where place = A or (place = B and kind = new) show count").errors == "")
        #expect(harness.run("k where place = A or place = B or kind = new show count").errors == "")
        #expect(harness.run("k where place = A and year = 2019 and kind = new show count").errors == "")
    }
}
