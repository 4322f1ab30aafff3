/// The parser's output: every statement it could read and every syntax error it found.
public struct ParseResult: Sendable {
    /// Statements in source order (those with errors are left out).
    public var statements: [Statement]
    /// Syntax errors (and warnings), in source order.
    public var diagnostics: [Diagnostic]
}

/// Recursive-descent parser for the tally language: one function per rule of `Grammar/tally.ebnf`.
///
/// Conventions, used by every `Parser+*.swift` file:
/// - `current` is the token being looked at; `advance()` moves past it. Inside parentheses,
///   line ends are skipped as `advance()` goes, so a parenthesis can span lines.
/// - `at(x)` asks whether `current` is `x` and consumes nothing; `eat(x)` consumes `current` when
///   it is `x` and returns it (or nil); `expect(x, …)` consumes `x` or throws an "expected …" error.
/// - A required element may start on the next line (the statement "wants more"): `expect`,
///   the start of an operand, and the element after a clause word call `skipNewlines()` first.
///   Optional elements never skip a line end, so a line end ends the statement there.
/// - Parse functions throw `ParseError`; `parseAll` reports it and resynchronizes at the next
///   line end or `;` (and in scripts also skips the broken statement's continuation lines),
///   so a script reports all of its syntax errors in one run.
/// - Every loop calls `checkProgress(&mark)`, which stops a loop that consumed nothing and a
///   statement longer than `maxStatementTokens`; `enterNesting()` bounds recursion at `maxDepth`,
///   and `extendChain` bounds the height of operator chains (`a and b and …`) at `maxDepth` too.
public struct Parser {
    /// How statements are separated.
    public enum Mode: Sendable {
        /// Scripts and standard input: a line starting with a clause word continues the statement above.
        case script
        /// The prompt: the text typed so far, statements end at `;` or a line end.
        case interactive
    }

    /// How deeply parentheses, `not` and unary minus may nest.
    static let maxDepth = 256
    /// How many tokens one statement may have.
    static let maxStatementTokens = 100_000

    let source: SourceFile
    let mode: Mode
    var tokens: [Token]
    var index = 0
    /// Open parentheses around `current`; line ends are skipped while it is positive.
    var parenDepth = 0
    /// Current nesting of expressions, bounded by `maxDepth`.
    var depth = 0
    /// The index of the first token of the statement being parsed.
    var statementStart = 0
    /// Whether items are expected (in `show`, `sort by`, `having`): `count`, `share`, `rank` are aggregates there.
    var itemContext = false
    /// What an element of the clause being parsed is called while it is `group by` ("group key"),
    /// `show` ("show item") or `sort by` ("sort key"), where `in` and `between` outside parentheses
    /// are not predicates (see `keyPredicate`); nil in every other clause.
    var keyNoun: String?
    /// What the clause being parsed is made of ("a condition", "an item"), for "expected …" messages.
    var noun = "a condition"
    /// Errors found so far (lexer errors first, then the parser's).
    var diagnostics: [Diagnostic]
    /// How many of the errors are the source ending while a statement wanted more.
    var errorsAtEnd = 0
    /// What the first statement cut short by the end of the source wanted (see `continuation`).
    var wantedAtEnd: String?
    /// Whether to stop at the first error that is not the source ending (`continuation` needs no more):
    /// the lexer stops at its first problem, and such an error carries no message, since none is read.
    let stopsAtInnerError: Bool

    init(_ source: SourceFile, mode: Mode, stopsAtInnerError: Bool = false) {
        var lexer = Lexer(source, stopsAtProblem: stopsAtInnerError)
        self.tokens = lexer.tokenize()
        self.diagnostics = lexer.diagnostics
        self.source = source
        self.mode = mode
        self.stopsAtInnerError = stopsAtInnerError
    }

    /// Parses all of `source`.
    public static func parse(_ source: SourceFile, mode: Mode) -> ParseResult {
        var parser = Parser(source, mode: mode)
        let statements = parser.parseAll()
        let ordered = parser.diagnostics.enumerated().sorted {
            let (a, b) = ($0.element.span?.start ?? 0, $1.element.span?.start ?? 0)
            return a != b ? a < b : $0.offset < $1.offset
        }
        return ParseResult(statements: statements, diagnostics: ordered.map(\.element))
    }

