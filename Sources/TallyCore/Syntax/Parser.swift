// STUB — replaced by the parser work. Signatures are the contract.

/// The parser's output: every statement it could read and every syntax error it found.
public struct ParseResult: Sendable {
    /// Statements in source order (those with errors are left out).
    public var statements: [Statement]
    /// Syntax errors (and warnings), in source order.
    public var diagnostics: [Diagnostic]
}

/// Recursive-descent parser for the tally language.
public struct Parser {
    /// How statements are separated.
    public enum Mode: Sendable {
        /// Scripts and standard input: a line starting with a clause word continues the statement above.
        case script
        /// The prompt: the text typed so far, statements end at `;` or a line end.
        case interactive
    }

    /// Parses all of `source`.
    public static func parse(_ source: SourceFile, mode: Mode) -> ParseResult {
        ParseResult(statements: [], diagnostics: [])
    }

    /// Whether `text` ends in the middle of a statement (an open parenthesis or quote, a
    /// trailing operator or clause word), so that the prompt should ask for another line.
    public static func wantsMoreInput(_ text: String) -> Bool { false }
}
