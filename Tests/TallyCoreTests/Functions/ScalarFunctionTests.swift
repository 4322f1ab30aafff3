import Testing
@testable import TallyCore

/// Scalar functions, `||`, `show *` and the calculator, against answers worked out by hand on
/// the harness's sample table.
@Suite struct ScalarFunctionTests {
    let harness = QueryHarness(extra: [(name: "people", csv: """
        name,city,score
        " Ana ",Kyiv,2.5
        Bo,kyiv,-3.5
        Cy,,7
        Ana,Lviv,

        """, info: DatasetInfo())])

    @Test func numberFunctionsRoundHalvesAwayFromZero() {
        #expect(harness.csv("people show round(score), floor(score), ceil(score), abs(score)") == """
            round(score),floor(score),ceil(score),abs(score)
            3.0,2.0,3.0,2.5
            -4.0,-4.0,-3.0,3.5
            7.0,7.0,7.0,7.0
            ,,,

            """)
        #expect(harness.csv("t show n, round(n, -1) as tens, round(x, 1) as x1 limit 3") == "n,tens,x1\n10,10,1.5\n5,10,\n7,10,2.5\n")
    }

    /// Text functions run once per distinct value and give a new dictionary.
    @Test func textFunctions() {
        #expect(harness.csv("people show trim(name), upper(city), length(name), left(name, 2), right(name, 2)") == """
            trim(name),upper(city),length(name),"left(name, 2)","right(name, 2)"
            Ana,KYIV,5, A,a\u{20}
            Bo,KYIV,2,Bo,Bo
            Cy,,2,Cy,Cy
            Ana,LVIV,3,An,na

            """)
        #expect(harness.csv("people show replace(name, \"a\", \"4\") as r, name || \"@\" || city as j") == """
            r,j
             An4 , Ana @Kyiv
            Bo,Bo@kyiv
            Cy,
            An4,Ana@Lviv

            """)
        #expect(harness.csv("people group by lower(city) show count") == "lower(city),count\nkyiv,2\nlviv,1\n,1\n")
    }

    @Test func coalesceAndIf() {
        #expect(harness.csv("people show coalesce(city, name) as c, coalesce(score, 0) as s, if(score > 0, \"up\", \"down\") as d") == """
            c,s,d
            Kyiv,2.5,up
            kyiv,-3.5,down
            Cy,7.0,up
            Lviv,0.0,

            """)
    }

    @Test func numberAndText() {
        #expect(harness.csv("t show text(n) || \"!\" as a, number(text(year)) / 4 as b limit 2") == "a,b\n10!,502.5\n5!,502.5\n")
        let bad = harness.run("people show number(name)")
        #expect(bad.outcome == .failure)
        #expect(bad.errors.contains("number() cannot read ' Ana ' (row 1) as a number"), "\(bad.errors)")
    }

    /// A value a function cannot read while the query runs is shown under the call, not under the
    /// whole query.
    @Test func aValueThatCannotBeReadPointsAtTheCall() {
        let bad = harness.run("people where score > 0\n  show name, date(city)")
        #expect(bad.outcome == .failure)
        #expect(bad.errors.contains("""
            2 |   show name, date(city)
              |              ^^^^^^^^^^
            """), "\(bad.errors)")
    }

    @Test func argumentErrorsNameTheArgument() {
        #expect(harness.csv("people show left(name, score)").contains("the second argument of 'left' must be a whole number written in the query"))
        #expect(harness.csv("people show upper(score)").contains("the first argument of 'upper' must be text, and score is a number"))
        #expect(harness.csv("people show round()").contains("'round' takes 1 or 2 arguments"))
        #expect(harness.csv("people show coalesce(name, 1)").contains("the values of 'coalesce' must be of one type"))
        #expect(harness.csv("people show score || name").contains("the left side of '||' must be text"))
    }

    /// `||` where `or` was meant says so.
    @Test func pipesInAConditionSuggestOr() {
        let errors = harness.csv("people where city || name")
        #expect(errors.contains("'||' joins text, so this is not a yes/no question"), "\(errors)")
        #expect(errors.contains("write 'or' for either condition"))
    }

    /// An unknown function lists the closest names, scalar functions and aggregates alike.
    @Test func unknownFunctionListsClosest() {
        let errors = harness.csv("people show lenght(name), sun(score)")
        #expect(errors.contains("unknown function 'lenght'"))
        #expect(errors.contains("did you mean 'length'?"))
        #expect(errors.contains("close: length"))
        #expect(harness.csv("people group by city show sun(score)").contains("did you mean 'sum'?"))
    }

    @Test func showStarAddsComputedColumns() {
        #expect(harness.csv("people show *, length(name) as n limit 2") == "name,city,score,n\n Ana ,Kyiv,2.5,5\nBo,kyiv,-3.5,2\n")
        #expect(harness.csv("people group by city show *").contains("'*' stands for every column"))
    }

    @Test func calculatorPrintsTheValue() {
        #expect(harness.csv("round(4884 / 12615 * 100, 1)") == "38.7\n")
        #expect(harness.csv("(2951 - 872) / 872 * 100") == "238.41743119266056\n")
        #expect(harness.csv("upper(\"abc\") || \"d\"") == "ABCd\n")
        #expect(harness.csv("-3 * 2") == "-6\n")
        #expect(harness.csv("today() - today()") == "0\n", "a function without arguments")
        let zero = harness.run("1 / 0")
        #expect(zero.output == "missing\n")
        #expect(zero.errors.contains("division by zero"))
    }

    /// A bare dataset name is still the dataset; a name inside a calculation says why it fails.
    @Test func calculatorKeepsDatasetsAndExplainsNames() {
        #expect(harness.csv("people limit 1") == "name,city,score\n Ana ,Kyiv,2.5\n")
        #expect(harness.csv("2 * score").contains("'score' has no value here: a calculation has no dataset, so no columns"))
        #expect(harness.csv("round(people)").contains("'people' is a dataset, and a calculation has none"))
        #expect(harness.csv("(1 + 2) where x").contains("a calculation ends before 'where'"))
    }
}
