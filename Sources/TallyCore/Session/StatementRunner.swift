/// Runs one parsed statement against a session and writes what it produces: results to
/// standard output, reports and diagnostics to standard error.
struct StatementRunner {
    let session: Session
    let source: SourceFile
    let output: OutputSink

    func run(_ statement: Statement) -> Session.Outcome {
        let timer = session.settings.timer ? RunTimer() : nil
        defer { if let timer { output.standardError(timer.report()) } }
        session.lastErrorCode = nil
        do {
            return try execute(statement)
        } catch {
            session.lastErrorCode = error.code
            report(error)
            return .failure
        }
    }

    /// Runs `statement`, throwing its error instead of reporting it.
    func execute(_ statement: Statement) throws(Diagnostic) -> Session.Outcome {
        if let query = RefinableQuery.query(of: statement) {
            session.lastQueryStatement = (statement, query, source)
        }
        switch statement.kind {
        case .query(let query):
            let (_, result) = try runQuery(query)
            output.standardOutput(renderer.render(result))
            reportAside(result)
        case .calculate(let expr):
            let (value, warnings) = try Calculator.value(of: expr, in: source, catalog: session.catalog)
            let shown = value.isMissing ? "missing" : value.description
            output.standardOutput((session.settings.format == .table ? TerminalText.visible(shown) : shown) + "\n")
            warnings.forEach(report)
        case .let(let name, let query):
            try runLet(name, query)
        case .load(let path, _, let name, let roles):
            try runLoad(path: path, name: name, roles: roles, span: statement.span)
        case .export(let query, let path, let pathSpan, let title):
            try runExport(query, path: path, pathSpan: pathSpan, title: title)
        case .datasets:
            output.standardOutput(renderer.render(CatalogReport.datasets(session.catalog)))
        case .describe(let name):
            guard let table = session.catalog.table(named: name.text) else {
                throw Binder.unknownDataset(name, catalog: session.catalog)
            }
            output.standardOutput(renderer.render(CatalogReport.describe(table)))
            if session.settings.format == .table { output.standardOutput(prose(CatalogReport.provenance(table))) }
        case .explain(let query):
            let (plan, result) = try runQuery(query, counting: true)
            output.standardOutput(prose(PlanExplainer.explain(plan, result: result)))
        case .help(let topic):
            output.standardOutput(prose(try HelpTopics.text(for: topic, at: statement.span)))
        case .set(let setting):
            try apply(setting, at: statement.span)
        case .cite(let name):
            guard let table = session.catalog.table(named: name.text) else {
                throw Binder.unknownDataset(name, catalog: session.catalog)
            }
            output.standardOutput(prose(CatalogReport.citation(table)))
        case .check(let query, let claim, let isPercent, let tolerance):
            return try runCheck(query, ClaimCheck(claim: claim, isPercent: isPercent, tolerance: tolerance), span: statement.span)
        case .sql(let query):
            output.standardOutput(try SQLStatement.text(for: query, in: source, session: session))
        case .run(let path, let pathSpan):
            return try session.runScript(path, at: pathSpan, from: source, output: output)
        case .drop(let name):
            try session.drop(name, output: output)
        case .reset:
            session.reset(output: output)
        case .record(let path, let span):
            try session.record(to: path, at: span, output: output)
        case .quit:
            return .quit
        }
        return .success
    }

    private var renderer: ResultRenderer {
        let settings = session.settings
        return ResultRenderer(
            format: settings.format, rowLimit: settings.interactive ? settings.interactiveRowLimit : nil,
            width: settings.width, colored: settings.colored, countryNames: countryNames, layout: settings.layout)
    }

    /// Prose made safe for the terminal and wrapped to the width (`TextWrapper.prose`).
    private func prose(_ text: String) -> String {
        TextWrapper.prose(text, width: session.settings.width)
    }

    /// The directory that writes country columns as names in tables and charts; nil under `set names off`.
    private var countryNames: CountryDirectory? {
        session.settings.countryNames ? session.catalog.countries : nil
    }

