/// Building syntax errors: "expected …" messages, SQL habits and keyword suggestions.
extension Parser {
    /// The last token before `current` that is not a line end.
    var previousSignificant: Token {
        var i = index - 1
        while i > 0, tokens[i].kind == .newline { i -= 1 }
        return tokens[max(i, 0)]
    }

    /// Whether an error at `current` stops a parse that reads no message (`stopsAtInnerError`, and the
    /// source has not ended), so that building the message would be wasted.
    var messageUnread: Bool { stopsAtInnerError && !at(.end) }

    /// "expected `what` after 'previous'" at `current`; at a statement end, an empty span after the previous token.
    func expected(_ what: String, code: String? = nil, label: String? = nil, saysAfter: Bool = true) -> ParseError {
        if at(.invalid) || messageUnread { return ParseError(diagnostic: nil, atEnd: false) }
        let before = previousSignificant
        let message = saysAfter ? "expected \(what) after '\(source.text(of: before.span))'" : "expected \(what)"
        if current.endsStatement {
            let diagnostic = Diagnostic.error(
                code ?? "unexpected-end", message, at: .point(before.span.end), label: label)
            return ParseError(diagnostic: diagnostic, atEnd: at(.end))
        }
        return ParseError(diagnostic: .error(code ?? "unexpected-token", message, at: current.span, label: label), atEnd: false)
    }

    /// What an operand is called in "expected …": "a value" after an operator, else the clause's noun.
    var operandNoun: String {
        let before = previousSignificant
        switch before.kind {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .plus, .minus, .star, .slash, .concat:
            return "a value"
        case .word:
            switch before.keyword {
            case .in, .between, .contains, .with: return "a value"
            default: return noun
            }
        default:
            return noun
        }
    }

    /// The error for a token that cannot follow a query: a SQL habit, a misspelt clause word, or
    /// "expected `expecting`, found …".
    func unexpectedAfterQuery(_ query: Query, expecting: String) -> ParseError {
        let token = current
        if token.endsStatement { return expected(expecting) }
        if token.kind == .invalid || messageUnread { return ParseError(diagnostic: nil, atEnd: false) }
        if token.kind == .word {
            if let habit = clauseHabit() { return habit }
            if let missingBy = Parser.missingBy(after: token) { return missingBy }
        }
        if query.clauses.isEmpty, let name = query.source.datasetName, !name.isQuoted,
            let missingBy = Parser.missingBy(after: Token(.word, span: name.span, text: name.text))
        {
            return missingBy
        }
        let found = source.text(of: token.span)
        var label: String?
        var help: [String] = []
        if Parser.isPredicateWord(token) {
            label = "'\(token.text)' cannot follow the right side of a comparison"
        } else if token.kind == .word, let direction = Parser.sortDirections[token.text.lowercased()] {
            label = "did you mean '\(direction)'?"
            help = ["`sort by applications desc` sorts largest first, `asc` smallest first"]
        } else if token.kind == .word, let clause = Parser.closestClauseWord(to: token.text) {
            label = "did you mean '\(clause)'?"
        } else if let value = wordsOfOneValue() {
            label = "a value of several words needs quotes: \"\(value)\""
            help = ["write e.g. `destination = \"United States\"`; a bare word is one value"]
        } else if query.clauses.isEmpty, let name = query.source.datasetName, !name.isQuoted,
            let statement = Suggestion.closest(to: name.text, among: Keyword.statementWords)
        {
            help = ["did you mean the statement '\(statement)'?"]
        }
        let diagnostic = Diagnostic.error(
            "unexpected-token", "expected \(expecting), found '\(found)'", at: token.span, label: label, help: help)
        return ParseError(diagnostic: diagnostic, atEnd: false)
    }

    /// Spellings of a sort direction that SQL or habit suggest, with the word tally reads.
    static let sortDirections = ["descending": "desc", "dsc": "desc", "decending": "desc", "ascending": "asc", "ascend": "asc", "descend": "desc"]

