import Testing
@testable import TallyCore

/// Query results on the six-row sample table, every answer worked out by hand.
@Suite struct QuerySemanticsTests {
    let harness = QueryHarness()

    @Test func groupedQuerySumsDefaultMeasureLargestFirst() {
        #expect(harness.csv("t group by country") == "country,n\nDEU,20\nITA,8\nFRA,5\n")
    }

    @Test func timeKeyKeepsTimeOrder() {
        #expect(harness.csv("t group by year") == "year,n\n2010,15\n2011,7\n2012,11\n")
    }

    @Test func clauseOrderDoesNotMatter() {
        let expected = "country,n\nDEU,3\nFRA,\n"
        #expect(harness.csv("t where kind = new group by country since 2011") == expected)
        #expect(harness.csv("t since 2011 group by country where kind = new") == expected)
        #expect(harness.csv("t group by country since 2011 where kind = new") == expected)
    }

    @Test func comparisonsWithMissingAreUnknown() {
        #expect(harness.csv("t where x > 1 show country, x") == "country,x\nDEU,1.5\nDEU,2.5\nITA,4.0\n")
        #expect(harness.csv("t where not (x > 1) show country, x") == "country,x\nFRA,0.5\nDEU,-1.0\n")
        #expect(harness.csv("t where x != 0.5 show count") == "count\n4\n")
        #expect(harness.csv("t where x is missing show country, year") == "country,year\nFRA,2010\n")
        #expect(harness.csv("t where x > 1 or n < 6 show count") == "count\n5\n")
    }

    @Test func aggregatesSkipMissingValues() {
        let query = "t show count, count(n), sum(n), avg(n), median(n), min(x), max(x), distinct(country)"
        #expect(harness.csv(query) == "count,count(n),sum(n),avg(n),median(n),min(x),max(x),distinct(country)\n6,5,33,6.6,7.0,-1.0,4.0,3\n")
    }

    @Test func medianOfEvenCountIsMeanOfMiddleTwo() {
        #expect(harness.csv("t where country in (DEU, ITA) show median(n)") == "median(n)\n7.5\n")
    }

    @Test func aggregatesOverNoRows() {
        #expect(harness.csv("t where year > 2020 show count, sum(n), avg(n), min(n)") == "count,sum(n),avg(n),min(n)\n0,,,\n")
        #expect(harness.csv("t where year > 2020 group by country") == "country,n\n")
    }