    /// Binds and runs a query on the session's engine: the in-memory store, or the database
    /// server of `--engine`. Every statement that runs a query comes here. `summarizing` is
    /// `check`'s reading of an ungrouped query (`Binder.bind`); `counting` asks the server for
    /// the rows after each operator too, for `explain` (the in-memory store always counts them).
    /// An error found while running points at the call it comes from (`number(x)` meeting a value
    /// that is not a number), else at the whole query (an overflow, a cancel).
    private func runQuery(_ query: Query, summarizing: Bool = false, counting: Bool = false) throws(Diagnostic) -> (QueryPlan, ResultSet) {
        let plan = try Binder.bind(query, in: source, catalog: session.catalog, summarizing: summarizing, cancellation: session.cancellation)
        do {
            guard let remote = session.remote else { return (plan, try Executor.run(plan, cancellation: session.cancellation)) }
            var result = try remote.run(plan)
            (result.caveats, result.joinCounts) = try Executor.localFindings(of: plan, result: result.table, cancellation: session.cancellation)
            result.chartLayout = plan.chartLayout
            result.headline = plan.headline
            if counting { result.rowCounts = try remote.rowCounts(plan) }
            return (plan, result)
        } catch {
            var located = error
            if located.span == nil, located.fileLocation == nil {
                located.span = FunctionCallLocator.span(of: located, in: source, query: query.span) ?? query.span
            }
            throw located
        }
    }

    /// Warnings and notes go to standard error, so standard output carries only results.
    private func reportAside(_ result: ResultSet) {
        for diagnostic in result.warnings + result.notes + result.caveats { report(diagnostic) }
    }

    /// Runs `check`: the query's value against the claim, as a one-row table. A verdict is an
    /// answer, not an error, unless `--strict` asks for every check to be true.
    private func runCheck(_ query: Query, _ check: ClaimCheck, span: SourceSpan) throws(Diagnostic) -> Session.Outcome {
        let (plan, result) = try runQuery(query, summarizing: true)
        let target = try check.target(in: result, plan: plan, at: query.span)
        output.standardOutput(renderer.render(check.report(target)))
        reportAside(result)
        let verdict = check.verdict(for: target.value.asDouble ?? 0)
        guard session.settings.strict, verdict != .true else { return .success }
        var claimStart = min(query.span.end, span.end)
        while claimStart < span.end, claimStart < source.bytes.count, source.bytes[claimStart] == UInt8(ascii: " ") { claimStart += 1 }
        report(.error("check-not-true", "the check answered '\(verdict.rawValue)', and --strict accepts only 'true'",
                      at: SourceSpan(start: claimStart, end: span.end), label: "not true"))
        return .failure
    }

    private func runLet(_ name: Name, _ query: Query) throws(Diagnostic) {
        if let existing = session.catalog.entry(named: name.text), existing.origin != .derived {
            let what = existing.origin == .bundled ? "a bundled dataset" : "a loaded dataset"
            throw .error("name-taken", "'\(name.text)' is already \(what)", at: name.span,
                         label: "choose another name")
        }
        if let itself = query.datasetNames.first(where: { $0.text.lowercased() == name.text.lowercased() }) {
            throw .error("let-self-reference", "'let \(name.text)' cannot use \(name.text) itself", at: itself.span,
                         label: "refers to the name being defined")
        }
        let (_, result) = try runQuery(query)
        let table = result.table.renamed(name.text)
        let replaced = session.catalog.add(table, origin: .derived)
        try session.remote?.copy(table)
        reportAside(result)
        output.standardError("\(Session.added(table.name, verb: "let", replacing: replaced)): \(rowsAndColumns(table))\n")
    }

    private func runLoad(path: String, name: Name?, roles: RoleDeclaration, span: SourceSpan) throws(Diagnostic) {
        let datasetName: String
        if let name {
            datasetName = name.text
        } else {
            datasetName = try DatasetName.fromPath(path, at: span)
        }
        var info = DatasetInfo(description: "loaded from \(path)")
        info.timeColumn = roles.time?.text
        info.measures = roles.measures.map(\.text)
        info.countryColumns = roles.countries.map(\.text)
        session.add(try session.loadTable(path: path, name: datasetName, info: info, roles: roles), output: output)
        if let remote = session.remote, let table = session.catalog.table(named: datasetName) { try remote.copy(table) }
    }

