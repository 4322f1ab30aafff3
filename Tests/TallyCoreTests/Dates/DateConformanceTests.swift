import Foundation
import Testing
@testable import TallyCore

/// Which CSV columns load as dates and datetimes, and the values they hold, worked out by hand.
@Suite struct DateConformanceTests {
    func column(_ text: String) throws -> Column {
        let report = try CSVTestSupport.load("d\n" + text + "\n")
        return try #require(report.table.column(named: "d"))
    }

    @Test func leapDaysAndTheLimitsOfTheCalendar() throws {
        let dates = try column("2024-02-29\n2000-02-29\n0001-01-01\n9999-12-31")
        #expect(dates.type == .date)
        #expect((0..<4).map { dates.value(at: $0).description } == ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
        guard case .days(let days) = dates.data else { Issue.record("not stored as 32-bit day numbers"); return }
        #expect(MemoryLayout.stride(ofValue: days[0]) == 4, "a loaded date costs 4 bytes a row")
        #expect(days[0] == 19_782, "2024-02-29 is day 19,782 after 1970-01-01")
        #expect(days[2] == -719_162 && days[3] == 2_932_896, "0001-01-01 and 9999-12-31 fit in 32 bits")
        #expect(try column("1900-02-29").type == .text, "1900 is not a leap year")
        #expect(try column("2023-02-29").type == .text)
        #expect(try column("2024-13-01").type == .text)
        #expect(try column("2024-3-1").type == .text, "ISO needs two-digit months and days")
        #expect(try column("0000-01-01").type == .text, "years run from 0001")
    }

    @Test func datetimesWithOffsetsAndFractions() throws {
        let times = try column("2024-03-01T10:00:00+02:00\n2024-03-01 23:30Z\n2024-03-01T10:00:00.987\n2024-12-31T23:00:00-0530")
        #expect(times.type == .datetime)
        #expect((0..<4).map { times.value(at: $0).description } == [
            "2024-03-01 08:00:00", "2024-03-01 23:30:00", "2024-03-01 10:00:00", "2025-01-01 04:30:00"])
        #expect(try column("2024-03-01T25:00").type == .text)
    }

    /// A column mixing dates and datetimes is a datetime column: a date is its midnight.
    @Test func mixedDatesAndDatetimes() throws {
        let mixed = try column("2024-03-01\n2024-03-01 12:00")
        #expect(mixed.type == .datetime)
        #expect(mixed.value(at: 0).description == "2024-03-01 00:00:00")
    }

    @Test func emptyFieldsAreMissing() throws {
        let dates = try column("2024-03-01\n\n2024-03-03")
        #expect(dates.type == .date)
        #expect(dates.missingCount == 1)
        #expect(try column("\n").type == .text, "a column without values stays text")
    }

    /// `describe` names the type, says when offsets were converted, and points other layouts at `date()`.
    @Test func describeSaysDateAndSuggestsLayouts() throws {
        let path = try CSVTestSupport.write(Array("day,at,other,n\n2024-03-01,2024-03-01T10:00+01:00,15/03/2024,1\n".utf8), named: "s.csv")
        let harness = QueryHarness()
        let described = harness.run("load \"\(path)\" as s\nset format table\ndescribe s\nset format csv").output
        #expect(described.contains("│ day    │ day    │ date     │      │"), "two date columns: neither is the time column")
        #expect(described.contains("│ at     │ at     │ datetime │      │"))
        #expect(described.contains("note: at had time-zone offsets in the file; its times are converted to UTC"))
        #expect(described.contains("`date(other, \"DD/MM/YYYY\")` reads them as dates"))
        #expect(harness.csv("s show date(other, \"DD/MM/YYYY\") as d, at") == "d,at\n2024-03-15,2024-03-01 09:00:00\n")
    }

    /// The time column is `year`, else the only date or datetime column; a declared one of another type fails the load.
    @Test func timeColumnsOfTheWrongTypeFailAtLoad() throws {
        let path = try CSVTestSupport.write(Array("day,name\n2024-03-01,a\n".utf8), named: "s.csv")
        let harness = QueryHarness()
        let failed = harness.run("load \"\(path)\" as s with time name")
        #expect(failed.outcome == .failure)
        #expect(failed.errors.contains("the time column name holds text, not years or dates"), "\(failed.errors)")
        #expect(harness.csv("load \"\(path)\" as s\ns since \"2024\" show name") == "name\na\n")
    }
}