    @Test func shareAndRank() {
        #expect(harness.csv("t group by country show n, share") ==
            "country,n,share\nDEU,20,60.60606060606061\nITA,8,24.242424242424242\nFRA,5,15.151515151515152\n")
        #expect(harness.csv("t group by kind show count, rank") == "kind,count,rank\nnew,4,1\nother,1,2\nrepeat,1,2\n")
    }

    @Test func topKeepsLargestThenQueryOrder() {
        #expect(harness.csv("t group by country top 2") == "country,n\nDEU,20\nITA,8\n")
        #expect(harness.csv("t group by country sort by country desc top 2") == "country,n\nITA,8\nDEU,20\n")
        #expect(harness.csv("t top 2 show country, n") == "country,n\nDEU,10\nITA,8\n")
        #expect(harness.csv("t group by country top 2 limit 1") == "country,n\nDEU,20\n")
    }

    @Test func havingFiltersGroupsByOutputNames() {
        #expect(harness.csv("t group by country having n > 6") == "country,n\nDEU,20\nITA,8\n")
        #expect(harness.csv("t group by country show sum(n) as total having total < 10") == "country,total\nITA,8\nFRA,5\n")
    }

    @Test func missingKeyFormsItsOwnGroupAndSortsLast() {
        #expect(harness.csv("t group by x show count sort by x desc") == "x,count\n4.0,1\n2.5,1\n1.5,1\n0.5,1\n-1.0,1\n,1\n")
        #expect(harness.csv("t sort by n show n") == "n\n3\n5\n7\n8\n10\n\n")
        #expect(harness.csv("t sort by n desc show n") == "n\n10\n8\n7\n5\n3\n\n")
    }

    @Test func rangesListsAndText() {
        #expect(harness.csv("t where n between 5 and 8 show count") == "count\n3\n")
        #expect(harness.csv("t where n not between 5 and 8 show count") == "count\n2\n")
        #expect(harness.csv("t where country not in (DEU) show count") == "count\n3\n")
        #expect(harness.csv("t where kind contains EW show count") == "count\n4\n")
        #expect(harness.csv("t where kind starts with \"RE\" show kind") == "kind\nrepeat\n")
        #expect(harness.csv("t where kind ends with er show kind") == "kind\nother\n")
    }

    @Test func timeClauses() {
        #expect(harness.csv("t in 2011 show count") == "count\n2\n")
        #expect(harness.csv("t until 2010 show count") == "count\n2\n")
        #expect(harness.csv("t between 2011 and 2012 show count") == "count\n4\n")
        #expect(harness.csv("t since 2011 until 2011 show count") == "count\n2\n")
    }

    @Test func arithmetic() {
        #expect(harness.csv("t show n * 2 + 1 as m") == "m\n21\n11\n15\n\n7\n17\n")
        #expect(harness.csv("t where country = ITA show n / 4 as q, n - x as d") == "q,d\n2.0,4.0\n")
        #expect(harness.csv("t where n > -9223372036854775808 show count") == "count\n5\n")
    }

    @Test func divisionByZeroIsMissingWithAWarning() {
        let result = harness.run("t where country = ITA show n / 0 as q")
        #expect(result.output == "q\n\n")
        #expect(result.errors.contains("warning: division by zero gives a missing value"))
    }

    @Test func groupedShowOfBareMeasureMeansItsSum() {
        #expect(harness.csv("t group by kind show n") == "kind,n\nnew,18\nother,8\nrepeat,7\n")
        #expect(harness.csv("t group by kind show kind, sum(n) as total, count") == "kind,total,count\nnew,18,4\nother,8,1\nrepeat,7,1\n")
    }

    @Test func keysComeFirstUnlessShowPlacesThem() {
        #expect(harness.csv("t group by country, kind show count sort by country, kind") ==
            "country,kind,count\nDEU,new,2\nDEU,repeat,1\nFRA,new,2\nITA,other,1\n")
        #expect(harness.csv("t group by country show count, country sort by country") == "count,country\n3,DEU\n2,FRA\n1,ITA\n")
    }

    @Test func ungroupedQueryKeepsFileOrder() {
        #expect(harness.csv("t where kind = new show year, country") == "year,country\n2010,DEU\n2010,FRA\n2011,FRA\n2012,DEU\n")
    }

    @Test func expressionKeysAreNamedAsWrittenAndCanBeRepeated() {
        #expect(harness.csv("t group by year - 2000 show year - 2000, count") == "year - 2000,count\n10,2\n11,2\n12,2\n")
        #expect(harness.csv("t group by n / 2 show n / 2 sort by n / 2 desc having n / 2 > 3") == "n / 2\n5.0\n4.0\n3.5\n")
        #expect(harness.csv("t group by n - 1 show n - 1 limit 2") == "n - 1\n2\n4\n")
    }

    @Test func groupingByTheMeasureCountsRows() {
        #expect(harness.csv("t group by n show n") == "n\n3\n5\n7\n8\n10\n\n")
        #expect(harness.csv("t group by n, kind sort by n limit 2") == "n,kind,count\n3,new,1\n5,new,1\n")
    }

    @Test func firstAggregateIsTheFirstItemThatIsNotAKey() {
        #expect(harness.csv("t group by country show count * 10 as c, n") == "country,c,n\nDEU,30,20\nFRA,20,5\nITA,10,8\n")
        #expect(harness.csv("t group by country show share, count as c") == "country,share,c\nDEU,50.0,3\nFRA,33.33333333333333,2\nITA,16.666666666666664,1\n")
        #expect(harness.csv("t group by country show country top 2").contains("error: 'top 2' ranks by the first aggregate, and this show has none"))
    }

    @Test func membershipOnDecimalsComparesAsEquals() {
        #expect(harness.csv("t where x in (4, 0.5) show country") == "country\nFRA\nITA\n")
        #expect(harness.csv("t where x not in (4) show count") == "count\n4\n")
    }
}