    /// What `text` still wants when it ends in the middle of a statement, so that the prompt should
    /// ask for another line: `parenthesis open`, `after 'and': a condition`, …; nil when it is complete.
    /// Text typed at the prompt is read in `.interactive` mode; a refinement (the last query with
    /// clause lines after it) in `.script` mode.
    ///
    /// Wanting more means that every syntax error in `text` is the text ending while a statement
    /// wanted more, which is the same rule that lets a statement continue on the next line. An
    /// unterminated quote is an error here, not a reason to wait: at the prompt it is a typo far
    /// more often than a string that spans lines. Since one such error (the lexer's too) settles the
    /// answer, reading stops at the first.
    public static func continuation(_ text: String, mode: Mode = .interactive) -> String? {
        var parser = Parser(SourceFile(name: "<prompt>", text: text), mode: mode, stopsAtInnerError: true)
        guard parser.diagnostics.isEmpty else { return nil }
        _ = parser.parseAll()
        let errors = parser.diagnostics.filter { $0.severity == .error }.count
        guard parser.errorsAtEnd > 0, parser.errorsAtEnd == errors else { return nil }
        return parser.wantedAtEnd
    }

    /// Whether a script line starting like `line` continues the statement above it: it starts with
    /// a clause word, `and` or `or`.
    public static func continuesStatement(line: LineTokens) -> Bool {
        continuesStatement(line.tokens, at: line.tokens.firstIndex { $0.kind != .newline } ?? line.tokens.count - 1)
    }

    // MARK: - Statements and recovery

    /// `script := { [statement] (newline | ";") }`: every statement, reporting errors as it goes.
    mutating func parseAll() -> [Statement] {
        var statements: [Statement] = []
        while true {
            while at(.newline) || at(.semicolon) { advance() }
            if at(.end) { return statements }
            let before = index
            statementStart = index
            parenDepth = 0
            depth = 0
            itemContext = false
            keyNoun = nil
            do throws(ParseError) {
                statements.append(try parseStatement())
            } catch {
                record(error)
                if stopsAtInnerError, !error.atEnd { return statements }
                synchronize()
            }
            if index == before { advance() }
        }
    }

    /// Reports `error` unless the lexer already did.
    mutating func record(_ error: ParseError) {
        if let diagnostic = error.diagnostic { diagnostics.append(diagnostic) }
        guard error.atEnd, let diagnostic = error.diagnostic else { return }
        errorsAtEnd += 1
        if wantedAtEnd == nil { wantedAtEnd = parenDepth > 0 ? "parenthesis open" : Self.wanted(by: diagnostic.message) }
    }

    /// What an "expected …" error at the end of the source says is wanted, put the prompt's way:
    /// `expected a condition after 'and'` is `after 'and': a condition`.
    static func wanted(by message: String) -> String {
        let what = message.hasPrefix("expected ") ? message.dropFirst("expected ".count) : Substring(message)
        guard let after = what.ranges(of: " after '").last else { return String(what) }
        return "after '\(what[after.upperBound...]): \(what[..<after.lowerBound])"
    }

    /// Skips the rest of a broken statement: to the end of its line or `;`, and in scripts also
    /// the lines after it that continue it (those starting with a clause word, `and` or `or`).
    mutating func synchronize() {
        parenDepth = 0
        while !current.endsStatement { advance() }
        guard mode == .script, at(.newline) else { return }
        while at(.newline), Self.continuesStatement(tokens, at: tokenIndexAfterNewlines(from: index)) {
            skipNewlines()
            while !current.endsStatement { advance() }
        }
    }

    // MARK: - Looking at tokens

    /// The token being looked at.
    var current: Token { tokens[index] }

    /// The token before `current` (the first token when there is none).
    var previous: Token { tokens[max(index - 1, 0)] }

