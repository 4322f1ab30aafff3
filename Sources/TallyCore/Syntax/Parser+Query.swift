/// Queries and their clauses: `query := source {clause}`, clauses in any order.
extension Parser {
    /// `query := source {clause}`; in scripts a clause may start the next line, and so it may at the
    /// prompt when `required` (the statement needs more after its query: `check … is`, `export … to`).
    mutating func parseQuery(required: Bool = false) throws(ParseError) -> Query {
        let source = try parseSource()
        var clauses: [Clause] = []
        var mark = -1
        while true {
            try checkProgress(&mark)
            if mode == .script || required, at(.newline), continuesQuery(at: tokenIndexAfterNewlines(from: index)) {
                skipNewlines()
            }
            if let last = clauses.last, last.isTimeClause, at(.and) {
                clauses.append(try parseConditionAfterTimeClause())
                continue
            }
            guard startsClause(at: index) || (at(.word) && current.text.lowercased() == "order" && peek().isKeyword(.by)) else {
                break
            }
            clauses.append(try parseClause())
        }
        let end = clauses.last?.span ?? source.span
        return Query(source: source, clauses: clauses, span: source.span.merged(with: end))
    }

    /// `source := name | "(" query ")"`: a dataset or `let` name, or a parenthesised query.
    mutating func parseSource() throws(ParseError) -> QuerySource {
        skipNewlines()
        if current.kind == .word, startsClause(at: index) { throw expected("a dataset") }
        guard at(.leftParen) else { return .dataset(try parseName("a dataset")) }
        try enterNesting()
        defer { leaveNesting() }
        let open = openParen()
        let saved = (itemContext, keyNoun, noun)
        let query = try parseQuery()
        (itemContext, keyNoun, noun) = saved
        guard at(.rightParen) else {
            throw unexpectedAfterQuery(query, expecting: "a clause or ')' to close '('")
        }
        let close = try closeParen()
        return .query(query, span: open.span.merged(with: close.span))
    }

    /// `combination := ("lookup" | "join") source ["as" name] "on" key {"," key}`, after the clause word.
    private mutating func parseCombination(_ kind: Combination.Kind) throws(ParseError) -> Combination {
        noun = "a dataset"
        if at(.word), current.text.lowercased() == "on" { throw expected("a dataset") }
        let other = try parseSource()
        var alias: Name?
        if eat(.as) != nil { alias = try parseName("a name for the \(kind.rawValue)ed dataset") }
        skipNewlines()
        guard at(.word), current.text.lowercased() == "on" else {
            throw expected("'on' and the key column", code: "expected-on")
        }
        advance()
        noun = "a key column"
        let keys = try parseList { parser throws(ParseError) in try parser.parseJoinKey() }
        return Combination(kind: kind, other: other, alias: alias, keys: keys)
    }

    /// `key := name ["=" name]`: the source's column, and the other side's when it is named differently.
    private mutating func parseJoinKey() throws(ParseError) -> JoinKey {
        let column = try parseName("a key column")
        guard eat(.equal) != nil else { return JoinKey(column: column, otherColumn: nil) }
        return JoinKey(column: column, otherColumn: try parseName("the other dataset's key column"))
    }

    /// Whether the token at `position` starts a clause: a clause word, `group`/`sort` only before `by`.
    func startsClause(at position: Int) -> Bool { Self.startsClause(tokens, at: position) }

    /// Whether `tokens[position]` starts a clause (`tokens` ends with `.end`).
    static func startsClause(_ tokens: [Token], at position: Int) -> Bool {
        let token = tokens[min(position, tokens.count - 1)]
        guard token.kind == .word, let keyword = token.keyword, keyword.role == .clause else { return false }
        if keyword == .group || keyword == .sort {
            return tokens[min(position + 1, tokens.count - 1)].isKeyword(.by)
        }
        return true
    }

