extension Session {
    /// Loads the CSV file at `path` as dataset `name` (replacing any dataset of that name, and
    /// saying so) and reports on standard error. On failure the catalog is left exactly as it was.
    /// Returns whether the load succeeded.
    @discardableResult
    public func loadDataset(path: String, name: String, info: DatasetInfo = DatasetInfo(), output: OutputSink) -> Bool {
        do {
            add(try loadTable(path: path, name: name, info: info, roles: RoleDeclaration()), output: output)
            return true
        } catch {
            output.standardError(render(error))
            return false
        }
    }

    /// Adds a loaded table to the catalog (replacing one of the same name) and reports it. A
    /// numeric column named `year`, else the only date or datetime column, is the time column
    /// unless another was declared.
    func add(_ report: CSVLoader.Report, output: OutputSink) {
        var table = report.table
        let dated = table.columns.filter { $0.type.isDateLike }
        let conventional = table.column(named: "year").flatMap { $0.type.isNumeric ? $0 : nil } ?? (dated.count == 1 ? dated.first : nil)
        if table.info.timeColumn == nil, let time = conventional {
            var info = table.info
            info.timeColumn = time.name
            table = table.renamed(table.name, info: info)
        }
        let replaced = catalog.add(table, origin: .loaded)
        for note in report.notes { output.standardError(TextWrapper.prose("note: \(note)\n", width: settings.width)) }
        for warning in report.warnings { output.standardError(TextWrapper.prose("warning: \(warning)\n", width: settings.width)) }
        output.standardError("\(Session.added(table.name, verb: "loaded", replacing: replaced)): \(NumberFormat.counted(table.rowCount, "row")), \(NumberFormat.counted(table.columns.count, "column"))\n")
    }

    /// How `load` and `let` report a new dataset: `loaded x`, or `replaced x` when a dataset of
    /// that name (in any case) was there, `replaced a with A` when its case differs.
    static func added(_ name: String, verb: String, replacing previous: Catalog.Entry?) -> String {
        let shown = TerminalText.visible(name)
        guard let previous else { return "\(verb) \(shown)" }
        return previous.table.name == name ? "replaced \(shown)" : "replaced \(TerminalText.visible(previous.table.name)) with \(shown)"
    }

    /// Reads the CSV file at `path` within the memory budget and checks the roles declared for it,
    /// without touching the catalog.
    func loadTable(path: String, name: String, info: DatasetInfo, roles: RoleDeclaration) throws(Diagnostic) -> CSVLoader.Report {
        let report = try CSVLoader.load(
            path: path, name: name, info: info, budgetMegabytes: settings.memoryMegabytes, cancellation: cancellation)
        for role in [roles.time].compactMap({ $0 }) + roles.measures + roles.countries
        where report.table.columnIndex(named: role.text) == nil {
            let suggestion = Suggestion.closest(to: role.text, among: report.table.columns.map(\.name))
            throw .error(
                "unknown-column", "\(path) has no column '\(role.text)'", at: role.span,
                label: suggestion.map { "did you mean '\($0)'?" },
                help: ["columns: " + report.table.columns.map(\.name).joined(separator: ", ")])
        }
        if let time = roles.time, let column = report.table.column(named: time.text), column.type != .integer, !column.type.isDateLike {
            throw .error(
                "time-column-type", "the time column \(column.name) holds \(column.type == .text ? "text" : column.type.article), not years or dates", at: time.span,
                label: "a time column holds whole years or ISO dates",
                help: column.type == .text ? ["dates in another layout stay text: `describe` says which, and `date(\(column.name), \"DD/MM/YYYY\")` reads them"] : [])
        }
        return report
    }

    /// Adds a table the caller built (the bundled datasets, tests) under its own name.
    public func register(_ table: Table, origin: Catalog.Origin) {
        catalog.add(table, origin: origin)
    }

    /// Sets the country directory used to resolve country values.
    public func setCountryDirectory(_ directory: CountryDirectory?) {
        catalog.countries = directory
    }

    /// Draws a diagnostic that has no statement source (file or usage problems).
    func render(_ diagnostic: Diagnostic) -> String {
        DiagnosticRenderer(colored: settings.colored, width: settings.width).render(diagnostic, in: nil)
    }
}
