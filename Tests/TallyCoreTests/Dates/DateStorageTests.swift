import Testing
@testable import TallyCore

/// A loaded date column is stored as 32-bit day numbers (`ColumnData.days`); every kernel that
/// reads a dataset's columns works on them as it does on 64-bit integers. Answers worked out by
/// hand on a small table with two date columns and missing values.
@Suite struct DateStorageTests {
    static let csv = """
        day,due,kind,n
        2024-01-05,2024-01-10,a,1
        2024-01-20,2024-01-15,b,2
        ,2024-02-01,a,3
        2024-02-29,,b,4
        2023-12-31,2024-01-01,a,5

        """

    let harness = QueryHarness(extra: [(name: "d", csv: DateStorageTests.csv, info: DatasetInfo(timeColumn: "day", measures: ["n"]))])

    @Test func bothDateColumnsLoadAsDays() throws {
        let table = try #require(harness.session.catalog.table(named: "d"))
        for name in ["day", "due"] {
            let column = try #require(table.column(named: name))
            guard case .days(let days) = column.data else { Issue.record("\(name) is not stored as days"); continue }
            #expect(days.count == 5 && column.type == .date)
        }
    }

    /// Filters: a date against a literal, a list, another date column.
    @Test func filters() {
        #expect(harness.csv("d where day >= \"2024-01-20\" show n") == "n\n2\n4\n")
        #expect(harness.csv("d where day in (\"2024-01-05\", \"2024-02-29\") show n") == "n\n1\n4\n")
        #expect(harness.csv("d where due > day show n") == "n\n1\n5\n")
        #expect(harness.csv("d in \"2024-01\" show n") == "n\n1\n2\n")
    }

    /// Group keys (the day itself and a bucket), aggregates of a date, and a sort on one.
    @Test func keysAggregatesAndOrder() {
        #expect(harness.csv("d group by kind show min(day), max(day), distinct(day), count sort by kind") == """
            kind,min(day),max(day),distinct(day),count
            a,2023-12-31,2024-01-05,2,3
            b,2024-01-20,2024-02-29,2,2

            """)
        #expect(harness.csv("d show min(day), max(due)") == "min(day),max(due)\n2023-12-31,2024-02-01\n")
        #expect(harness.csv("d group by month(due) show sum(n)") == "month(due),sum(n)\n2024-01,8\n2024-02,3\n,4\n")
        #expect(harness.csv("d where day is not missing group by day show n, previous") == """
            day,n,previous
            2023-12-31,5,
            2024-01-05,1,
            2024-01-20,2,
            2024-02-29,4,

            """)
        #expect(harness.csv("d show n sort by due desc") == "n\n3\n2\n1\n5\n4\n")
    }

    /// Functions that take dates: arithmetic, text, coalesce and if, and a lookup's key.
    @Test func functionsAndLookups() {
        #expect(harness.csv("d show day - due as late, due + 1 as next, text(day) as written limit 2") == """
            late,next,written
            -5,2024-01-11,2024-01-05
            5,2024-01-16,2024-01-20

            """)
        #expect(harness.csv("d show coalesce(day, due) as first, if(n > 2, day, due) as pick") == """
            first,pick
            2024-01-05,2024-01-10
            2024-01-20,2024-01-15
            2024-02-01,
            2024-02-29,2024-02-29
            2023-12-31,2023-12-31

            """)
        #expect(harness.csv("d lookup (d group by kind show max(day) as last) as l on kind show n, l.last limit 2") == "n,l.last\n1,2024-01-05\n2,2024-02-29\n")
        #expect(harness.csv("d join (d where n = 5 show due as day, n as m) as j on day show n, j.m") == "n,j.m\n")
        #expect(harness.csv("d join (d where n = 1 show day, n as m) as j on day show n, j.m") == "n,j.m\n1,1\n")
    }
}
