@testable import TallyCore

/// A session over small tables written inline, for checking query results by hand.
struct QueryHarness {
    let session: Session

    /// A session holding `t` (a small table with a time column, a measure and a country
    /// column), plus any extra tables given as CSV text.
    init(extra: [(name: String, csv: String, info: DatasetInfo)] = []) {
        session = Session()
        session.settings.format = .csv
        let tables = [(name: "t", csv: QueryHarness.sample, info: QueryHarness.sampleInfo)] + extra
        for table in tables {
            if let report = try? CSVLoader.load(bytes: Array(table.csv.utf8), path: "\(table.name).csv", name: table.name, info: table.info) {
                session.register(report.table, origin: .loaded)
            }
        }
    }

    /// The sample table: six rows; `n` and `x` each have one missing value.
    static let sample = """
        year,country,kind,n,x
        2010,DEU,new,10,1.5
        2010,FRA,new,5,
        2011,DEU,repeat,7,2.5
        2011,FRA,new,,0.5
        2012,DEU,new,3,-1
        2012,ITA,other,8,4

        """

    static let sampleInfo = DatasetInfo(
        description: "sample", timeColumn: "year", measures: ["n"], roles: [.country: ["country"]])

    /// Runs `text` as a script; returns standard output, standard error and the outcome.
    func run(_ text: String) -> (output: String, errors: String, outcome: Session.Outcome) {
        let sink = BufferedOutput()
        let outcome = session.run(SourceFile(name: "<test>", text: text), mode: .script, output: sink)
        return (sink.output, sink.errors, outcome)
    }

    /// The CSV output of a query, or its errors when it fails.
    func csv(_ query: String) -> String {
        let result = run(query)
        return result.outcome == .success ? result.output : "FAILED\n" + result.errors
    }
}
