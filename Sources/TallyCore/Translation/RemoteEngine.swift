/// A database server that runs queries in place of the in-memory store (`--engine postgres`):
/// datasets are copied to it, and each checked query runs there as translated SQL.
public protocol RemoteEngine: AnyObject {
    /// Copies a dataset to the server, replacing a table of the same name.
    func copy(_ table: Table) throws(Diagnostic)
    /// Runs a checked query on the server; the result has the columns and types the native
    /// engine would give, so it renders the same.
    func run(_ plan: QueryPlan) throws(Diagnostic) -> ResultSet
    /// The rows each operator of `plan` passes up, counted on the server, in execution order
    /// (`PlanNode.executionOrder`), for `explain`.
    func rowCounts(_ plan: QueryPlan) throws(Diagnostic) -> [Int]
}
