/// Gathers the lines of a stream (standard input, a script read line by line, the prompt) into
/// pieces that each end where a statement ends, deciding in time that does not grow with what was
/// gathered before.
///
/// A piece ends before a line that starts a new statement, once the statement so far wants no more
/// (`Parser.continuation`, or `ContinuationShortcut` for long statements) and the new line does not
/// continue it (a clause word, `and`, `or`: `Parser.continuesStatement`). Blank and comment lines join
/// the piece they follow.
public struct StatementAssembler {
    /// Statements ready to run, and the line of the stream they start on.
    public struct Piece: Equatable, Sendable {
        /// The lines, joined by line feeds.
        public var text: String
        /// The 1-based line of the stream the piece starts on.
        public var firstLine: Int
    }

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
    /// Answers for long statements without parsing them again.
    private var shortcut = ContinuationShortcut()

    /// An empty assembler; its first line is line 1.
    public init() {}

    /// Whether the text gathered so far is an unfinished statement (the prompt's `   ...>`).
    public var wantsMore: Bool { hasStatement && unfinished }

    /// Adds the next line (without its line end); returns the piece it ended, if any.
    public mutating func add(_ line: String) -> Piece? {
        let lexed = LineTokens(line)
        let hasTokens = lexed.hasTokens
        guard hasTokens || hasStatement else {
            nextLine += 1
            firstLine = nextLine
            pending = ""
            return nil
        }
        var ended: Piece?
        if hasStatement, !unfinished, hasTokens, !Parser.continuesStatement(line: lexed) { ended = finish() }
        pending += nextLine == firstLine ? line : "\n" + line
        nextLine += 1
        if hasTokens {
            hasStatement = true
            unfinished = shortcut.surelyWantsMore(after: lexed) || Parser.continuation(pending) != nil
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
        shortcut = ContinuationShortcut()
        return piece
    }
}