    /// Whether a line starting at `position` continues a query in a script: a clause word or `order by`.
    private func continuesQuery(at position: Int) -> Bool { Self.continuesQuery(tokens, at: position) }

    /// Whether a line starting at `tokens[position]` continues a query (`tokens` ends with `.end`).
    private static func continuesQuery(_ tokens: [Token], at position: Int) -> Bool {
        let token = tokens[position]
        let next = tokens[min(position + 1, tokens.count - 1)]
        return startsClause(tokens, at: position) || (token.kind == .word && token.text.lowercased() == "order" && next.isKeyword(.by))
    }

    /// Whether a line starting at `tokens[position]` continues a statement in a script: a clause word,
    /// `and`, `or` (`tokens` ends with `.end`).
    static func continuesStatement(_ tokens: [Token], at position: Int) -> Bool {
        let token = tokens[position]
        return continuesQuery(tokens, at: position) || token.isKeyword(.and) || token.isKeyword(.or)
    }

    /// The index of the first token at or after `start` that is not a line end.
    func tokenIndexAfterNewlines(from start: Int) -> Int {
        var position = min(max(start, 0), tokens.count - 1)
        while tokens[position].kind == .newline, position < tokens.count - 1 { position += 1 }
        return position
    }

    /// `clause := where | having | since | until | in-year | between | group-by | show | sort-by | top
    /// | limit | change | chart | across | combination`.
    mutating func parseClause() throws(ParseError) -> Clause {
        if let habit = clauseHabit() { throw habit }
        let word = current
        advance()
        var keywordSpan = word.span
        if word.isKeyword(.group) || word.isKeyword(.sort) {
            keywordSpan = keywordSpan.merged(with: current.span)
            advance()
        }
        itemContext = word.isKeyword(.having) || word.isKeyword(.show) || word.isKeyword(.sort)
        keyNoun = switch word.keyword {
        case .group?: "group key"
        case .show?: "show item"
        case .sort?: "sort key"
        case .across?: "across key"
        default: nil
        }
        let kind: Clause.Kind
        switch word.keyword {
        case .where?:
            noun = "a condition"
            kind = .where(try parseCondition())
        case .having?:
            noun = "a condition"
            kind = .having(try parseCondition())
        case .since?:
            kind = .since(try parseYear())
        case .until?:
            kind = .until(try parseYear())
        case .in?:
            kind = .inYear(try parseYear())
        case .between?:
            let first = try parseYear()
            _ = try expect(.and, "'and' and a second year")
            kind = .between(first, try parseYear())
        case .group?:
            noun = "a column"
            kind = .groupBy(try parseList { parser throws(ParseError) in try parser.parseExpression() })
        case .show?:
            noun = "an item"
            kind = .show(try parseList { parser throws(ParseError) in try parser.parseShowItem() })
        case .sort?:
            noun = "an item"
            kind = .sortBy(try parseList { parser throws(ParseError) in try parser.parseSortKey() })
        case .top?:
            let span = skipToCount()
            kind = .top(try parsePositiveInteger(code: "expected-count"), span)
        case .limit?:
            let span = skipToCount()
            kind = .limit(try parsePositiveInteger(code: "expected-count"), span)
        case .lookup?:
            kind = .combine(try parseCombination(.lookup))
        case .join?:
            kind = .combine(try parseCombination(.join))
        case .change?:
            _ = try expect(.from, "'from' and a year")
            let from = try parseYear()
            _ = try expect(.to, "'to' and a year")
            kind = .change(from: from, to: try parseYear())
        case .across?:
            noun = "a column"
            kind = .across(try parseExpression())
        default:
            kind = .chart
        }
        itemContext = false
        keyNoun = nil
        return Clause(kind, span: word.span.merged(with: previousSignificant.span), keywordSpan: keywordSpan)
    }

