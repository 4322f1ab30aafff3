/// What a domain layer looks for in a result once its query has run (the literacy layer's
/// caveats: mixed units, an incomplete year, unmatched lookups, …). The binder of that layer
/// puts it in the plan; the executor hands it the rows the query kept and knows nothing of what
/// it checks.
protocol ResultReview: Sendable {
    /// The caveats of `result`, found in the rows that made it.
    func caveats(of result: Table, from rows: KeptRows) throws(Diagnostic) -> [Diagnostic]
    /// The rows of `result` that `caveat`, one of its caveats, is about, when the result is a side
    /// of another query; nil when it is about every row.
    func rowsConcerned(by caveat: Diagnostic, in result: Table) -> [Bool]?
}

/// The rows a query kept, as a `ResultReview` reads them.
struct KeptRows {
    /// The plan that ran.
    let plan: QueryPlan
    /// The rows the filters kept (nil: all rows of the source).
    let rows: Selection?
    /// Which row of each side of the query's lookups and joins every source row was made from
    /// (nil: the query combines nothing).
    let lineage: CombinedRows?
    /// The cancellation flag, polled in every loop over rows.
    let context: ExecutionContext
}
