/// One token of tally source: its kind, its source span, and its text.
public struct Token: Sendable, Equatable {
    /// What kind of token.
    public enum Kind: Sendable, Equatable {
        /// A word: an identifier or a keyword (see `keyword`).
        case word
        /// A backquoted name; `text` holds it without the backquotes.
        case quotedName
        /// A quoted string; `text` holds its value, doubled quotes made single.
        case string
        /// A number; `text` holds it as written, underscores removed.
        case number
        /// The end of a line, which can end a statement.
        case newline
        /// `;`.
        case semicolon
        /// `,`.
        case comma
        /// `(`.
        case leftParen
        /// `)`.
        case rightParen
        /// `=` or `==`.
        case equal
        /// `!=` or `<>`.
        case notEqual
        /// `<`.
        case less
        /// `<=`.
        case lessOrEqual
        /// `>`.
        case greater
        /// `>=`.
        case greaterOrEqual
        /// `+`.
        case plus
        /// `-`.
        case minus
        /// `*`.
        case star
        /// `/`.
        case slash
        /// `%`.
        case percent
        /// `||` (join text).
        case concat
        /// `.` between two names (`destination.region`).
        case dot
        /// Something the lexer could not read; the lexer has already reported it.
        case invalid
        /// The end of the source.
        case end
    }

    /// The kind.
    public var kind: Kind
    /// Where it was written.
    public var span: SourceSpan
    /// Words and operators as written; the value of strings and backquoted names; numbers without `_`.
    public var text: String
    /// The keyword a word spells (case-insensitively), whether or not it is used as one here.
    public var keyword: Keyword?

    /// Creates a token.
    public init(_ kind: Kind, span: SourceSpan, text: String, keyword: Keyword? = nil) {
        self.kind = kind
        self.span = span
        self.text = text
        self.keyword = keyword
    }

    /// Whether this is a word spelling `keyword`.
    public func isKeyword(_ keyword: Keyword) -> Bool {
        kind == .word && self.keyword == keyword
    }

    /// Whether this token ends a statement: a newline, `;` or the end of the source.
    public var endsStatement: Bool {
        kind == .newline || kind == .semicolon || kind == .end
    }
}