    /// `time-clause "and" condition`: the condition after a time clause is one more `where`, so that
    /// `where kind = new in 2017 and destination in EU` reads as a reader means it.
    private mutating func parseConditionAfterTimeClause() throws(ParseError) -> Clause {
        let word = current
        advance()
        noun = "a condition"
        let condition = try parseCondition()
        return Clause(.where(condition), span: word.span.merged(with: previousSignificant.span), keywordSpan: word.span)
    }

    /// `item {"," item}`; a line end after a comma continues the list.
    private mutating func parseList<Item>(
        _ item: (inout Parser) throws(ParseError) -> Item
    ) throws(ParseError) -> [Item] {
        var items = [try item(&self)]
        var mark = -1
        while eat(.comma) != nil {
            try checkProgress(&mark)
            items.append(try item(&self))
        }
        return items
    }

    /// `show-item := "*" | expression ["as" name]`.
    private mutating func parseShowItem() throws(ParseError) -> ShowItem {
        if let star = eat(.star) { return ShowItem(expr: Expr(.allColumns, span: star.span), alias: nil) }
        let expr = try parseExpression()
        guard eat(.as) != nil else { return ShowItem(expr: expr, alias: nil) }
        return ShowItem(expr: expr, alias: try parseName("a name"))
    }

    /// `sort-key := expression ["asc" | "desc"]`.
    private mutating func parseSortKey() throws(ParseError) -> SortKey {
        let expr = try parseExpression()
        if eat(.asc) != nil { return SortKey(expr: expr, descending: false) }
        if eat(.desc) != nil { return SortKey(expr: expr, descending: true) }
        return SortKey(expr: expr, descending: nil)
    }

    /// `year := integer | string`: the year of a time clause, or a period in quotes (`"2024-03"`).
    private mutating func parseYear() throws(ParseError) -> YearLiteral {
        skipNewlines()
        let token = current
        if token.kind == .number, let value = Int64(token.text) {
            if let date = unquotedDate(from: token) {
                throw ParseError(diagnostic: .error(
                    "unquoted-date", "a month or a day goes in quotes, a year alone does not",
                    at: date, label: "read as numbers and a minus",
                    help: ["write \"\(source.text(of: date))\""]), atEnd: false)
            }
            advance()
            return YearLiteral(value: value, span: token.span)
        }
        if token.kind == .string {
            advance()
            return YearLiteral(value: Int64(token.text.prefix(4)) ?? 0, span: token.span, period: token.text)
        }
        throw expected("a year", code: "expected-year", label: token.kind == .number && token.text.contains(where: { !$0.isNumber }) ? "a year is a whole number" : nil)
    }

    /// The span of `2024-03` or `2024-03-15` written without quotes, starting at the number `year`.
    private func unquotedDate(from year: Token) -> SourceSpan? {
        var end = year.span.end
        var offset = 1
        while offset < 5, peek(offset).kind == .minus, peek(offset).span.start == end,
              peek(offset + 1).kind == .number, peek(offset + 1).span.start == peek(offset).span.end {
            end = peek(offset + 1).span.end
            offset += 2
        }
        return offset > 1 ? SourceSpan(start: year.span.start, end: end) : nil
    }

    /// Skips to the count of `top`/`limit` and returns its span (or the empty span where it is missing).
    private mutating func skipToCount() -> SourceSpan {
        skipNewlines()
        return current.endsStatement ? .point(previousSignificant.span.end) : current.span
    }

    /// `count := integer` greater than zero (`top N`, `limit N`, `set memory N`).
    mutating func parsePositiveInteger(code: String) throws(ParseError) -> Int64 {
        skipNewlines()
        let token = current
        if token.kind == .number, let value = Int64(token.text), value > 0 {
            advance()
            return value
        }
        let label: String? = switch token.kind {
        case .number where Int64(token.text) == 0: "0 would keep nothing"
        case .number, .minus: "write a whole number of 1 or more"
        default: nil
        }
        throw expected("a positive whole number", code: code, label: label)
    }
}
