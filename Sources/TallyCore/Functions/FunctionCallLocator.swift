/// Where a scalar function's error found while the query runs should point: at the first call of
/// that function in the query (`number(origin)`), rather than at the whole query.
enum FunctionCallLocator {
    /// The function whose values each run-time error code is about.
    private static let functionOfError = ["not-a-number": "number", "not-a-date": "date"]

    /// The span of the first call of the function `error` is about, from its name through its
    /// closing parenthesis, among the tokens of `source` inside `query`; nil for other errors.
    static func span(of error: Diagnostic, in source: SourceFile, query: SourceSpan) -> SourceSpan? {
        guard let name = functionOfError[error.code] else { return nil }
        var lexer = Lexer(source)
        let tokens = lexer.tokenize().filter { $0.span.start >= query.start && $0.span.end <= query.end }
        for (index, token) in tokens.enumerated() where token.kind == .word && token.text.lowercased() == name {
            guard index + 1 < tokens.count, tokens[index + 1].kind == .leftParen else { continue }
            var depth = 0
            for closing in tokens[(index + 1)...] {
                if closing.kind == .leftParen { depth += 1 }
                if closing.kind == .rightParen { depth -= 1 }
                if depth == 0 { return SourceSpan(start: token.span.start, end: closing.span.end) }
            }
        }
        return nil
    }
}
