import TallyCore

/// The manifest of the bundled datasets: which file each one is read from and what its columns mean.
public enum BundledManifest {
    /// One bundled dataset: its name, its file in the resources folder, and its information.
    public struct Entry: Sendable {
        /// The dataset name (`applicants`).
        public let name: String
        /// The file name inside the resources folder (`applicants.csv`).
        public let file: String
        /// Description, provenance and column roles.
        public let info: DatasetInfo
    }

    /// Who published the figures, as `describe` and `cite` show it.
    public static let source = "UNHCR Refugee Population Statistics Database, https://www.unhcr.org/refugee-statistics/"

    /// The licence of the figures.
    public static let licence = "CC BY 4.0"

    /// The latest year, which the source marks as incomplete.
    public static let incompleteYear = 2025

    /// Who compiled the population figures, as `describe` and `cite` show it.
    public static let populationSource = "World Bank, World Development Indicators, SP.POP.TOTL (total population; from UN World Population Prospects, national statistical offices and Eurostat), as compiled by the datasets/population data package, https://github.com/datasets/population"

    /// The licence of the population figures.
    public static let populationLicence = "CC BY 4.0 (World Bank); the compilation ODC-PDDL 1.0"

    /// The five bundled datasets, in the order `datasets` lists them.
    public static let entries: [Entry] = [
        Entry(
            name: "applicants", file: "applicants.csv",
            info: yearly(
                "Asylum applications lodged by nationals of the 15 former Soviet republics, by year, destination, kind and unit",
                measures: ["applications"], countries: ["origin", "destination"], categories: ["kind"])),
        Entry(
            name: "decisions", file: "decisions.csv",
            info: yearly(
                "Decisions on asylum applications of nationals of the 15 former Soviet republics, by year, destination and unit",
                measures: ["total", "recognized", "complementary", "rejected", "closed"],
                countries: ["origin", "destination"])),
        Entry(
            name: "destination_totals", file: "destination_totals.csv",
            info: yearly(
                "Asylum applications from all origins, by year, destination, kind and unit",
                measures: ["applications"], countries: ["destination"], categories: ["kind"])),
        Entry(
            name: "countries", file: "countries.csv",
            info: DatasetInfo(
                description: "Countries and territories: ISO and UNHCR codes, names, aliases, regions, EU membership years",
                source: source, licence: licence, roles: [.country: ["iso3"]])),
        Entry(
            name: "population", file: "population.csv",
            info: DatasetInfo(
                description: "Total population by year (1960–2024) and country, for rates per resident",
                source: populationSource, licence: populationLicence, timeColumn: "year",
                measures: ["population"], roles: [.country: ["country"]])),
    ]

    /// The information shared by the yearly UNHCR tables: time column `year`, unit column `unit`.
    /// `categories` are the columns whose values can count one person several times (`kind`).
    private static func yearly(_ description: String, measures: [String], countries: [String], categories: [String] = []) -> DatasetInfo {
        DatasetInfo(
            description: description, source: source, licence: licence, timeColumn: "year",
            measures: measures, roles: [.country: countries, .unit: ["unit"], .category: categories], incompleteYear: incompleteYear)
    }
}
