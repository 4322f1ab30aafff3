#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The catalog every fuzzed statement runs against.
enum FuzzCatalog {
    /// Built once: loading it on every input would dominate the run.
    static let shared = make()

    private static let applicants = """
        year,origin,origin_name,destination,kind,unit,applications,rate,flag,note
        2012,RUS,Russian Federation,DEU,new,cases,1200,0.5,true,a
        2012,SYR,Syrian Arab Rep.,DEU,new,persons,9223372036854775807,1.5e300,false,
        2013,RUS,Russian Federation,FRA,appeal,cases,-9223372036854775808,-0.0,true,"quo""ted"
        2014,AFG,Afghanistan,SWE,new,cases,0,,false,NA
        ,,,,,,,,,
        2017,UKR,Ukraine,POL,new,persons,3,2.25,,Türkiye
        """

    private static let countries = """
        iso3,iso2,unhcr_code,name,aliases,region,subregion,eu_joined,eu_left
        RUS,RU,RUS,Russian Federation,Russia,Europe,Eastern Europe,,
        SYR,SY,SYR,Syrian Arab Rep.,Syria,Middle East,Western Asia,,
        DEU,DE,GFR,Germany,,Europe,Western Europe,1958,
        FRA,FR,FRA,France,,Europe,Western Europe,1958,
        AFG,AF,AFG,Afghanistan,,Asia and the Pacific,Southern Asia,,
        SWE,SE,SWE,Sweden,,Europe,Northern Europe,1995,
        UKR,UA,UKR,Ukraine,,Europe,Eastern Europe,,
        POL,PL,POL,Poland,,Europe,Eastern Europe,2004,
        GBR,GB,GBR,United Kingdom,UK,Europe,Northern Europe,1973,2020
        """

    /// The catalog, allocated with leak checking off: it lives until exit, and LeakSanitizer cannot follow
    /// its pointers (Swift keeps enum tags in the spare bits of the class pointers inside, such as
    /// `ColumnData.text`'s dictionary), so it would report it as leaked.
    private static func make() -> Catalog {
        leakCheckingDisable()
        defer { leakCheckingEnable() }
        var catalog = Catalog()
        let info = DatasetInfo(
            timeColumn: "year", measures: ["applications"], roles: [.country: ["origin", "destination"], .unit: ["unit"]])
        if let table = try? CSVLoader.load(bytes: Array(applicants.utf8), path: "applicants.csv", name: "applicants", info: info).table {
            catalog.add(table, origin: .bundled)
        }
        if let table = try? CSVLoader.load(bytes: Array(countries.utf8), path: "countries.csv", name: "countries").table {
            catalog.add(table, origin: .bundled)
            catalog.countries = CountryDirectory(table: table)
        }
        return catalog
    }
}

/// LeakSanitizer's switch, when the target is built with it: allocations made while it is off are never
/// reported as leaks. Looked up at run time, so the plain build (`run.sh --plain`) links too.
private func leakCheckingDisable() { sanitizerCall("__lsan_disable") }

/// Turns LeakSanitizer's checking back on.
private func leakCheckingEnable() { sanitizerCall("__lsan_enable") }

/// Calls the sanitizer function `name` when the program has it.
private func sanitizerCall(_ name: String) {
    guard let symbol = dlsym(nil, name) else { return }
    unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)()
}
