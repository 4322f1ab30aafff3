/// How a query divides by a population, which decides what base a rate per resident has.
public enum PopulationDivision: Sendable, Equatable {
    /// It does not divide by it.
    case none
    /// Each country's own figure divides (`applications / destination.population`): the base
    /// is that country's residents.
    case perCountry
    /// A sum of the figures divides (`sum(applications) / sum(destination.population)`): the
    /// base is each group's sum.
    case summed
}
