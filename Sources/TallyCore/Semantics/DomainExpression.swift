/// An expression that a domain layer adds to the engine: tally's literacy layer adds country
/// groups, country attributes, `share`, `rank` and `change`. The binder of that layer makes it;
/// the evaluator, the row filter, the SQL writer and `explain` reach it only through this
/// protocol, so the engine itself knows nothing of countries or shares.
public protocol DomainExpression: Sendable, Equatable {
    /// The expressions it reads, in a fixed order.
    var operands: [BoundExpr] { get }
    /// The same expression reading `operands` instead (as many, in the same order).
    func replacingOperands(_ operands: [BoundExpr]) -> Self
    /// The type of the value it produces.
    var type: ValueType { get }
    /// The expression as written (`destination.population`) or named (`share`), for messages.
    var written: String { get }
    /// What it means in words, for `explain` ("its rank, largest first"); nil to say nothing.
    var meaning: String? { get }
    /// Whether it is a percent by construction, which a claim written with `%` is checked against.
    var isPercent: Bool { get }
    /// Whether a result shows it with thousands separators.
    var separatesThousands: Bool { get }
    /// Whether one row's value depends on every row of the result (a share of the total, a rank),
    /// which SQL computes with a window over the whole result.
    var readsEveryRow: Bool { get }
    /// Its values, given its operands' values (`count` rows each, in `operands`' order).
    func evaluate(_ operands: [Column], count: Int) -> Column
    /// For a test on a text column (and an integer column as second operand): the rows it keeps,
    /// decided once per code of `dictionary`; nil when it is no such test.
    func codeRanges(_ dictionary: TextDictionary) -> CodeRanges?
    /// Its SQL, given its operands' SQL in `dialect`; unused when `joinsTable` is true.
    func sql(_ operands: [SQLOperand], dialect: SQLDialect) throws(Diagnostic) -> String
    /// Whether SQL reads its value from another table, joined on its operands (a key, then a year).
    var joinsTable: Bool { get }
    /// That table, nil when no table of the catalog holds the value (SQL then cannot translate it).
    var joinedTable: AttributeTable? { get }
}

extension DomainExpression {
    public var meaning: String? { nil }
    public var isPercent: Bool { false }
    public var separatesThousands: Bool { false }
    public var readsEveryRow: Bool { false }
    public func codeRanges(_ dictionary: TextDictionary) -> CodeRanges? { nil }
    public var joinsTable: Bool { false }
    public var joinedTable: AttributeTable? { nil }

    /// Without a translation of its own, SQL cannot write it.
    public func sql(_ operands: [SQLOperand], dialect: SQLDialect) throws(Diagnostic) -> String {
        throw .error("sql-unsupported", "sql cannot translate \(written)", help: ["run the query in tally"])
    }

    /// Whether `other` is the same kind of expression with the same value.
    func isEqual(to other: any DomainExpression) -> Bool {
        (other as? Self) == self
    }
}

/// A domain expression inside a `BoundExpr`, compared by its kind and value.
public struct DomainTerm: Sendable, Equatable {
    /// The expression.
    public let expression: any DomainExpression

    /// Wraps `expression`.
    public init(_ expression: any DomainExpression) {
        self.expression = expression
    }

    public static func == (left: DomainTerm, right: DomainTerm) -> Bool {
        left.expression.isEqual(to: right.expression)
    }
}

/// An operand of a domain expression written as SQL.
public struct SQLOperand: Sendable {
    /// Its SQL text.
    public let sql: String
    /// Whether it can be NULL (a column with missing values, or any column after grouping).
    public let mayBeMissing: Bool
}
