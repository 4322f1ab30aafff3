/// A `change from Y1 to Y2` comparison, as planned: where its columns are in the output.
public struct ChangeSpec: Sendable, Equatable {
    /// The first year.
    public var from: Int64
    /// The second year.
    public var to: Int64
    /// Output columns of the value in each year, the change and the percent change.
    public var fromColumn: Int, toColumn: Int, changeColumn: Int, percentColumn: Int
}
