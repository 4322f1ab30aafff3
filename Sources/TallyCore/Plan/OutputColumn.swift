/// A named output column and how to compute it.
public struct OutputColumn: Sendable {
    /// Column name in the result.
    public var name: String
    /// The computation, over the projection's input.
    public var expr: BoundExpr
    /// Whether tables write this column with thousands separators (aggregates, measures, decimals).
    public var separatesThousands: Bool
    /// The role this column keeps when the result becomes a dataset (`let`).
    public var role: Role

    /// What a result column means.
    public enum Role: Sendable, Equatable {
        case plain, time, measure, country
    }
}