    /// The words from a comparison's bare value to `current` (`United States` in `destination =
    /// United States`) when `current` is a word right after such a value: one value written unquoted.
    func wordsOfOneValue() -> String? {
        guard current.kind == .word, index >= 2 else { return nil }
        var first = index - 1
        while first > 0, tokens[first].kind == .word, !Parser.isLogical(tokens[first]) { first -= 1 }
        guard first < index - 1, Parser.comparison(tokens[first].kind) != nil,
              !(first + 1..<index).contains(where: startsClause(at:)) else { return nil }
        var last = index
        while last + 1 < tokens.count, tokens[last + 1].kind == .word, !startsClause(at: last + 1), !Parser.isLogical(tokens[last + 1]) { last += 1 }
        return source.text(of: tokens[first + 1].span.merged(with: tokens[last].span))
    }

    /// "expected 'by' after 'group'" when `word` is `group` or `sort` (which need `by` to be clause words).
    static func missingBy(after word: Token) -> ParseError? {
        let lower = word.text.lowercased()
        guard lower == "group" || lower == "sort" else { return nil }
        let diagnostic = Diagnostic.error(
            "expected-by", "expected 'by' after '\(word.text)'", at: .point(word.span.end), label: "write '\(lower) by'")
        return ParseError(diagnostic: diagnostic, atEnd: false)
    }

    /// Whether `token` starts a predicate (`is`, `contains`, `starts with`, `ends with`, `not in`).
    static func isPredicateWord(_ token: Token) -> Bool {
        switch token.keyword {
        case .is?, .contains?, .starts?, .ends?, .not?: return token.kind == .word
        default: return false
        }
    }

    /// The clause word (`group by` for `grup`) closest to a misspelt `word`.
    static func closestClauseWord(to word: String) -> String? {
        guard let match = Suggestion.closest(to: word, among: Keyword.clauseFirstWords),
            let position = Keyword.clauseFirstWords.firstIndex(of: match)
        else { return nil }
        return Keyword.clauseWords[position]
    }

    /// A SQL habit where a clause was expected: `order by`, `from`, `like`.
    func clauseHabit() -> ParseError? {
        let token = current
        switch token.text.lowercased() {
        case "order" where peek().isKeyword(.by):
            return habit("tally has no 'order by'", at: token.span.merged(with: peek().span), label: "did you mean 'sort by'?")
        case "from":
            return habit(
                "tally has no 'from': a query starts with its dataset", at: token.span,
                label: "write e.g. 'applicants where …'")
        case "like":
            return habit("tally has no 'like'", at: token.span, label: "use 'contains', 'starts with' or 'ends with'")
        case "left", "inner", "right", "full", "outer", "cross", "natural":
            var last = 1
            while last < 3, !peek(last).isKeyword(.join), peek(last).kind == .word { last += 1 }
            guard peek(last).isKeyword(.join) else { return nil }
            return habit(
                "tally has no '\(source.text(of: token.span.merged(with: peek(last).span)))'", at: token.span.merged(with: peek(last).span),
                label: "write 'lookup' to keep every row (a left join) or 'join' to keep the matches (an inner join)")
        default:
            return nil
        }
    }

    /// A SQL habit at the start of a statement: `select …`, `from …`, `show datasets`, `show tables`.
    func statementHabit() -> ParseError? {
        let token = current
        let next = peek()
        switch token.text.lowercased() {
        case "select", "from":
            guard !startsClause(at: index + 1), !next.endsStatement else { return nil }
            let word = token.text.uppercased()
            return habit(
                "tally has no \(word): write the dataset first, e.g. 'applicants where … show …'", at: token.span,
                label: nil)
        case "show":
            let what = next.text.lowercased()
            guard next.kind == .word, ["datasets", "tables", "databases"].contains(what) else { return nil }
            return habit(
                "tally has no 'show \(what)'", at: token.span.merged(with: next.span), label: "did you mean 'datasets'?")
        default:
            return nil
        }
    }

    /// A `sql-habit` error.
    func habit(_ message: String, at span: SourceSpan, label: String?) -> ParseError {
        ParseError(diagnostic: .error("sql-habit", message, at: span, label: label), atEnd: false)
    }

    /// An error of a given code at `span`.
    func failure(_ code: String, _ message: String, at span: SourceSpan, label: String? = nil) -> ParseError {
        ParseError(diagnostic: .error(code, message, at: span, label: label), atEnd: false)
    }
}
