/// The kinds of value a column's fields have shown so far; the column's type follows from it alone.
///
/// Because the type depends only on which kinds were seen, never on their order, pieces of a file
/// parsed apart (by different threads) combine by union into the type one pass would have found.
struct TypeEvidence: OptionSet, Sendable {
    let rawValue: UInt8

    /// A 64-bit integer.
    static let integer = TypeEvidence(rawValue: 1)
    /// A decimal (or an integer beyond 64 bits).
    static let decimal = TypeEvidence(rawValue: 2)
    /// `true` or `false`.
    static let boolean = TypeEvidence(rawValue: 4)
    /// A non-empty missing-value token: `NA`, `N/A`, `null`.
    static let missingToken = TypeEvidence(rawValue: 8)
    /// Anything else, including a value with doubled quotes.
    static let text = TypeEvidence(rawValue: 16)
    /// An ISO 8601 date `YYYY-MM-DD`.
    static let date = TypeEvidence(rawValue: 32)

    /// The evidence one classified field gives.
    init(_ value: FieldClassifier.Class) {
        switch value {
        case .integer: self = .integer
        case .decimal: self = .decimal
        case .boolean: self = .boolean
        case .missingToken: self = .missingToken
        case .text: self = .text
        case .date: self = .date
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The type these kinds of value make (see `ColumnChunk` for the rules); `undecided` when no
    /// field held a value.
    var type: InferredType {
        if contains(.text) { return .text }
        if contains(.date) { return self == .date ? .date : .text }
        if contains(.boolean) {
            return isDisjoint(with: [.integer, .decimal, .missingToken]) ? .boolean : .text
        }
        if contains(.decimal) { return .decimal }
        if contains(.integer) { return .integer }
        return .undecided
    }
}

/// A column's type as inference sees it; `undecided` until a field holds a value.
enum InferredType: Sendable {
    case undecided, integer, decimal, boolean, date, text
}
