import TallyCore

/// What the command line asked for: the inputs to run, the datasets to load, the settings.
struct CommandLineOptions: Equatable {
    /// One thing to run, in the order given on the command line.
    enum Input: Equatable {
        /// A script file.
        case script(path: String)
        /// A statement given with `-e`.
        case statement(String)
    }

    /// A `--load NAME=PATH`.
    struct Load: Equatable {
        /// The dataset name.
        var name: String
        /// The CSV file.
        var path: String
    }

    /// What to do besides running statements.
    enum Action: Equatable {
        /// Run the inputs, standard input, or the prompt.
        case run
        /// Print the usage and leave.
        case help
        /// Print the version and leave.
        case version
    }

    /// A command line that cannot be run; exits with status 2.
    struct UsageError: Error, Equatable {
        /// What is wrong, without the `tally:` prefix.
        var message: String
    }

    /// Scripts and `-e` statements, in command-line order.
    var inputs: [Input] = []
    /// Datasets to load before anything runs.
    var loads: [Load] = []
    /// `--format`.
    var format: OutputFormat?
    /// `--names codes|names`: false shows country codes in tables and charts.
    var countryNames = true
    /// `--width N`: the width tables and prose fit, instead of the terminal's.
    var width: Int?
    /// `--timer`.
    var timer = false
    /// `--no-bundled`.
    var noBundled = false
    /// `--strict`.
    var strict = false
    /// `-i` / `--interactive`: the prompt even when standard input is not a terminal.
    var interactive = false
    /// `--engine`: nil for the in-memory engine, or `postgres`.
    var engine: String?
    /// `--database URL`: the server `--engine postgres` connects to.
    var database: String?
    /// `--help`, `--version`, or run.
    var action = Action.run

    /// The usage text printed by `--help` and after a usage error.
    static let usage = """
        usage: tally [options] [FILE.tally ...]

          tally                        interactive prompt with the bundled datasets
          tally FILE.tally ...         run scripts; exit 1 on an error
          tally -e 'STATEMENT' ...     run statements given on the command line (repeatable)
          ... | tally                  run statements read from standard input

        options:
          -e, --execute STATEMENT      run STATEMENT (repeatable; runs in order with the scripts)
          --load NAME=PATH             load a CSV before running (repeatable)
          --format FMT                 table | csv | tsv | json | markdown (default table)
          --names names|codes          countries in tables and charts by name (default) or code
          --width N                    fit tables and text to N columns (default: the terminal's)
          --engine postgres            run queries on a PostgreSQL server (needs --database)
          --database URL               the server, e.g. postgresql://user@localhost:5432/db
          --timer                      print the run time of each statement on standard error
          --no-bundled                 start without the bundled datasets
          --strict                     a `check` that is not true exits 1
          -i, --interactive            the prompt even when standard input is not a terminal
          --version                    print the version
          -h, --help                   print this help

        exit status: 0 success, 1 an error in a statement or file, 2 a usage error

        """

    /// Parses the arguments that follow the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> CommandLineOptions {
        var options = CommandLineOptions()
        var index = 0
        var onlyFiles = false
        func value(for option: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else { throw UsageError(message: "option \(option) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            if onlyFiles || argument == "-" || !argument.hasPrefix("-") {
                options.inputs.append(.script(path: argument))
                index += 1
                continue
            }
            let (name, inline) = split(argument)
            switch name {
            case "--":
                onlyFiles = true
            case "-e", "--execute":
                options.inputs.append(.statement(try value(for: name, inline: inline)))
            case "--load":
                options.loads.append(try parseLoad(try value(for: name, inline: inline)))
            case "--format":
                let text = try value(for: name, inline: inline)
                guard let format = OutputFormat(name: text) else {
                    throw UsageError(message: "unknown format '\(text)'; use table, csv, tsv, json or markdown")
                }
                options.format = format
            case "--names":
                let text = try value(for: name, inline: inline).lowercased()
                guard text == "names" || text == "codes" else {
                    throw UsageError(message: "unknown --names '\(text)'; use --names names or --names codes")
                }
                options.countryNames = text == "names"
            case "--width":
                let text = try value(for: name, inline: inline)
                guard let columns = Int64(text), Settings.widths.contains(columns) else {
                    throw UsageError(message: "--width needs a number of columns from \(Settings.widths.lowerBound) to \(Settings.widths.upperBound), got '\(text)'")
                }
                options.width = Int(columns)
            case "--engine":
                let text = try value(for: name, inline: inline)
                guard text.lowercased() == "postgres" else {
                    throw UsageError(message: "unknown engine '\(text)'; use --engine postgres (the default is the in-memory engine)")
                }
                options.engine = "postgres"
            case "--database":
                options.database = try value(for: name, inline: inline)
            case "--timer", "--no-bundled", "--strict", "-i", "--interactive", "--help", "-h", "--version":
                guard inline == nil else { throw UsageError(message: "option \(name) takes no value") }
                options.setFlag(name)
            default:
                throw UsageError(message: "unknown option '\(argument)'")
            }
            index += 1
        }
        if options.engine != nil && options.database == nil {
            throw UsageError(message: "--engine postgres needs --database URL")
        }
        if options.database != nil && options.engine == nil { options.engine = "postgres" }
        return options
    }

    /// Sets the option that a flag (an option without a value) stands for.
    private mutating func setFlag(_ flag: String) {
        switch flag {
        case "--timer": timer = true
        case "--no-bundled": noBundled = true
        case "--strict": strict = true
        case "-i", "--interactive": interactive = true
        case "--help", "-h": if action == .run { action = .help }
        default: if action == .run { action = .version }
        }
    }

    /// Splits `--name=value` into its name and value; other arguments have no inline value.
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// Parses the `NAME=PATH` of `--load`; NAME must be an identifier.
    private static func parseLoad(_ text: String) throws(UsageError) -> Load {
        guard let equals = text.firstIndex(of: "=") else {
            throw UsageError(message: "--load needs NAME=PATH, got '\(text)'")
        }
        let name = String(text[..<equals])
        let path = String(text[text.index(after: equals)...])
        guard isIdentifier(name) else {
            throw UsageError(message: "--load: '\(name)' is not a dataset name (a letter or _, then letters, digits, _)")
        }
        guard !path.isEmpty else { throw UsageError(message: "--load \(name)= needs a file path") }
        return Load(name: name, path: path)
    }

    /// Whether `text` is a letter or `_` followed by letters, digits and `_` (ASCII).
    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return text.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Whether `byte` is an ASCII letter.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
