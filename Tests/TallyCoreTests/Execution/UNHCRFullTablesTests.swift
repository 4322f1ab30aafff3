import Testing
@testable import TallyCore

/// The full UNHCR tables (`../shared/data/unhcr/`, 114k–139k rows each) load and answer grouped
/// queries exactly as sqlite3 does on the same files.
@Suite struct UNHCRFullTablesTests {
    static let folder = SQLiteOracle.packageRoot + "/../shared/data/unhcr"

    static let pairs: [(tally: String, sql: String)] = [
        ("apps show count, sum(applied), distinct(coo_iso), distinct(coa_iso)",
         "select count(*), sum(applied), count(distinct coo_iso), count(distinct coa_iso) from apps"),
        ("apps where app_pc = C group by coa_iso show sum(applied) top 5",
         "select coa_iso, sum(applied) s from apps where app_pc = 'C' group by coa_iso order by s desc, coa_iso limit 5"),
        ("apps where coo_iso = RUS and app_type = N since 2012 group by year show sum(applied)",
         "select year, sum(applied) from apps where coo_iso = 'RUS' and app_type = 'N' and year >= 2012 group by year order by year"),
        ("dec group by year show sum(dec_recognized) as rec, sum(dec_total) as total since 2020",
         "select year, sum(dec_recognized), sum(dec_total) from dec where year >= 2020 group by year order by year"),
        ("pop in 2024 group by coo_iso show sum(refugees) as refugees top 3",
         "select coo_iso, sum(refugees) r from pop where year = 2024 group by coo_iso order by r desc, coo_iso limit 3"),
        ("pop show count(oip), sum(oip), max(hst)",
         "select count(oip), sum(oip), max(hst) from pop"),
    ]

    @Test(.enabled(if: CSVTestSupport.sharedPath("data/unhcr") != nil, "../shared/data/unhcr is absent"))
    func fullTablesAgreeWithSQLite() throws {
        let session = Session()
        session.settings.format = .csv
        let sink = BufferedOutput()
        for (name, file) in [("apps", "asylum_applications"), ("dec", "asylum_decisions"), ("pop", "population")] {
            #expect(session.loadDataset(path: "\(Self.folder)/\(file).csv", name: name, output: sink), "\(sink.errors)")
        }
        #expect(session.catalog.table(named: "apps")?.rowCount == 120_597)
        #expect(session.catalog.table(named: "dec")?.rowCount == 113_929)
        #expect(session.catalog.table(named: "pop")?.rowCount == 138_893)
        let setup = """
            .mode csv
            .import \(Self.folder)/asylum_applications.csv apps
            .import \(Self.folder)/asylum_decisions.csv dec
            .import \(Self.folder)/population.csv pop
            UPDATE pop SET oip = NULL WHERE oip = '' OR oip = 'NA';

            """
        let expected = try SQLiteOracle.run(Self.pairs.map { Self.numeric($0.sql) }, schema: setup)
        #expect(expected.count == Self.pairs.count)
        for (index, pair) in Self.pairs.enumerated() where index < expected.count {
            let output = BufferedOutput()
            #expect(session.run(SourceFile(name: "<test>", text: pair.tally), mode: .script, output: output) == .success, "\(output.errors)")
            let rows = output.output.split(separator: "\n").dropFirst().map(String.init)
            #expect(rows.count == expected[index].count && zip(rows, expected[index]).allSatisfy(SQLiteOracle.sameRow),
                    "\(pair.tally)\n tally:  \(rows.prefix(5))\n sqlite: \(expected[index].prefix(5))")
        }
    }

    /// sqlite's `.import` makes every column text: compare and add the numeric ones as numbers.
    static func numeric(_ sql: String) -> String {
        var text = sql
        for column in ["applied", "year", "dec_recognized", "dec_total", "refugees", "oip", "hst"] {
            text = text.replacingOccurrences(of: "(\(column))", with: "(cast(\(column) as integer))")
            text = text.replacingOccurrences(of: "\(column) >=", with: "cast(\(column) as integer) >=")
            text = text.replacingOccurrences(of: "\(column) =", with: "cast(\(column) as integer) =")
            text = text.replacingOccurrences(of: "by \(column)", with: "by cast(\(column) as integer)")
        }
        return text
    }
}
