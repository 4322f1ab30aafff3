/// Says, from one line alone, when a long statement surely wants another line, so that the lines of
/// a pasted or streamed statement do not each parse everything before them again.
///
/// For a statement's first `fullChecks` lines, and whenever its line count is a power of two, it never
/// answers (the caller parses the whole statement: errors show at once, and in time that adds up to a
/// linear total). On other lines it answers yes when the line, read alone and cleanly, leaves a
/// parenthesis open or ends with a comma, an operator, `and`, `or` or `not`. A quote that spans lines,
/// a `;` or a lexer error turns it off for the rest of the statement. An error inside a long statement
/// may so be shown a few lines after the line that holds it.
public struct ContinuationShortcut {
    /// Lines of a statement always left to a whole parse.
    static let fullChecks = 16

    /// Lines with tokens so far.
    private var lines = 0
    /// Parentheses open at the end of the lines so far.
    private var depth = 0
    /// Whether every line so far could be read alone.
    private var standAlone = true

    /// A shortcut for a new statement.
    public init() {}

    /// Takes the statement's next line (a blank or comment line changes nothing) and answers whether
    /// the statement surely wants more; false means the whole statement must be asked.
    public mutating func surelyWantsMore(after line: String) -> Bool {
        surelyWantsMore(after: LineTokens(line))
    }

    /// `surelyWantsMore(after:)` for a line already read.
    public mutating func surelyWantsMore(after line: LineTokens) -> Bool {
        let tokens = line.content
        let clean = line.clean
        guard !tokens.isEmpty || !clean else { return false }
        lines += 1
        if !clean || tokens.contains(where: { $0.kind == .semicolon }) { standAlone = false }
        for token in tokens {
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen { depth -= 1 }
        }
        if depth < 0 { standAlone = false }
        guard standAlone, lines > Self.fullChecks, lines & (lines - 1) != 0 else { return false }
        return depth > 0 || tokens.last.map(Self.continues) == true
    }

    /// Whether a line ending with `token` always needs another.
    private static func continues(_ token: Token) -> Bool {
        switch token.kind {
        case .comma, .leftParen, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .plus, .minus,
             .star, .slash, .percent, .concat:
            return true
        case .word:
            return token.isKeyword(.and) || token.isKeyword(.or) || token.isKeyword(.not)
        default:
            return false
        }
    }
}
