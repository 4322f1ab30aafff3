/// One line read by the lexer once, for the decisions taken line by line about a stream of
/// statements: whether the line holds anything, whether it continues the statement above, whether a
/// long statement surely wants another line.
public struct LineTokens {
    /// Every token of the line, ending with `.end`; on a line that does not read cleanly, those up to
    /// and including the first `.invalid` one (no decision looks past a problem).
    let tokens: [Token]
    /// Whether the lexer found nothing wrong.
    let clean: Bool

    /// Reads `line`.
    public init(_ line: String) {
        var lexer = Lexer(SourceFile(name: "<line>", text: line), stopsAtProblem: true)
        tokens = lexer.tokenize()
        clean = lexer.diagnostics.isEmpty
    }

    /// The tokens that are not line ends or the end.
    var content: [Token] { tokens.filter { $0.kind != .newline && $0.kind != .end } }

    /// Whether the line holds anything but blanks and comments (something unreadable counts).
    var hasTokens: Bool { tokens.contains { $0.kind != .newline && $0.kind != .end } || !clean }
}
