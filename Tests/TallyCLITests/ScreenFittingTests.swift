import Testing

/// Tables fit the width a room reads at: text columns are narrowed, then columns hidden (text
/// first, the row's names and the headline number never) with a line saying which; `set rows`,
/// `set width` and `set layout vertical` change what is drawn. The change figures are from
/// sqlite3 on the bundled `applicants.csv` (US new Russian cases: 745 in 2012, 2722 in 2017).
@Suite struct ScreenFittingTests {
    static let change = "applicants where origin = RU and destination = US and kind = new and unit = cases change from 2012 to 2017"

    /// Every line of `text` fits `width` display cells.
    func fits(_ text: String, _ width: Int) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.unicodeScalars.count <= width }
    }

    @Test func changeKeepsChangePctAtEightyColumns() throws {
        let run = try TallyBinary.run(["--width", "80", "-e", Self.change])
        #expect(run.output == """
            1 row
            ┌───────────────────┬───────────────────┬────────┬────────────┐
            │ applications_2012 │ applications_2017 │ change │ change_pct │
            ├───────────────────┼───────────────────┼────────┼────────────┤
            │               745 │             2,722 │  1,977 │     265.37 │
            └───────────────────┴───────────────────┴────────┴────────────┘
            hidden to fit 80 columns: contribution_pct; `set layout vertical` shows all

            """)
    }

    @Test func setWidthFitsTheSameWay() throws {
        let run = try TallyBinary.run(["-e", "set width 80", "-e", Self.change])
        #expect(run.output.contains("│ change_pct │\n"))
        #expect(run.errors.hasPrefix("width 80\n"))
        let wide = try TallyBinary.run(["--width", "120", "-e", Self.change])
        #expect(wide.output.contains("│ change_pct │ contribution_pct │\n"))
        #expect(!wide.output.contains("hidden"))
    }

    /// `describe` shows its values at 120 columns as they are, and at 80 cut at a whole item,
    /// hiding `header` and `role` (the widest text columns) instead.
    @Test func describeFits() throws {
        let wide = try TallyBinary.run(["--width", "120", "-e", "describe applicants"])
        #expect(wide.output.contains("│ values "))
        #expect(wide.output.contains("│ persons (11,787), cases (618) │"))
        #expect(fits(wide.output, 120))
        let narrow = try TallyBinary.run(["--width", "80", "-e", "describe applicants"])
        #expect(narrow.output.contains("│ column           │ type    │ missing │ distinct │ values "))
        #expect(narrow.output.contains("│ year             │ integer │       0 │       26 │ 2000 – 2025 "))
        #expect(narrow.output.contains("│ destination      │ text    │       0 │      111 │ USA (716), SWE (640), … "))
        #expect(narrow.output.contains("hidden to fit 80 columns: header, role;"))
        #expect(fits(narrow.output, 80))
    }

    /// Rows without grouping name themselves by every text column, too many to keep at 80
    /// columns: the first name and the number stay, `X_name` beside `X` goes first, and the
    /// table fits (it was drawn 105–116 cells wide, wrapping every line).
    @Test func rowsWithoutGroupingFit() throws {
        let rows = try TallyBinary.run(["--width", "80", "-e", "applicants where origin = RU"])
        #expect(fits(rows.output, 80))
        #expect(rows.output.contains("│ year │ origin │ destination "), "\(rows.output)")
        #expect(rows.output.contains("│ kind   │ unit    │ applications │"))
        #expect(rows.output.contains("hidden to fit 80 columns: origin_name, destination_name;"), "\(rows.output)")
        let countries = try TallyBinary.run(["--width", "80", "-e", "countries limit 3"])
        #expect(fits(countries.output, 80), "\(countries.output)")
        #expect(countries.output.contains("│ iso3 │"))
    }

    @Test func verticalLayoutShowsOneBlockPerRow() throws {
        let run = try TallyBinary.run(["-e", "set layout vertical", "-e", Self.change, "-e", "set layout table", "-e", "countries where iso2 = RU show short_name"])
        #expect(run.output == """
            1 row
            ── row 1 ──
            applications_2012: 745
            applications_2017: 2,722
            change:            1,977
            change_pct:        265.37
            contribution_pct:  100.00
            1 row
            ┌────────────┐
            │ short_name │
            ├────────────┤
            │ Russia     │
            └────────────┘

            """)
        #expect(run.errors.hasPrefix("layout vertical\n"))
    }

    /// At the prompt (`-i` reads it from standard input) `set rows 2` cuts at two rows; of the
    /// 232 countries, 230 are left.
    @Test func setRowsCutsThePromptsTables() throws {
        let run = try TallyBinary.run(["-i"], input: "set rows 2\ncountries show iso3\n")
        #expect(run.output.hasSuffix("│ ABW  │\n│ AFG  │\n└──────┘\n… 230 more rows\n"))
        #expect(run.errors.hasPrefix("rows 2 (at the prompt)\n"))
    }

    @Test func widthIsBounded() throws {
        let run = try TallyBinary.run(["-e", "set width 5"])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("error: a width of 5 columns cannot be drawn\n"))
        let option = try TallyBinary.run(["--width", "wide"])
        #expect(option.status == 2)
        #expect(option.errors.hasPrefix("tally: --width needs a number of columns from 20 to 1000, got 'wide'\n"))
    }

    /// Caveats and help wrap at words within the width, continuation lines indented.
    @Test func proseWrapsAtWords() throws {
        let run = try TallyBinary.run(["--width", "60", "-e", "applicants where origin = RU since 2012 group by destination top 1", "-e", "help set"])
        #expect(fits(run.output + run.errors, 60))
        #expect(run.errors.hasPrefix("""
            warning: these sums of applications add different units
                     together: 461,615 persons, 16,651 cases
              = help: one case can cover several persons; add `unit` to
                      `group by` to see them apart, or keep one with
                      `where unit = persons`

            """))
        #expect(run.output.contains("set: Settings: set format table|csv|tsv|json|markdown; set\n     timer on|off;"))
    }
}
