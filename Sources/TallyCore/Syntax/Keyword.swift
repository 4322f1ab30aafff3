/// The words tally gives a meaning to: one table, matched case-insensitively.
///
/// Spelling a keyword does not make a word reserved: the parser treats a word as a keyword only
/// where that keyword can stand (`Grammar/README.md` gives the rules), and as a name elsewhere.
public enum Keyword: String, Sendable, CaseIterable {
    /// Statement words: keywords only at the start of a statement.
    case `let`, load, export, datasets, describe, explain, help, set, check, sql, cite, run, drop, reset, record, quit, exit
    /// Clause words: keywords where a clause may start (`group` and `sort` only before `by`).
    case `where`, having, since, until, between, `in`, group, sort, show, top, limit, change, chart, across, lookup, join
    /// Item words: keywords only where an item is expected.
    case count, share, rank, asc, desc
    /// Words inside clauses and statements.
    case and, or, not, `is`, missing, contains, starts, ends, with, `as`, by, from, to, within, `true`, `false`

    /// What part a keyword plays, which decides where it is reserved.
    public enum Role: Sendable, Equatable {
        /// Starts a statement.
        case statement
        /// Starts a clause of a query.
        case clause
        /// An aggregate or sort direction written where an item is expected.
        case item
        /// A connecting word inside a clause or statement.
        case connective
    }

    /// The role of this keyword.
    public var role: Role {
        switch self {
        case .let, .load, .export, .datasets, .describe, .explain, .help, .set, .check, .sql, .cite, .run, .drop, .reset,
            .record, .quit, .exit:
            return .statement
        case .where, .having, .since, .until, .between, .in, .group, .sort, .show, .top, .limit, .change, .chart, .across, .lookup, .join:
            return .clause
        case .count, .share, .rank, .asc, .desc:
            return .item
        default:
            return .connective
        }
    }

    /// The keyword spelled by `bytes`, ignoring ASCII case; nil for any other word.
    public static func lookup<Bytes: Collection>(_ bytes: Bytes) -> Keyword? where Bytes.Element == UInt8 {
        guard bytes.count <= MemoryLayout<UInt64>.size else { return nil }
        var packed: UInt64 = 0
        for (offset, byte) in bytes.enumerated() {
            guard byte != 0, byte < 0x80 else { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            packed |= UInt64(lower) << (8 * offset)
        }
        return packedSpellings[packed]
    }

    /// Every keyword by its spelling packed into one integer, a byte each (no keyword is longer than
    /// eight bytes, and a word is lowered and packed without building a string): one hash look-up per word.
    private static let packedSpellings = Dictionary(uniqueKeysWithValues: allCases.map { keyword in
        (keyword.rawValue.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }, keyword)
    })

    /// The words that can start a clause, as written (`group by`, `sort by`).
    public static let clauseWords = [
        "where", "having", "since", "until", "between", "in", "group by", "sort by", "show", "top", "limit",
        "change", "chart", "across", "lookup", "join",
    ]

    /// The first word of each of `clauseWords` (`group`, `sort`), in the same order.
    static let clauseFirstWords = clauseWords.map { String($0.split(separator: " ").first ?? "") }

    /// The words that start a statement.
    public static let statementWords = allCases.filter { $0.role == .statement }.map(\.rawValue)
}
