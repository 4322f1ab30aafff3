import Testing

/// Country columns read as short names in tables and stay codes in data formats. Figures from
/// sqlite3 on the bundled `applicants.csv`: `select destination, sum(applications) … where
/// origin = 'RUS' and year >= 2012 group by destination order by 2 desc limit 3` gives DEU
/// 112593, USA 104818, FRA 67207.
@Suite struct CountryNameDisplayTests {
    static let query = "applicants where origin = RU since 2012 group by destination top 3"

    @Test func tablesShowNames() throws {
        let run = try TallyBinary.run(["-e", Self.query])
        #expect(run.output == """
            3 rows
            ┌───────────────┬──────────────┐
            │ destination   │ applications │
            ├───────────────┼──────────────┤
            │ Germany       │      112,593 │
            │ United States │      104,818 │
            │ France        │       67,207 │
            └───────────────┴──────────────┘

            """)
    }

    @Test(arguments: [["--format", "csv"], ["--format", "csv", "--names", "names"]])
    func csvKeepsCodes(options: [String]) throws {
        let run = try TallyBinary.run(options + ["-e", Self.query])
        #expect(run.output == "destination,applications\nDEU,112593\nUSA,104818\nFRA,67207\n")
    }

    @Test func exportsKeepCodes() throws {
        let folder = try TemporaryFolder()
        let run = try TallyBinary.run(["-e", "export \(Self.query) to \"top.json\""], directory: folder.path)
        #expect(run.status == 0)
        let json = try String(contentsOfFile: folder.path + "/top.json", encoding: .utf8)
        #expect(json.contains("\"destination\": \"DEU\""))
        #expect(!json.contains("Germany"))
    }

    @Test func namesOffShowsCodes() throws {
        let fromOption = try TallyBinary.run(["--names", "codes", "-e", Self.query])
        let fromSetting = try TallyBinary.run(["-e", "set names off", "-e", Self.query])
        for run in [fromOption, fromSetting] {
            #expect(run.output.contains("│ DEU         │      112,593 │\n│ USA         │      104,818 │\n"))
            #expect(!run.output.contains("Germany"))
        }
        #expect(fromSetting.errors.hasPrefix("names off (country codes)\n"))
    }

    @Test func namesOptionNeedsNamesOrCodes() throws {
        let run = try TallyBinary.run(["--names", "short"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("tally: unknown --names 'short'; use --names names or --names codes\n"))
    }

    /// The `countries` dataset's own code columns stay codes next to its names.
    @Test func codeColumnsOfCountriesStayCodes() throws {
        let run = try TallyBinary.run(["-e", "countries where iso2 = RU show iso3, short_name"])
        #expect(run.output.contains("│ RUS  │ Russia     │"))
    }
}
