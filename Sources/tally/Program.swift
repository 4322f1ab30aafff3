#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore
import TallyData
import TallyPostgres

/// The program: reads the command line, sets up a session, and picks the mode to run in.
enum Program {
    /// Exit status: success (also after `quit`).
    static let success: Int32 = 0
    /// Exit status: an error in a statement or a file.
    static let failure: Int32 = 1
    /// Exit status: a usage error.
    static let usageError: Int32 = 2

    /// Runs tally with `arguments` (without the program name) and returns the exit status.
    static func run(arguments: [String]) -> Int32 {
        StandardOutput.holdStandardDescriptors()
        InterruptHandler.installCleanup()
        let output = StandardOutput()
        defer { output.flush() }
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions.parse(arguments)
        } catch {
            output.standardError("tally: \(error.message)\n\n" + CommandLineOptions.usage)
            return usageError
        }
        switch options.action {
        case .help:
            output.standardOutput(CommandLineOptions.usage)
            return success
        case .version:
            output.standardOutput("tally \(Version.current)\n")
            return success
        case .run:
            return run(options, output: output)
        }
    }

    /// Sets up the session, loads the datasets, and runs the inputs, standard input or the prompt.
    private static func run(_ options: CommandLineOptions, output: StandardOutput) -> Int32 {
        let session = Session()
        let prompt = options.interactive || (options.inputs.isEmpty && Terminal.isTerminal(STDIN_FILENO))
        session.settings.format = options.format ?? .table
        session.settings.timer = options.timer
        session.settings.strict = options.strict
        session.settings.colored = Terminal.wantsColor()
        session.settings.terminalWidth = Terminal.width()
        session.settings.fixedWidth = options.width
        session.settings.countryNames = options.countryNames

        var setupFailed = false
        if !options.noBundled {
            setupFailed = !BundledData.load(into: session, output: output)
        }
        for load in options.loads where !session.loadDataset(path: load.path, name: load.name, output: output) {
            output.flush()
            return failure
        }
        if let database = options.database, !connect(session, to: database, output: output) {
            output.flush()
            return failure
        }
        output.flush()
        session.markStart()

        let runner = ScriptRunner(session: session, output: output)
        var outcome = Session.Outcome.success
        if !options.inputs.isEmpty {
            outcome = runner.run(options.inputs)
        } else if !prompt {
            outcome = runner.runStandardInput()
        }
        if prompt && outcome == .success {
            Repl(session: session, output: output).run()
            InterruptHandler.finishTermination()
            return success
        }
        switch outcome {
        case .success: return setupFailed && !prompt ? failure : success
        case .quit: return success
        case .failure: return failure
        }
    }

    /// Connects the session to a PostgreSQL server and copies every dataset there.
    private static func connect(_ session: Session, to url: String, output: StandardOutput) -> Bool {
        do {
            let engine = try PostgresEngine(url: url)
            let names = session.catalog.names
            for name in names {
                if let table = session.catalog.table(named: name) { try engine.copy(table) }
            }
            session.remote = engine
            output.standardError("engine postgres: copied \(names.count) dataset\(names.count == 1 ? "" : "s") to the server\n")
            return true
        } catch {
            output.standardError(DiagnosticRenderer(colored: session.settings.colored).render(error, in: nil))
            return false
        }
    }
}
