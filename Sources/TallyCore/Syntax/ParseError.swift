/// A syntax error that stops the statement being parsed; the parser reports it and resynchronizes.
struct ParseError: Error {
    /// What to report; nil when the lexer has already reported the problem (an `.invalid` token), or
    /// when no message is read (`Parser.messageUnread`).
    var diagnostic: Diagnostic?
    /// Whether the problem is that the source ended while the statement wanted more.
    var atEnd: Bool
}