    /// The token `offset` places after `current`, without skipping anything.
    func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    /// Moves past `current`; inside parentheses also past line ends. Never moves past `.end`.
    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
        if parenDepth > 0 {
            while tokens[index].kind == .newline { index += 1 }
        }
    }

    /// Skips line ends before a required element: the statement wants more, so it goes on.
    mutating func skipNewlines() {
        while at(.newline) { advance() }
    }

    /// Whether `current` is of `kind`.
    func at(_ kind: Token.Kind) -> Bool { current.kind == kind }

    /// Whether `current` is the word `keyword`.
    func at(_ keyword: Keyword) -> Bool { current.isKeyword(keyword) }

    /// Consumes `current` if it is of `kind`.
    mutating func eat(_ kind: Token.Kind) -> Token? {
        guard at(kind) else { return nil }
        let token = current
        advance()
        return token
    }

    /// Consumes `current` if it is the word `keyword`.
    mutating func eat(_ keyword: Keyword) -> Token? {
        guard at(keyword) else { return nil }
        let token = current
        advance()
        return token
    }

    /// Consumes a `kind` token, possibly on the next line, or throws "expected `what` after …".
    mutating func expect(_ kind: Token.Kind, _ what: String, code: String? = nil) throws(ParseError) -> Token {
        skipNewlines()
        if let token = eat(kind) { return token }
        throw expected(what, code: code)
    }

    /// Consumes the word `keyword`, possibly on the next line, or throws "expected `what` after …".
    mutating func expect(_ keyword: Keyword, _ what: String) throws(ParseError) -> Token {
        skipNewlines()
        if let token = eat(keyword) { return token }
        throw expected(what)
    }

    /// Consumes `(` and starts skipping line ends.
    mutating func openParen() -> Token {
        let token = current
        parenDepth += 1
        advance()
        return token
    }

    /// Consumes the `)` that closes a parenthesis opened by `openParen`, or throws.
    mutating func closeParen() throws(ParseError) -> Token {
        guard at(.rightParen) else { throw expected("')' to close '('") }
        let token = current
        parenDepth -= 1
        advance()
        return token
    }

    // MARK: - Guards

    /// Stops a loop that made no progress, and a statement that is too long.
    mutating func checkProgress(_ mark: inout Int) throws(ParseError) {
        guard index > mark else {
            throw ParseError(diagnostic: .error("internal-error", "the parser made no progress here", at: current.span), atEnd: false)
        }
        mark = index
        guard index - statementStart <= Parser.maxStatementTokens else {
            let start = tokens[statementStart].span
            throw ParseError(
                diagnostic: .error(
                    "statement-too-long", "statement is too long (more than \(Parser.maxStatementTokens) tokens)",
                    at: start, label: "this statement"),
                atEnd: false)
        }
    }

    /// Counts one more level of nesting, or throws when expressions nest deeper than `maxDepth`.
    mutating func enterNesting() throws(ParseError) {
        depth += 1
        guard depth <= Parser.maxDepth else {
            throw ParseError(
                diagnostic: .error(
                    "nesting-too-deep", "expression is nested too deeply (more than \(Parser.maxDepth) levels)",
                    at: current.span, label: "nested too deeply here"),
                atEnd: false)
        }
    }

    /// Ends a level counted by `enterNesting`.
    mutating func leaveNesting() { depth -= 1 }

    /// Throws when the whole expression `expr` (a clause's condition or item) is higher than `maxDepth`,
    /// at the first node found below that height: nesting and operator chains are each bounded, but
    /// one can sit inside the other (`not not … (a and b and …)`).
    func checkHeight(_ expr: Expr) throws(ParseError) {
        guard let deep = expr.node(atDepth: Parser.maxDepth &+ 1) else { return }
        throw ParseError(
            diagnostic: .error(
                "nesting-too-deep", "expression is nested too deeply (more than \(Parser.maxDepth) levels)",
                at: .point(deep.span.start), label: "nested too deeply here"),
            atEnd: false)
    }

    /// Grows the height of a left-deep chain (`a and b and c`, `1 + 2 + 3`) by the operator `op`
    /// joining `left` (the chain so far, whose height is `height`, nil before the first operator) and
    /// `right`; throws at `op` once the chain is higher than `maxDepth`.
    ///
    /// A chain is built by a loop, not by recursion, so `enterNesting` does not see it; but the binder and
    /// the executor walk the tree recursively, so its height must stay as bounded as the nesting.
    func extendChain(
        _ height: inout Int?, _ left: Expr, _ right: Expr, at op: Token, help: [String] = []
    ) throws(ParseError) {
        let grown = max(height ?? left.height, right.height) &+ 1
        height = grown
        guard grown <= Parser.maxDepth else {
            throw ParseError(
                diagnostic: .error(
                    "nesting-too-deep", "expression is nested too deeply (more than \(Parser.maxDepth) levels)",
                    at: op.span, label: "too many operators in a row here", help: help),
                atEnd: false)
        }
    }
}
