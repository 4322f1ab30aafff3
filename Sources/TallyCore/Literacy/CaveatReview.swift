/// The literacy layer's review of a result: the caveat checks its binder chose for the query,
/// run by a `CaveatFinder` over the rows the query kept.
struct CaveatReview: ResultReview {
    let checks: [CaveatCheck]

    func caveats(of result: Table, from kept: KeptRows) throws(Diagnostic) -> [Diagnostic] {
        try CaveatFinder(checks: checks, plan: kept.plan, rows: kept.rows, lineage: kept.lineage, result: result, context: kept.context).caveats()
    }

    /// For an incomplete year, the rows of that year when the result has the time column; nil
    /// (every row) otherwise.
    func rowsConcerned(by caveat: Diagnostic, in result: Table) -> [Bool]? {
        guard let time = result.timeColumnIndex else { return nil }
        for case .incompleteYear(_, let year) in checks where caveat == CaveatFinder.incompleteYear(year) {
            return CaveatFinder.rowsHolding(year, in: result.columns[time])
        }
        return nil
    }
}
