import Foundation
import Testing

/// The command line end to end: options, usage errors, exit statuses, and the three batch
/// modes (`-e`, scripts, standard input). Expected figures were computed with sqlite3 on the
/// bundled CSV files (`select count(*) from countries` is 232).
@Suite struct CommandLineTests {
    static let usageStart = "usage: tally [options] [FILE.tally ...]\n"

    @Test func version() throws {
        let run = try TallyBinary.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output == "tally 0.1.0\n")
        #expect(run.errors == "")
    }

    @Test func help() throws {
        let run = try TallyBinary.run(["--help"])
        #expect(run.status == 0)
        #expect(run.output.hasPrefix(Self.usageStart))
        #expect(run.output.contains("--load NAME=PATH"))
        #expect(run.errors == "")
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["-e"], "option -e needs a value"),
        (["--format", "xml"], "unknown format 'xml'; use table, csv, tsv, json or markdown"),
        (["--format"], "option --format needs a value"),
        (["--load", "nameonly"], "--load needs NAME=PATH, got 'nameonly'"),
        (["--load", "2x=a.csv"], "--load: '2x' is not a dataset name (a letter or _, then letters, digits, _)"),
        (["--load", "x="], "--load x= needs a file path"),
        (["--timer=yes"], "option --timer takes no value"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let run = try TallyBinary.run(arguments)
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("tally: \(message)\n\n" + Self.usageStart))
    }

    @Test func missingScriptExitsOne() throws {
        let folder = try TemporaryFolder()
        let run = try TallyBinary.run(["--no-bundled", "nosuch.tally"], directory: folder.path)
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors == "error: cannot read script 'nosuch.tally': No such file or directory\n")
    }

    @Test func missingBundledDataSaysWhereItLooked() throws {
        let run = try TallyBinary.run(["-e", "datasets"], environment: ["TALLY_DATA_DIR": "/nonexistent/tally-data"])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("""
            error: cannot find the bundled datasets; looked in: /nonexistent/tally-data
              = help: set TALLY_DATA_DIR to the folder that holds countries.csv, or start with --no-bundled

            """))
    }

    // MARK: Depends on the engine (parser, loader, executor)

    @Test func statementOnTheCommandLine() throws {
        let run = try TallyBinary.run(["--format", "csv", "-e", "countries show count"])
        #expect(run.errors == "")
        #expect(run.output == "count\n232\n")
        #expect(run.status == 0)
    }

    @Test func repeatedStatementsRunInOrder() throws {
        let run = try TallyBinary.run([
            "--format=csv", "-e", "countries where iso2 = \"DE\" show name", "-e", "countries show count",
        ])
        #expect(run.output == "name\nGermany\ncount\n232\n")
        #expect(run.status == 0)
    }

    @Test func findsItsDataFromAnotherDirectory() throws {
        let folder = try TemporaryFolder()
        let run = try TallyBinary.run(
            ["--format", "csv", "-e", "applicants where origin = RU and destination = DE and kind = new in 2017 show sum(applications) as n"],
            directory: folder.path)
        #expect(run.output == "n\n4884\n")
        #expect(run.status == 0)
    }

    @Test func jsonFormat() throws {
        let run = try TallyBinary.run(["--format", "json", "-e", "countries where iso2 = DE show iso3, name"])
        #expect(run.output == "[\n  {\"iso3\": \"DEU\", \"name\": \"Germany\"}\n]\n")
        #expect(run.status == 0)
    }

    @Test func scriptRunsStatementsInOrder() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("two.tally", """
            -- two statements
            countries where iso2 = "DE" show name
            countries show count
            """)
        let run = try TallyBinary.run(["--format", "csv", script])
        #expect(run.output == "name\nGermany\ncount\n232\n")
        #expect(run.errors == "")
        #expect(run.status == 0)
    }

    @Test func firstFailingStatementStopsTheScript() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("bad.tally", """
            countries show count
            countries where nosuch = 1
            countries where iso2 = "DE" show name
            """)
        let run = try TallyBinary.run(["--format", "csv", script])
        #expect(run.status == 1)
        #expect(run.output == "count\n232\n")
        #expect(run.errors.hasPrefix("error: unknown column 'nosuch' in countries\n --> \(script):2:17\n"))
    }

    @Test func syntaxErrorMeansNothingRuns() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("syntax.tally", "countries show count\ncountries where (\n")
        let run = try TallyBinary.run(["--format", "csv", script])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("error: "))
    }

    @Test func standardInputIsAScript() throws {
        let run = try TallyBinary.run(["--format", "csv"], input: "countries show count\ncountries where iso2 = \"DE\"\n  show name\n")
        #expect(run.output == "count\n232\nname\nGermany\n")
        #expect(run.errors == "")
        #expect(run.status == 0)
    }

    @Test func standardInputErrorNamesStdin() throws {
        let run = try TallyBinary.run([], input: "countries where nosuch = 1\n")
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("error: unknown column 'nosuch' in countries\n --> <stdin>:1:17\n"))
    }

    @Test func commandLineErrorNamesCommandLine() throws {
        let run = try TallyBinary.run(["-e", "countries where nosuch = 1"])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("error: unknown column 'nosuch' in countries\n --> <command line>:1:17\n"))
    }

    @Test func loadOptionAddsADataset() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("small.csv", "name,value\na,1\nb,2\nc,4\n")
        let run = try TallyBinary.run(["--no-bundled", "--load", "small=\(csv)", "--format", "csv", "-e", "small show sum(value) as total"])
        #expect(run.errors == "loaded small: 3 rows, 2 columns\n")
        #expect(run.output == "total\n7\n")
        #expect(run.status == 0)
    }

    @Test func loadOfAMissingFileExitsOne() throws {
        let run = try TallyBinary.run(["--no-bundled", "--load", "x=/nonexistent/x.csv", "-e", "datasets"])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("error: "))
    }

    @Test func noBundledStartsEmpty() throws {
        let run = try TallyBinary.run(["--no-bundled", "-e", "countries show count"])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("error: unknown dataset 'countries'"))
    }

    @Test func timerGoesToStandardError() throws {
        let run = try TallyBinary.run(["--timer", "--format", "csv", "-e", "countries show count"])
        #expect(run.output == "count\n232\n")
        #expect(run.errors.hasPrefix("Run Time: real "))
        #expect(run.status == 0)
    }

    @Test func quitEndsTheScriptWithSuccess() throws {
        let run = try TallyBinary.run(["--format", "csv"], input: "countries show count\nquit\ncountries where nosuch = 1\n")
        #expect(run.output == "count\n232\n")
        #expect(run.status == 0)
    }
}
