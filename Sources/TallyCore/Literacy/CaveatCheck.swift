/// A caveat the data may call for, chosen by the binder from the query's shape and looked for
/// by the executor in the rows the query kept (`CaveatFinder`).
public enum CaveatCheck: Sendable, Equatable {
    /// The query sums source column `measure` over rows whose unit column `unit` may hold
    /// more than one value (`cases` and `persons`), and `unit` is not a group key.
    case mixedUnits(unit: Int, measure: Int)
    /// The query sums source column `measure` over rows whose category column `category` (`kind`)
    /// may hold more than one value, and `category` is not a group key.
    case mixedCategories(category: Int, measure: Int)
    /// The kept rows may include `year` of source column `time`, which the source marks incomplete.
    case incompleteYear(time: Int, year: Int64)
    /// The result is a time series over output column `time`, one series per value of the
    /// output columns `series`; years missing inside a series are a caveat.
    case missingYears(time: Int, series: [Int])
    /// The query reads populations (`destination.population`) through source column `country`
    /// in the years of source column `time`; kept rows without a figure are a caveat, and so is
    /// a base under 100,000 residents when the population divides (`division`: a country's
    /// figure, or a group's sum of them), and a country on several kept rows of one year when a
    /// sum adds the population up (`summed`).
    case population(country: Int, time: Int, facts: CountryFacts, division: PopulationDivision, summed: Bool)
    /// Lookup `step` (of the query's lookups and joins, in order) in `dataset` found no row for
    /// some source rows; kept rows among them are a caveat that shows a few of their `keys`
    /// (source columns).
    case unmatched(step: Int, keys: [Int], dataset: String)
    /// Join `step` made each row from a row of `side` (the table before it; with `ofOther`, its
    /// other side), matched with rows of `other`; when an aggregate reads one of `columns` (that
    /// side's columns, or no column for `count` when `side` is the source), kept rows from a row
    /// of `side` that appears more than once are counted more than once.
    case fanOut(step: Int, ofOther: Bool, side: String, other: String, columns: Set<Int>)
    /// Lookup `step` in `dataset` gave each source row one of its rows, or none; when an
    /// aggregate reads one of `columns` (the looked-up columns), a row of `dataset` that several
    /// kept rows looked up is counted once for each of them. A few of their `keys` (source
    /// columns) are shown.
    case repeatedLookup(step: Int, keys: [Int], dataset: String, columns: Set<Int>)
    /// The query groups by `bucket` (`month`, `quarter`, `week` or `year`) of date or datetime
    /// source column `column`; a first or last period that the kept rows cover only in part is a
    /// caveat (a month whose rows end on the 18th looks like a fall).
    case partialPeriods(column: Int, bucket: ScalarFunction.ID)
    /// A parenthesised side's own caveat: it stands when a kept row was made from a row of that
    /// side's result that `concerned` marks (nil: any row). The side is the other side of lookup
    /// or join `step`, or with no `step` the rows read first.
    case ofSide(caveat: Diagnostic, step: Int?, concerned: [Bool]?)
}

extension CaveatCheck {
    /// The columns whose aggregates this check is about, when it is about rows a lookup or
    /// join repeats; nil for every other check.
    var repeatedColumns: Set<Int>? {
        switch self {
        case .fanOut(_, _, _, _, let columns), .repeatedLookup(_, _, _, let columns): columns
        default: nil
        }
    }

    /// Whether this is a parenthesised side's own caveat.
    var isOfSide: Bool {
        if case .ofSide = self { return true }
        return false
    }
}
