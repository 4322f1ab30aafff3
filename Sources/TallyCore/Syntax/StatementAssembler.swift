/// Gathers the lines of a stream (standard input, a script read line by line, the prompt) into
/// pieces that each end where a statement ends, deciding in time that does not grow with what was
/// gathered before.
///
/// A piece ends before a line that starts a new statement, once the statement so far wants no more
/// (`Parser.wantsMoreInput`) and the new line does not continue it (a clause word, `and`, `or`:
/// `Parser.continuesStatement`). Blank and comment lines join the piece they follow.
///
/// Whether the statement wants more is asked of the whole statement (`Parser.wantsMoreInput`) for
/// its first `fullChecks` lines and whenever its line count is a power of two; on other lines a
/// line that leaves a parenthesis open or ends with a comma, an operator, `and`, `or` or `not` wants
/// more without parsing everything again. So a pasted 8,000-line statement costs time in proportion
/// to its length; an error inside such a long statement may be reported a few lines later.
public struct StatementAssembler {
    /// Statements ready to run, and the line of the stream they start on.
    public struct Piece: Equatable, Sendable {
        /// The lines, joined by line feeds.
        public var text: String
        /// The 1-based line of the stream the piece starts on.
        public var firstLine: Int
    }

    /// Lines of a statement asked of the whole statement each time.
    static let fullChecks = 16

    /// The lines gathered so far, joined by line feeds.
    private var pending = ""
    /// The stream line `pending` starts on.
    private var firstLine = 1
    /// The number of the next line.
    private var nextLine = 1
    /// Whether `pending` holds a token that is not a comment.
    private var hasStatement = false
    /// Whether the statement in `pending` wants more lines.
    private var unfinished = false
    /// Lines with tokens in the statement so far.
    private var statementLines = 0
    /// Parentheses open at the end of `pending`, while lines can be read alone.
    private var depth = 0
    /// Whether every line so far could be read alone (no quote spanning lines, no `;`, no lexer error).
    private var linesStandAlone = true

    /// An empty assembler; its first line is line 1.
    public init() {}

    /// Whether the text gathered so far is an unfinished statement (the prompt's `   ...>`).
    public var wantsMore: Bool { hasStatement && unfinished }

    /// Adds the next line (without its line end); returns the piece it ended, if any.
    public mutating func add(_ line: String) -> Piece? {
        let (tokens, lexedCleanly) = Self.tokens(of: line)
        let hasTokens = !tokens.isEmpty || !lexedCleanly
        guard hasTokens || hasStatement else {
            nextLine += 1
            firstLine = nextLine
            pending = ""
            return nil
        }
        var ended: Piece?
        if hasStatement, !unfinished, hasTokens, !Parser.continuesStatement(line: line) { ended = finish() }
        pending += nextLine == firstLine ? line : "\n" + line
        nextLine += 1
        if hasTokens {
            hasStatement = true
            statementLines += 1
            unfinished = wantsMore(after: tokens, lexedCleanly: lexedCleanly)
        }
        return ended
    }

    /// The number of bytes gathered and not yet handed out.
    public var pendingBytes: Int { pending.utf8.count }

    /// The piece gathered so far (nil when it holds no statement), and a fresh start after it.
    public mutating func finish() -> Piece? {
        let piece = hasStatement ? Piece(text: pending, firstLine: firstLine) : nil
        pending = ""
        firstLine = nextLine
        hasStatement = false
        unfinished = false
        statementLines = 0
        depth = 0
        linesStandAlone = true
        return piece
    }

    /// Whether the statement wants more after a line of `tokens`.
    private mutating func wantsMore(after tokens: [Token], lexedCleanly: Bool) -> Bool {
        if !lexedCleanly || tokens.contains(where: { $0.kind == .semicolon }) { linesStandAlone = false }
        for token in tokens {
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen { depth -= 1 }
        }
        if depth < 0 { linesStandAlone = false }
        let isPowerOfTwo = statementLines & (statementLines - 1) == 0
        guard linesStandAlone, statementLines > Self.fullChecks, !isPowerOfTwo else {
            return Parser.wantsMoreInput(pending)
        }
        if depth > 0 { return true }
        if let last = tokens.last, Self.continues(last) { return true }
        return Parser.wantsMoreInput(pending)
    }

    /// The tokens of `line` read alone, without line ends, and whether it read without any problem.
    private static func tokens(of line: String) -> ([Token], Bool) {
        var lexer = Lexer(SourceFile(name: "", text: line))
        let tokens = lexer.tokenize().filter { $0.kind != .newline && $0.kind != .end }
        return (tokens, lexer.diagnostics.isEmpty && !lexer.endsInsideQuote)
    }

    /// Whether a line ending with `token` always needs another.
    private static func continues(_ token: Token) -> Bool {
        switch token.kind {
        case .comma, .leftParen, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .plus, .minus,
             .star, .slash, .percent:
            return true
        case .word:
            return token.isKeyword(.and) || token.isKeyword(.or) || token.isKeyword(.not)
        default:
            return false
        }
    }
}
