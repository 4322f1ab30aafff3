/// The last statement that held a query, kept so that a line typed at the prompt that starts with
/// a clause word can refine it: the clause is added to the query (replacing one that may come only
/// once), and the statement is run again with its statement word (`explain`, `let ru =`, `check`).
public struct RefinableQuery: Sendable, Equatable {
    /// The statement's text before its query, on one line (`explain`, `let ru =`); empty for a query.
    let head: String
    /// The query, on one line, or one clause per line when one line would read differently.
    public let query: String
    /// The statement's text after its query, on one line (`to "x.csv"`, `is 268%`).
    let tail: String

    /// The refinable form of `statement`, which holds `query`, written in `source`.
    init(statement: Statement, query: Query, in source: SourceFile) {
        let text = SourceFile(name: source.name, text: source.text(of: statement.span))
        var lexer = Lexer(text)
        let tokens = lexer.tokenize()
        let shift = statement.span.start
        func piece(_ start: Int, _ end: Int) -> String {
            Self.oneLine(SourceSpan(start: start - shift, end: end - shift), in: text, tokens: tokens)
        }
        head = piece(statement.span.start, query.span.start)
        self.query = Self.rendered(
            name: piece(query.source.span.start, query.source.span.end),
            clauses: query.clauses.map { piece($0.span.start, $0.span.end) })
        tail = piece(query.span.end, statement.span.end)
    }

    /// The query that `statement` holds, if it holds one (a query, `let`, `export`, `explain`,
    /// `check`, `sql`).
    static func query(of statement: Statement) -> Query? {
        switch statement.kind {
        case .query(let query), .let(_, let query), .export(let query, _, _, _), .explain(let query),
            .check(let query, _, _, _), .sql(let query):
            return query
        default:
            return nil
        }
    }

    /// Whether `text` refines the last query rather than starting a statement: its first word is a
    /// clause word (`group` and `sort` before `by`), `and`, `or`, or the SQL habit `order by`.
    public static func isRefinement(_ text: String) -> Bool {
        var lexer = Lexer(SourceFile(name: "", text: text))
        var first = lexer.next()
        while first.kind == .newline { first = lexer.next() }
        guard first.kind == .word else { return false }
        let second = lexer.next()
        switch first.keyword {
        case .group?, .sort?: return second.isKeyword(.by)
        case .and?, .or?: return true
        case let keyword? where keyword.role == .clause: return true
        default: return first.text.lowercased() == "order" && second.isKeyword(.by)
        }
    }

    /// The query with the clause lines `lines` on the lines after it, as a script would read them:
    /// what decides whether a typed refinement is finished (`Parser.continuation`).
    public func extended(by lines: String) -> String {
        query + "\n" + lines
    }

    /// The statements to run for `lines`, which start with a clause word: this statement with the
    /// clauses of `lines` added to its query, each replacing an earlier clause of its kind when that
    /// kind may come only once (in its place), then whatever statements follow in `lines`. The
    /// lines are read as a script reads them, and so is the text returned: the statement on one
    /// line, or one clause per line when one line would read differently (`group by year` followed
    /// by `between 2008 and 2020` would make one `group by` key).
    public func refined(by lines: String) -> String {
        let combined = SourceFile(name: "<prompt>", text: extended(by: lines))
        let parsed = Parser.parse(combined, mode: .script)
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }), let first = parsed.statements.first,
            case .query(let refined) = first.kind
        else {
            return Self.joined([head, query, lines, tail])
        }
        var lexer = Lexer(combined)
        let tokens = lexer.tokenize()
        func text(_ clause: Clause) -> String { Self.oneLine(clause.span, in: combined, tokens: tokens) }
        let boundary = query.utf8.count + 1
        let added = refined.clauses.filter { $0.span.start >= boundary }
        var replacements: [String: Clause] = [:]
        for clause in added.reversed() { if let word = clause.onceOnlyWord { replacements[word] = clause } }
        var replaced: Set<Int> = []
        var clauses: [String] = []
        for clause in refined.clauses where clause.span.start < boundary {
            guard let word = clause.onceOnlyWord, let replacement = replacements[word] else {
                clauses.append(text(clause))
                continue
            }
            if replaced.insert(replacement.span.start).inserted { clauses.append(text(replacement)) }
        }
        clauses += added.filter { !replaced.contains($0.span.start) }.map(text)
        let name = Self.oneLine(refined.source.span, in: combined, tokens: tokens)
        let statement = Self.rendered(head: head, name: name, clauses: clauses, tail: tail)
        var rest = combined.text(of: SourceSpan(start: first.span.end, end: combined.bytes.count))
        while let last = rest.last, last.isWhitespace { rest.removeLast() }
        return statement + rest
    }

    /// A statement from its pieces, each on one line: all on one line, or one clause per line (the
    /// tail after the last) when one line would read differently.
    private static func rendered(head: String = "", name: String, clauses: [String], tail: String = "") -> String {
        let statement = joined([head, name] + clauses + [tail])
        guard clauseCount(of: statement) != clauses.count else { return statement }
        let lines = [joined([head, name] + clauses.prefix(1))] + clauses.dropFirst().map { "  " + $0 }
        return joined([lines.joined(separator: "\n"), tail])
    }

    /// How many clauses the query of `statement` has when it is read on one line.
    private static func clauseCount(of statement: String) -> Int? {
        let parsed = Parser.parse(SourceFile(name: "<prompt>", text: statement), mode: .interactive)
        guard let first = parsed.statements.first, parsed.statements.count == 1 else { return nil }
        return query(of: first)?.clauses.count
    }

    /// The pieces that are not empty, joined by spaces.
    private static func joined(_ pieces: [String]) -> String {
        pieces.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The text of `span` on one line: its tokens as written, with one space wherever blanks, line
    /// ends or comments stood between two of them.
    static func oneLine(_ span: SourceSpan, in source: SourceFile, tokens: [Token]) -> String {
        var text = ""
        var previousEnd: Int?
        for token in tokens
        where token.kind != .newline && token.kind != .end && token.span.start >= span.start && token.span.end <= span.end {
            if let previousEnd {
                if token.span.start > previousEnd { text += " " }
            }
            text += source.text(of: token.span)
            previousEnd = token.span.end
        }
        return text
    }
}
