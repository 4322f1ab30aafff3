/// A checked query, ready to execute: every name resolved, every default filled in, and the
/// order of operations fixed (filter → group and aggregate → derive → having → sort → top → limit).
public struct QueryPlan: Sendable {
    /// The dataset queried.
    public var source: Table
    /// Rows kept: all `where` and time clauses and-ed together, over `source`.
    public var filter: BoundExpr?
    /// Grouping and aggregation, or nil for a row-by-row query.
    public var grouping: Grouping?
    /// The visible output columns, over the stage table (the grouped table, or `source`).
    public var outputs: [OutputColumn]
    /// Groups kept, over the stage table.
    public var having: BoundExpr?
    /// Sort keys over the stage table, most significant first; empty keeps the stage order.
    public var order: [SortKeySpec]
    /// `top N`: keep the N rows largest by `key`.
    public var top: (count: Int, key: BoundExpr)?
    /// `limit N`.
    public var limit: Int?
    /// Warnings found while binding, printed with the result.
    public var warnings: [Diagnostic]
    /// Notes printed only when the result is empty (e.g. a value that differs only in case).
    public var emptyResultNotes: [Diagnostic]
    /// Plain-English steps for `explain`, in execution order.
    public var steps: [PlanStep]
    /// The query restated as one plain-English sentence, for `explain`.
    public var sentence = ""
    /// Which output column holds the query's headline number: the first item after the keys
    /// (an aggregate, `share` or `rank`), `change_pct` of a `change` query, or the measure of a
    /// row-by-row query; what `check` compares.
    public var headline: Int?
    /// The `change from … to …` comparison, when the query has one.
    public var change: ChangeSpec?
    /// Whether the query asked for a chart (`chart`).
    public var chart = false
    /// How the result is drawn as a chart (bars beside a table, or an SVG file), if it has a number to draw.
    public var chartLayout: ChartLayout?
    /// Caveats to look for in the data once the query has run.
    public var caveatChecks: [CaveatCheck] = []
    /// The filter's parts, each over `source`: every `where` condition split at `and`, and every
    /// time clause; when no row passes, they say which removed every row (`EmptyResultExplainer`).
    public var filterParts: [FilterPart] = []
    /// Where `source`'s rows come from before any lookup or join (nil: `source` itself).
    var origin: SourceOrigin?
    /// The lookups and joins that made `source`, in order.
    var combinations: [CombinationPlan] = []

    /// Grouping keys (over `source`) and the aggregates computed per group.
    public struct Grouping: Sendable {
        /// Key expressions; empty for one group over all kept rows.
        public var keys: [BoundExpr]
        /// Names of the key columns in the grouped table.
        public var keyNames: [String]
        /// Aggregates, whose results follow the keys in the grouped table.
        public var aggregates: [AggregateSpec]
    }
}

/// A named output column and how to compute it.
public struct OutputColumn: Sendable {
    /// Column name in the result.
    public var name: String
    /// The computation, over the stage table.
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

/// One sort key.
public struct SortKeySpec: Sendable {
    /// What to sort on, over the stage table.
    public var expr: BoundExpr
    /// Largest first.
    public var descending: Bool
}

/// One aggregate computed per group.
public struct AggregateSpec: Sendable, Equatable {
    /// Which aggregate.
    public var function: AggregateFunction
    /// Its argument over `source`; nil for `count`.
    public var argument: BoundExpr?
    /// Only rows where this holds count (`sum(x) filter (where year = 2012)`), and a group
    /// without such rows gets a missing value, even for `count`; nil: all rows of the group.
    public var condition: BoundExpr? = nil

    /// The type of the aggregate's result.
    public var resultType: ValueType {
        switch function {
        case .count, .countValues, .distinct: return .integer
        case .avg, .median: return .decimal
        case .sum: return argument?.type == .integer ? .integer : .decimal
        case .min, .max, .only: return argument?.type ?? .integer
        }
    }
}

/// The aggregate functions.
public enum AggregateFunction: String, Sendable, CaseIterable {
    case count, countValues = "count_values", distinct, sum, avg, min, max, median
    /// The one value a group has (a country attribute outside an aggregate); more than one is
    /// an error naming the group.
    case only
}

/// One step of a plan in words, for `explain`.
public struct PlanStep: Sendable {
    /// What happens (`keep rows where origin is RUS`).
    public var text: String
    /// Which stage, so `explain` can give the row count after it.
    public var stage: Stage
    /// The rows after this step when they are known before the query runs (the source and
    /// each lookup or join); nil: the count after `stage`.
    public var rows: Int? = nil

    /// Execution stages whose row counts `explain` reports.
    public enum Stage: Sendable {
        case scan, combine, filter, group, derive, having, sort, top, limit, output
    }
}

/// A `change from Y1 to Y2` comparison, as planned: where its columns are in the output.
public struct ChangeSpec: Sendable, Equatable {
    /// The first year.
    public var from: Int64
    /// The second year.
    public var to: Int64
    /// Output columns of the value in each year, the change and the percent change.
    public var fromColumn: Int, toColumn: Int, changeColumn: Int, percentColumn: Int
}

/// One condition of a query's filter, bound on its own.
public struct FilterPart: Sendable {
    /// The condition as written (`kind = nwe`, `since 2030`).
    public var text: String
    /// Where it is written, so that parts are tried in the order of the query.
    public var span: SourceSpan
    /// The condition over the source.
    public var condition: BoundExpr
    /// Whether it is a time clause (`since`, `until`, `in`, `between`).
    public var isTime: Bool
}
