import Testing
@testable import TallyCore

/// A lookup or join gathers of the other side only the columns the query reads.
@Suite struct CombineColumnsTests {
    let bundled = BundledSession()

    /// The columns of the table the query's plan reads, after its lookups and joins.
    func combinedColumns(_ text: String) throws -> [String] {
        let file = SourceFile(name: "<test>", text: text)
        guard case .query(let query)? = Parser.parse(file, mode: .script).statements.first?.kind else {
            Issue.record("\(text) does not parse")
            return []
        }
        return try Binder.bind(query, in: file, catalog: bundled.session.catalog).source.columns.map(\.name)
    }

    var applicantsColumns: [String] { bundled.session.catalog.table(named: "applicants")?.columns.map(\.name) ?? [] }

    @Test func aGroupedSumOfOneLookedUpColumnGathersThatColumnOnly() throws {
        let query = "applicants lookup population on destination = country, year group by year show sum(population) since 2015"
        #expect(try combinedColumns(query) == applicantsColumns + ["population"])
        try bundled.expectSQLiteAgrees(query, moreThan: 3)
    }

    @Test func qualifiedAndRenamedColumnsAreGathered() throws {
        let query = "applicants in 2017 join decisions on origin, destination, year group by destination show applications, sum(decisions.total), sum(rejected) top 5"
        #expect(try combinedColumns(query) == applicantsColumns + ["rejected", "total"])
        try bundled.expectSQLiteAgrees(query, moreThan: 4)
    }

    @Test func everyColumnIsGatheredWhenTheQueryShowsThemAll() throws {
        let population = ["country_name", "population"]
        #expect(try combinedColumns("applicants lookup population on destination = country, year limit 3") == applicantsColumns + population)
        #expect(try combinedColumns("applicants lookup population on destination = country, year show *, applications * 2 as twice limit 3") == applicantsColumns + population)
    }

    /// A misspelt column of the other side is still suggested, though the query does not read it.
    @Test func aMisspeltColumnOfTheOtherSideIsStillSuggested() {
        let errors = bundled.errors("applicants lookup population on destination = country, year group by year show sum(applications), count(country_nme)")
        #expect(errors.contains("did you mean 'country_name'?"), "\(errors)")
        let qualified = bundled.errors("applicants lookup population as p on destination = country, year group by year show sum(applications), p.country_nme")
        #expect(qualified.contains("did you mean 'p.country_name'?"), "\(qualified)")
    }
}
