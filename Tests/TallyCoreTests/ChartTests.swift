import Testing
@testable import TallyCore

/// Bars and sparklines drawn with block characters, lengths worked out by hand.
@Suite struct ChartTests {
    /// Width 4 for a largest value of 4: one cell per unit, eight eighths per cell.
    @Test func positiveBarsInEighths() {
        #expect(BarChart.bars([4, 2, nil, 0, 1.5, 0.01], width: 4) == ["████", "██", "", "", "█▌", "▏"])
    }

    /// Width 5 for values from −1 to 3: four cells for four units, one left of the axis.
    @Test func negativeBarsGrowLeftOfTheAxis() {
        #expect(BarChart.bars([3, -1, 0, nil, 1], width: 5) == [" │███", "█│", " │", " │", " │█"])
        #expect(BarChart.bars([-4, -1], width: 5) == ["████│", "   █│"])
        #expect(BarChart.bars([-4, -1.5], width: 5) == ["████│", "  ▐█│"])
    }

    @Test func nothingToDraw() {
        #expect(BarChart.bars([0, nil], width: 10) == ["", ""])
    }

    /// Levels from the smallest (▁) to the largest (█); 2 is 1/7 of the way from 1 to 8.
    @Test func sparkline() {
        #expect(BarChart.sparkline([1, 2, nil, 8]) == "▁▂ █")
        #expect(BarChart.sparkline([5, 5]) == "▅▅")
        #expect(BarChart.sparkline([]) == "")
    }

    /// `t group by country` at width 40: the table is 16 wide, so the bars get 40 − 16 − 3 = 21
    /// cells; DEU 20 fills them, ITA 8 is 8.4 cells (67 eighths), FRA 5 is 5.25 (42 eighths).
    @Test func chartBesideTheTable() {
        let harness = QueryHarness()
        harness.session.settings.format = .table
        harness.session.settings.terminalWidth = 40
        #expect(harness.run("t group by country chart").output == """
            3 rows
            ┌─────────┬────┬───────────────────────┐
            │ country │  n │                       │
            ├─────────┼────┼───────────────────────┤
            │ DEU     │ 20 │ █████████████████████ │
            │ ITA     │  8 │ ████████▍             │
            │ FRA     │  5 │ █████▎                │
            └─────────┴────┴───────────────────────┘

            """)
    }

    /// 2010: 15, 2011: 7, 2012: 11 → █ ▁ and 4/8 of the way up (level 4 of 0–7, rounded): ▅.
    @Test func sparklineUnderATimeSeries() {
        let harness = QueryHarness()
        harness.session.settings.format = .table
        let output = harness.run("t group by year chart").output
        #expect(output.hasSuffix("┘\nn 2010–2012 █▁▅\n"))
    }

    @Test func dataFormatsStayPlain() {
        #expect(QueryHarness().csv("t group by year chart") == "year,n\n2010,15\n2011,7\n2012,11\n")
    }

    @Test func chartNeedsANumber() {
        #expect(QueryHarness().csv("t show country chart") == """
            FAILED
            error: there is no number to chart in this result
             --> <test>:1:16
              |
            1 | t show country chart
              |                ^^^^^ bars need a number
              = help: group it, e.g. `t group by COLUMN chart`, or show a numeric column

            """)
    }
}
