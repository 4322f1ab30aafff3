import TallyCore

/// Loads the bundled datasets into a session and sets up its country directory.
public enum BundledData {
    /// Loads the bundled datasets (origin `.bundled`) and builds the country directory from
    /// `countries`. When the data cannot be found or read, writes one error saying where it
    /// looked (or what went wrong) and returns false; the session is then left without them.
    public static func load(into session: Session, output: OutputSink) -> Bool {
        let renderer = DiagnosticRenderer(colored: session.settings.colored)
        guard let folder = BundledDataLocator.locate() else {
            let looked = BundledDataLocator.candidates().joined(separator: ", ")
            output.standardError(renderer.render(.error(
                "bundled-data-missing", "cannot find the bundled datasets; looked in: \(looked)",
                help: ["set \(BundledDataLocator.environmentVariable) to the folder that holds countries.csv, or start with --no-bundled"]
            ), in: nil))
            return false
        }
        var tables: [Table] = []
        for entry in BundledManifest.entries {
            do {
                let report = try CSVLoader.load(path: folder + "/" + entry.file, name: entry.name, info: entry.info)
                tables.append(report.table)
            } catch {
                output.standardError(renderer.render(error, in: nil))
                return false
            }
        }
        for table in tables { session.register(table, origin: .bundled) }
        if let countries = tables.first(where: { $0.name == "countries" }) {
            session.setCountryDirectory(CountryDirectory(table: countries))
        }
        return true
    }
}
