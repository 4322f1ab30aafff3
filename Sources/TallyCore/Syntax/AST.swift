/// The syntax tree: what the parser makes of a statement, clauses in the order written,
/// a source span on every node. Nothing here is resolved against data; the `Binder` does that.

/// A name as written: an identifier, a backquoted name, or a keyword used as a bare word.
public struct Name: Sendable, Equatable {
    /// The text (without backquotes).
    public var text: String
    /// Where it was written.
    public var span: SourceSpan
    /// Whether it was backquoted (`` `count` ``), which always means a column or dataset.
    public var isQuoted: Bool

    /// Creates a name.
    public init(_ text: String, span: SourceSpan, isQuoted: Bool = false) {
        self.text = text
        self.span = span
        self.isQuoted = isQuoted
    }
}

/// A number literal, keeping the source text so that `zip = 08123` can compare it as text.
public struct NumberLiteral: Sendable, Equatable {
    /// The digits as written, underscores removed (`1000` for `1_000`), with a leading `-` when folded.
    public var text: String
    /// The value: an integer when it has no fraction or exponent and fits 64 bits, else a decimal.
    public var value: Value

    /// Creates a literal.
    public init(text: String, value: Value) {
        self.text = text
        self.value = value
    }
}

/// An expression or condition.
public struct Expr: Sendable, Equatable {
    /// What kind of expression.
    public indirect enum Kind: Sendable, Equatable {
        /// An identifier: a column, or (on the right of a comparison or in a list) a bare text value.
        case name(Name)
        /// A number.
        case number(NumberLiteral)
        /// A quoted string.
        case string(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// `-x`.
        case negate(Expr)
        /// `not x`.
        case not(Expr)
        /// `x + y`, `x - y`, `x * y`, `x / y`.
        case arithmetic(ArithmeticOperator, Expr, Expr)
        /// `x = y`, `x != y`, `x < y`, …
        case comparison(ComparisonOperator, Expr, Expr)
        /// `x and y`.
        case and(Expr, Expr)
        /// `x or y`.
        case or(Expr, Expr)
        /// `x [not] in (a, b, …)`.
        case inList(Expr, [Expr], negated: Bool)
        /// `x [not] between a and b`.
        case between(Expr, Expr, Expr, negated: Bool)
        /// `x is [not] missing`.
        case isMissing(Expr, negated: Bool)
        /// `x contains t`, `x starts with t`, `x ends with t` (case-insensitive).
        case textMatch(TextMatch, Expr, Expr)
        /// `x in EU`, `x in "Western Europe"`: membership of a country group (literacy).
        case inGroup(Expr, Name)
        /// `name.name`: a country attribute (`destination.region`) or a column of a looked-up dataset.
        case qualified(Name, Name)
        /// A function or aggregate call: `sum(x)`, `count(*)`, `count` (no parentheses), `share`, `rank`;
        /// `s || t` is a call of the function `||`.
        case call(Name, [Expr], star: Bool)
        /// `*` as a `show` item: every column of the source.
        case allColumns
    }

    /// The kind.
    public var kind: Kind
    /// The source span of the whole expression.
    public var span: SourceSpan

    /// Creates an expression.
    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// `+ - * /`.
public enum ArithmeticOperator: String, Sendable, Equatable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// `= != < <= > >=` (`==` and `<>` are spelled as `=` and `!=`).
public enum ComparisonOperator: String, Sendable, Equatable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// The three case-insensitive text tests.
public enum TextMatch: String, Sendable, Equatable {
    case contains = "contains", startsWith = "starts with", endsWith = "ends with"
}

/// A `show` item: an expression with an optional `as` name.
public struct ShowItem: Sendable, Equatable {
    /// The expression.
    public var expr: Expr
    /// The `as` name.
    public var alias: Name?

    /// Creates an item.
    public init(expr: Expr, alias: Name?) {
        self.expr = expr
        self.alias = alias
    }
}

/// A `sort by` key.
public struct SortKey: Sendable, Equatable {
    /// What to sort on: an output name or an expression.
    public var expr: Expr
    /// `desc` (true), `asc` (false) or not written (nil: ascending).
    public var descending: Bool?

    /// Creates a key.
    public init(expr: Expr, descending: Bool?) {
        self.expr = expr
        self.descending = descending
    }
}

/// A year literal in a time clause, or a period in quotes (`"2024-03"`) for a date time column.
public struct YearLiteral: Sendable, Equatable {
    /// The year (for a quoted period, the year it starts with, or 0).
    public var value: Int64
    /// Where it was written.
    public var span: SourceSpan
    /// The period as written in quotes (`"2024"`, `"2024-03"`, `"2024-03-15"`); nil for a bare year.
    public var period: String?

    /// Creates a year literal.
    public init(value: Int64, span: SourceSpan, period: String? = nil) {
        self.value = value
        self.span = span
        self.period = period
    }
}

/// One clause of a query, as written.
public struct Clause: Sendable, Equatable {
    /// What kind of clause.
    public enum Kind: Sendable, Equatable {
        case `where`(Expr)
        case having(Expr)
        case since(YearLiteral)
        case until(YearLiteral)
        case inYear(YearLiteral)
        case between(YearLiteral, YearLiteral)
        case groupBy([Expr])
        case show([ShowItem])
        case sortBy([SortKey])
        /// `top N`; the count with its span.
        case top(Int64, SourceSpan)
        /// `limit N`.
        case limit(Int64, SourceSpan)
        /// `change from Y1 to Y2` (literacy).
        case change(from: YearLiteral, to: YearLiteral)
        /// `chart` (literacy).
        case chart
        /// `across KEY`: one column per value of the key (reshaping).
        case across(Expr)
        /// `lookup OTHER on KEYS` or `join OTHER on KEYS`: another dataset beside each row.
        case combine(Combination)
    }

    /// The kind.
    public var kind: Kind
    /// The span from the clause word to the clause's end.
    public var span: SourceSpan
    /// The span of the clause word(s) alone (`group by`), for "given twice" errors.
    public var keywordSpan: SourceSpan

    /// Creates a clause.
    public init(_ kind: Kind, span: SourceSpan, keywordSpan: SourceSpan) {
        self.kind = kind
        self.span = span
        self.keywordSpan = keywordSpan
    }
}

/// A query: a source dataset and its clauses in the order written.
public struct Query: Sendable, Equatable {
    /// Where the rows come from: a dataset or `let` name, or a parenthesised query.
    public var source: QuerySource
    /// The clauses, as written.
    public var clauses: [Clause]
    /// The whole query.
    public var span: SourceSpan

    /// Creates a query.
    public init(source: QuerySource, clauses: [Clause], span: SourceSpan) {
        self.source = source
        self.clauses = clauses
        self.span = span
    }

    /// Creates a query on the dataset called `name`.
    public init(source name: Name, clauses: [Clause], span: SourceSpan) {
        self.init(source: .dataset(name), clauses: clauses, span: span)
    }
}

/// What a query (or a `lookup`/`join`) reads: a dataset or `let` name, or a parenthesised query.
public indirect enum QuerySource: Sendable, Equatable {
    /// A dataset or `let` name.
    case dataset(Name)
    /// `( query )`; the span covers the parentheses.
    case query(Query, span: SourceSpan)

    /// Where it is written.
    public var span: SourceSpan {
        switch self {
        case .dataset(let name): return name.span
        case .query(_, let span): return span
        }
    }

    /// The dataset name, when it is one.
    public var datasetName: Name? {
        if case .dataset(let name) = self { return name }
        return nil
    }

    /// The datasets it reads, its own and those of its `lookup` and `join` clauses, at any depth.
    public var datasetNames: [Name] {
        switch self {
        case .dataset(let name): return [name]
        case .query(let query, _): return query.datasetNames
        }
    }
}

extension Query {
    /// The datasets the query reads: its source's and those of its `lookup` and `join` clauses.
    public var datasetNames: [Name] {
        source.datasetNames + clauses.flatMap { clause -> [Name] in
            if case .combine(let combination) = clause.kind { return combination.other.datasetNames }
            return []
        }
    }
}

/// `lookup OTHER [as NAME] on KEY {, KEY}` (a left join to a table whose key is unique) or
/// `join OTHER [as NAME] on KEY {, KEY}` (an inner join, many-to-many).
public struct Combination: Sendable, Equatable {
    /// Which of the two.
    public enum Kind: String, Sendable, Equatable {
        case lookup, join
    }

    /// `lookup` or `join`.
    public var kind: Kind
    /// The other dataset.
    public var other: QuerySource
    /// The `as` name that qualifies the other side's columns.
    public var alias: Name?
    /// The key pairs, at least one.
    public var keys: [JoinKey]

    /// Creates a combination.
    public init(kind: Kind, other: QuerySource, alias: Name?, keys: [JoinKey]) {
        self.kind = kind
        self.other = other
        self.alias = alias
        self.keys = keys
    }
}

/// One key of a `lookup` or `join`: `col` (the same name on both sides) or `col = other_col`.
public struct JoinKey: Sendable, Equatable {
    /// The source's column.
    public var column: Name
    /// The other side's column; nil when it has the source's name.
    public var otherColumn: Name?

    /// Creates a key.
    public init(column: Name, otherColumn: Name?) {
        self.column = column
        self.otherColumn = otherColumn
    }

    /// The other side's column name as written (the source's when not given).
    public var otherName: Name { otherColumn ?? column }
}

/// Column roles declared by `load … with time COL, measure COL, countries COL`.
public struct RoleDeclaration: Sendable, Equatable {
    /// `time COL`.
    public var time: Name?
    /// `measure COL {, COL}`.
    public var measures: [Name]
    /// `countries COL {, COL}`.
    public var countries: [Name]

    /// Creates a declaration.
    public init(time: Name? = nil, measures: [Name] = [], countries: [Name] = []) {
        self.time = time
        self.measures = measures
        self.countries = countries
    }
}

/// A session setting named by `set`.
public enum Setting: Sendable, Equatable {
    case timer(Bool)
    case format(String)
    case dialect(String)
    /// `set memory N` with the number of megabytes (robustness budget).
    case memory(Int64)
    /// `set rows N`: rows printed at the prompt.
    case rows(Int64)
    /// `set width N`, or `set width auto` (nil) for the terminal's.
    case width(Int64?)
    /// `set layout table|vertical`.
    case layout(String)
    /// `set names on|off`: country names or codes in tables and charts.
    case names(Bool)
}

/// One statement.
public struct Statement: Sendable, Equatable {
    /// What kind of statement.
    public enum Kind: Sendable, Equatable {
        case query(Query)
        /// An expression without a dataset (`round(4884 / 12615 * 100, 1)`): the calculator.
        case calculate(Expr)
        case `let`(Name, Query)
        /// `load "path" [as NAME] [with …]`.
        case load(path: String, pathSpan: SourceSpan, name: Name?, roles: RoleDeclaration)
        /// `export QUERY to "path" [titled "title"]`; the title is for SVG charts.
        case export(Query, path: String, pathSpan: SourceSpan, title: String?)
        case datasets
        case describe(Name)
        case explain(Query)
        /// `help` with an optional topic (the rest of the statement's words).
        case help(String?)
        case set(Setting)
        /// `check QUERY is NUMBER[%] [within P%]` (literacy).
        case check(Query, claim: NumberLiteral, isPercent: Bool, tolerance: Double?)
        case cite(Name)
        case sql(Query)
        /// `run "path"`: runs a script's statements, echoing each before its result.
        case run(path: String, pathSpan: SourceSpan)
        /// `drop NAME`: removes a dataset.
        case drop(Name)
        /// `reset`: the datasets and settings as they were when the session started.
        case reset
        /// `record "path"` starts a transcript; `record off` (a nil path) stops it.
        case record(path: String?, pathSpan: SourceSpan)
        case quit
    }

    /// The kind.
    public var kind: Kind
    /// The whole statement.
    public var span: SourceSpan

    /// Creates a statement.
    public init(_ kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}
