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
        guard bytes.count <= longest else { return nil }
        var lowered = ""
        lowered.reserveCapacity(bytes.count)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            lowered.unicodeScalars.append(Unicode.Scalar(lower))
        }
        return spelled[lowered]
    }

    /// Every keyword by its spelling: one hash look-up per word instead of a comparison with each.
    private static let spelled = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The length of the longest keyword, to reject long words without building a string.
    private static let longest = allCases.map(\.rawValue.utf8.count).max() ?? 0

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
