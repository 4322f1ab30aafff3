import Testing
@testable import TallyCore
import TallyData

/// The kernels that decide on raw values (country groups per dictionary code, number sets,
/// distinct counts and wide group keys on bits, `top` by a bounded heap), every answer worked
/// out by hand from the table below.
@Suite struct RawValueKernelTests {
    /// The United Kingdom was in the EU 1973–2019, Croatia from 2013, Germany throughout; row 7
    /// has no year, row 8 no country. `x` holds 0 and -0 (one value), `big` spans more than
    /// the direct-coded integer range.
    static let table = """
        year,country,n,x,big
        2019,GBR,1,0.0,5000000000
        2020,GBR,2,-0.0,5000000000
        2012,HRV,4,1.5,-5000000000
        2013,HRV,8,,7
        2010,DEU,16,1.5,
        2010,USA,32,2.5,7
        ,DEU,64,2.5,5000000000
        2011,,128,-0.0,-5000000000

        """

    /// A session with the bundled datasets (for the country directory) and `k`.
    let harness: QueryHarness = {
        let harness = QueryHarness(extra: [(
            name: "k", csv: RawValueKernelTests.table,
            info: DatasetInfo(description: "kernels", timeColumn: "year", measures: ["n"], roles: [.country: ["country"]]))])
        _ = BundledData.load(into: harness.session, output: BufferedOutput())
        return harness
    }()

    /// Members in their row's year: GBR 2019 (1), HRV 2013 (8), DEU 2010 (16) = 25. Not members:
    /// GBR 2020, HRV 2012, USA = 2 + 4 + 32 = 38; a missing year or country is neither.
    @Test func countryGroupByYearOnCodes() {
        #expect(harness.csv("k where country in EU show sum(n)") == "sum(n)\n25\n")
        #expect(harness.csv("k where not (country in EU) show sum(n)") == "sum(n)\n38\n")
        #expect(harness.csv("k where country in EU or n = 2 show sum(n)") == "sum(n)\n27\n")
    }

    /// 2010 and 2019: 16 + 32 + 1 = 49; the others with a year: 2 + 4 + 8 + 128 = 142.
    @Test func numberSetsOnRawValues() {
        #expect(harness.csv("k where year in (2010, 2019) show sum(n)") == "sum(n)\n49\n")
        #expect(harness.csv("k where year not in (2010, 2019) show sum(n)") == "sum(n)\n142\n")
        #expect(harness.csv("k where x in (1.5, 2.5) show sum(n)") == "sum(n)\n116\n")
    }

    /// x: 0 (three rows, one written -0.0 twice), 1.5, 2.5; year: six different present values.
    @Test func distinctCountsOnBits() {
        #expect(harness.csv("k show distinct(x), distinct(year), distinct(big)") == "distinct(x),distinct(year),distinct(big)\n3,6,3\n")
        #expect(harness.csv("k show count(distinct x), count(DISTINCT year)") == "count(distinct x),count(DISTINCT year)\n3,6\n")
        #expect(harness.csv("k group by country show distinct(x) sort by country") ==
            "country,distinct(x)\nDEU,2\nGBR,1\nHRV,1\nUSA,1\n,1\n")
    }

    /// Grouping on decimals and on integers too far apart to index: 5e9 → 1 + 2 + 64 = 67,
    /// -5e9 → 4 + 128 = 132, 7 → 8 + 32 = 40, missing → 16; x: 0 → 131, 1.5 → 20, 2.5 → 96, missing → 8.
    @Test func wideAndDecimalKeysOnBits() {
        #expect(harness.csv("k group by big sort by big") == "big,n\n-5000000000,132\n7,40\n5000000000,67\n,16\n")
        #expect(harness.csv("k group by x sort by x") == "x,n\n0.0,131\n1.5,20\n2.5,96\n,8\n")
    }

    /// The three largest n are rows 6–8, shown in file order; with a sort, in sorted order; of
    /// the groups of x (0: 131, 1.5: 20, 2.5: 96, missing: 8) the two largest.
    @Test func topKeepsTheLargestInQueryOrder() {
        #expect(harness.csv("k top 3 show country, n") == "country,n\nUSA,32\nDEU,64\n,128\n")
        #expect(harness.csv("k sort by n top 2 show n") == "n\n64\n128\n")
        #expect(harness.csv("k group by x top 2") == "x,n\n0.0,131\n2.5,96\n")
    }
}