    private func runExport(_ query: Query, path: String, pathSpan: SourceSpan, title: String?) throws(Diagnostic) {
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else {
            throw .error("export-format", "'\(path)' has no extension to tell the format by", at: pathSpan,
                         label: "add .csv, .tsv, .json, .md or .svg")
        }
        let extensionName = fileName[fileName.index(after: dot)...].lowercased()
        let format: OutputFormat
        switch extensionName {
        case "csv": format = .csv
        case "tsv", "tab": format = .tsv
        case "json": format = .json
        case "md", "markdown": format = .markdown
        case "svg":
            let (_, result) = try runQuery(query)
            try FileWriter.write(try SVGChartRenderer(query: source.text(of: query.span), title: title).render(result.showingCountryNames(from: countryNames)), to: path, cancellation: session.cancellation)
            reportAside(result)
            output.standardError("exported a chart of \(rowsAndColumns(result.table)) to \(TerminalText.visible(path))\n")
            return
        default:
            throw .error("export-format", "cannot tell the format of '\(path)' from its extension", at: pathSpan,
                         label: "use .csv, .tsv, .json, .md or .svg")
        }
        if title != nil {
            throw .error("export-title", "only a chart (.svg) has a title", at: pathSpan, label: "write the chart to a .svg file, or leave out 'titled'")
        }
        let (_, result) = try runQuery(query)
        let renderer = ResultRenderer(format: format).rowRenderer
        try FileWriter.write(to: path, cancellation: session.cancellation) { output throws(Diagnostic) in
            try renderer?.write(result.table, to: &output)
        }
        reportAside(result)
        output.standardError("exported \(rowsAndColumns(result.table)) to \(TerminalText.visible(path))\n")
    }

    private func apply(_ setting: Setting, at span: SourceSpan) throws(Diagnostic) {
        switch setting {
        case .timer(let on):
            session.settings.timer = on
            output.standardError("timer \(on ? "on" : "off")\n")
        case .format(let name):
            guard let format = OutputFormat(name: name) else {
                throw .error("unknown-format", "unknown format '\(name)'", at: span,
                             label: Suggestion.closest(to: name, among: OutputFormat.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" },
                             help: ["formats: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            session.settings.format = format
            output.standardError("format \(format.rawValue)\n")
        case .dialect(let name):
            session.settings.dialect = name.lowercased()
            output.standardError("dialect \(name.lowercased())\n")
        case .memory(let megabytes):
            session.settings.memoryMegabytes = megabytes
            output.standardError("memory budget \(NumberFormat.grouped(megabytes)) MB\n")
        case .rows(let rows):
            session.settings.interactiveRowLimit = Int(clamping: rows)
            output.standardError("rows \(NumberFormat.grouped(rows)) (at the prompt)\n")
        case .width(let columns):
            guard let columns else {
                session.settings.fixedWidth = nil
                output.standardError("width auto (the terminal's)\n")
                return
            }
            guard Settings.widths.contains(columns) else {
                throw .error("width-out-of-range", "a width of \(columns) columns cannot be drawn", at: span,
                             label: "use \(Settings.widths.lowerBound) to \(Settings.widths.upperBound), or auto")
            }
            session.settings.fixedWidth = Int(columns)
            output.standardError("width \(columns)\n")
        case .layout(let name):
            session.settings.layout = TableLayout(rawValue: name) ?? .table
            output.standardError("layout \(session.settings.layout.rawValue)\n")
        case .names(let on):
            session.settings.countryNames = on
            output.standardError("names \(on ? "on (country names in tables and charts)" : "off (country codes)")\n")
        }
    }

    private func rowsAndColumns(_ table: Table) -> String {
        "\(NumberFormat.counted(table.rowCount, "row")), \(NumberFormat.counted(table.columns.count, "column"))"
    }

    private func report(_ diagnostic: Diagnostic) {
        output.standardError(DiagnosticRenderer(colored: session.settings.colored, width: session.settings.width).render(diagnostic, in: source))
    }
}
