/// Conditions and expressions, loosest first: `or` < `and` < `not` < comparison and predicates
/// < `+ -` < `* /` < unary minus < primary.
extension Parser {
    /// `expression := or-expression`: a condition, a `show` item, a key.
    mutating func parseExpression() throws(ParseError) -> Expr {
        try parseCondition()
    }

    /// `condition := and-condition {"or" and-condition}`.
    mutating func parseCondition() throws(ParseError) -> Expr {
        try enterNesting()
        defer { leaveNesting() }
        let isOutermost = depth == 1
        var left = try parseAnd()
        var height: Int?
        var mark = -1
        while eatContinued(.or) {
            let operatorToken = previousSignificant
            try checkProgress(&mark)
            let right = try parseAnd()
            try extendChain(&height, left, right, at: operatorToken, help: ["for a long list of alternatives, write 'x in (a, b, …)'"])
            left = Expr(.or(left, right), span: left.span.merged(with: right.span))
        }
        if isOutermost { try checkHeight(left) }
        return left
    }

    /// `and-condition := not-condition {"and" not-condition}`.
    private mutating func parseAnd() throws(ParseError) -> Expr {
        var left = try parseNot()
        var height: Int?
        var mark = -1
        while eatContinued(.and) {
            let operatorToken = previousSignificant
            try checkProgress(&mark)
            let right = try parseNot()
            try extendChain(&height, left, right, at: operatorToken)
            left = Expr(.and(left, right), span: left.span.merged(with: right.span))
        }
        return left
    }

    /// Consumes `keyword` here or, in a script, at the start of the next line.
    private mutating func eatContinued(_ keyword: Keyword) -> Bool {
        if eat(keyword) != nil { return true }
        guard mode == .script, at(.newline), tokens[tokenIndexAfterNewlines(from: index)].isKeyword(keyword) else { return false }
        skipNewlines()
        advance()
        return true
    }

    /// `not-condition := "not" not-condition | predicate`.
    private mutating func parseNot() throws(ParseError) -> Expr {
        skipNewlines()
        guard let not = eat(.not) else { return try parsePredicate() }
        try enterNesting()
        defer { leaveNesting() }
        let operand = try parseNot()
        return Expr(.not(operand), span: not.span.merged(with: operand.span))
    }

    /// `predicate := sum [comparison-op value | ["not"] "in" "(" list ")" | ["not"] "in" group
    /// | ["not"] "between" value "and" value | "is" ["not"] "missing" | "contains" value
    /// | "starts" "with" value | "ends" "with" value]`.
    ///
    /// The right side of a comparison is a `value`, where bare words are text; `in` followed by a
    /// number is left for the time clause.
    private mutating func parsePredicate() throws(ParseError) -> Expr {
        let left = try parseJoin(bare: false)
        if let op = Parser.comparison(current.kind) {
            advance()
            let right = try parseJoin(bare: true)
            return Expr(.comparison(op, left, right), span: left.span.merged(with: right.span))
        }
        if at(.in) || at(.between) || (at(.not) && (peek().isKeyword(.in) || peek().isKeyword(.between))) {
            return try parseMembership(left)
        }
        if at(.is), let missing = try parseIsMissing(left) { return missing }
        guard let match = textMatch() else { return left }
        advance()
        if match != .contains { advance() }
        let right = try parseSum(bare: true)
        return Expr(.textMatch(match, left, right), span: left.span.merged(with: right.span))
    }

    /// `["not"] "in" (list | group)` or `["not"] "between" value "and" value` after `left`, with
    /// `current` at `not`, `in` or `between`. `in` before a number (and `between` before one, in a
    /// key or item) is left for the time clause: the answer is then `left` alone.
    private mutating func parseMembership(_ left: Expr) throws(ParseError) -> Expr {
        let notToken = eat(.not)
        let negated = notToken != nil
        var result: Expr
        if at(.in) {
            guard negated || !yearFollows else { return left }
            result = try parseInPredicate(left)
        } else {
            guard negated || !yearFollows || !inKeyPosition else { return left }
            result = try parseBetween(left)
        }
        if let notToken {
            if case .inList(let value, let list, _) = result.kind {
                result = Expr(.inList(value, list, negated: true), span: result.span)
            } else if case .between(let value, let low, let high, _) = result.kind {
                result = Expr(.between(value, low, high, negated: true), span: result.span)
            } else {
                result = Expr(.not(result), span: notToken.span.merged(with: result.span))
            }
        }
        if inKeyPosition { throw needsParentheses(result) }
        return result
    }

    /// Whether a predicate here is a key or item of `group by`, `show` or `sort by`, outside parentheses.
    private var inKeyPosition: Bool { keyNoun != nil && parenDepth == 0 }

    /// Whether a number (a year) follows `current`, possibly on a later line.
    private var yearFollows: Bool { tokens[tokenIndexAfterNewlines(from: index + 1)].kind == .number }

    /// The error for `in` or `between` written after a key or item without parentheses
    /// (`group by destination in EU`): it reads as a filter, but there it would make a true/false column.
    @inline(never)
    private func needsParentheses(_ predicate: Expr) -> ParseError {
        let text = source.text(of: predicate.span)
        let keyNoun = keyNoun ?? "key"
        let word = switch predicate.kind {
        case .between: "between"
        default: "in"
        }
        let diagnostic = Diagnostic.error(
            "predicate-needs-parentheses", "'\(word)' after a \(keyNoun) needs parentheses", at: predicate.span,
            label: "a condition as a \(keyNoun)",
            help: ["to keep only the rows where it holds, write `where \(text)`",
                   "for a true/false \(keyNoun), write `(\(text))`"])
        return ParseError(diagnostic: diagnostic, atEnd: false)
    }

    /// `"in" "(" value {"," value} ")"` or `"in" group` with `current` at `in`.
    private mutating func parseInPredicate(_ left: Expr) throws(ParseError) -> Expr {
        advance()
        skipNewlines()
        if at(.leftParen) {
            _ = openParen()
            let saved = noun
            noun = "a value"
            defer { noun = saved }
            var values = [try parseSum(bare: true)]
            var mark = -1
            while eat(.comma) != nil {
                try checkProgress(&mark)
                values.append(try parseSum(bare: true))
            }
            let close = try closeParen()
            return Expr(.inList(left, values, negated: false), span: left.span.merged(with: close.span))
        }
        let token = current
        let isGroupWord = token.kind == .word && !startsClause(at: index) && !Parser.isLogical(token)
        guard isGroupWord || token.kind == .quotedName || token.kind == .string else {
            throw expected("a list in parentheses or a group")
        }
        advance()
        let group = Name(token.text, span: token.span, isQuoted: token.kind == .quotedName)
        return Expr(.inGroup(left, group), span: left.span.merged(with: token.span))
    }

    /// `"between" value "and" value` with `current` at `between`; the bounds stop before `and`.
    private mutating func parseBetween(_ left: Expr) throws(ParseError) -> Expr {
        advance()
        let low = try parseSum(bare: true)
        _ = try expect(.and, "'and' and an upper bound")
        let high = try parseSum(bare: true)
        return Expr(.between(left, low, high, negated: false), span: left.span.merged(with: high.span))
    }

    /// `"is" ["not"] "missing"`; nil (consuming nothing) when `is` is not followed by either.
    private mutating func parseIsMissing(_ left: Expr) throws(ParseError) -> Expr? {
        let next = peek()
        let negated = next.isKeyword(.not)
        let word = negated ? peek(2) : next
        if word.kind == .word, word.text.lowercased() == "null" {
            let span = current.span.merged(with: word.span)
            throw habit(
                "tally has no 'null'", at: span, label: "did you mean 'is \(negated ? "not " : "")missing'?")
        }
        guard word.isKeyword(.missing) else {
            if (word.kind == .word && !Parser.isLogical(word)) || word.kind == .string || word.kind == .quotedName {
                throw isUsedAsEquals(left, value: word, negated: negated)
            }
            return nil
        }
        advance()
        if negated { advance() }
        advance()
        return Expr(.isMissing(left, negated: negated), span: left.span.merged(with: word.span))
    }

    /// The error for `x is VALUE` (`origin is RU`): `is` only tests for missing values; `=` compares.
    private func isUsedAsEquals(_ left: Expr, value: Token, negated: Bool) -> ParseError {
        let written = "\(source.text(of: left.span)) \(negated ? "!=" : "=") \(source.text(of: value.span))"
        let diagnostic = Diagnostic.error(
            "is-not-equals", "'is' only tests for missing values", at: current.span.merged(with: negated ? peek().span : current.span),
            label: "did you mean '\(written)'?",
            help: ["compare with `=` (or `!=`); `x is missing` and `x is not missing` test for empty cells"])
        return ParseError(diagnostic: diagnostic, atEnd: false)
    }

    /// The text test that `current` starts: `contains`, `starts with`, `ends with`.
    private func textMatch() -> TextMatch? {
        if at(.contains) { return .contains }
        if at(.starts), peek().isKeyword(.with) { return .startsWith }
        if at(.ends), peek().isKeyword(.with) { return .endsWith }
        return nil
    }

    /// `join := sum {"||" sum}`: text joined, written as a call of the function `||`.
    private mutating func parseJoin(bare: Bool) throws(ParseError) -> Expr {
        var left = try parseSum(bare: bare)
        var height: Int?
        var mark = -1
        while at(.concat) {
            try checkProgress(&mark)
            let operatorToken = current
            advance()
            let right = try parseSum(bare: bare)
            try extendChain(&height, left, right, at: operatorToken)
            let name = Name(ScalarFunction.ID.concat.rawValue, span: operatorToken.span)
            left = Expr(.call(name, [left, right], star: false), span: left.span.merged(with: right.span))
        }
        return left
    }

    /// `sum := product {("+" | "-") product}`; `bare` makes words text values (see `parsePrimary`).
    private mutating func parseSum(bare: Bool) throws(ParseError) -> Expr {
        try parseArithmetic([.add, .subtract]) { parser throws(ParseError) in try parser.parseProduct(bare: bare) }
    }

    /// `product := unary {("*" | "/") unary}`.
    private mutating func parseProduct(bare: Bool) throws(ParseError) -> Expr {
        try parseArithmetic([.multiply, .divide]) { parser throws(ParseError) in try parser.parseUnary(bare: bare) }
    }

    /// One left-associative level of arithmetic: operands read by `operand`, joined by `operators`,
    /// the chain's height checked as it grows.
    private mutating func parseArithmetic(
        _ operators: [ArithmeticOperator], _ operand: (inout Parser) throws(ParseError) -> Expr
    ) throws(ParseError) -> Expr {
        var left = try operand(&self)
        var height: Int?
        var mark = -1
        while let op = Parser.arithmetic(current.kind), operators.contains(op) {
            try checkProgress(&mark)
            let operatorToken = current
            advance()
            let right = try operand(&self)
            try extendChain(&height, left, right, at: operatorToken)
            left = Expr(.arithmetic(op, left, right), span: left.span.merged(with: right.span))
        }
        return left
    }

    /// `unary := "-" unary | primary`; `-9223372036854775808` folds to one literal.
    private mutating func parseUnary(bare: Bool) throws(ParseError) -> Expr {
        skipNewlines()
        guard let minus = eat(.minus) else { return try parsePrimary(bare: bare) }
        skipNewlines()
        if at(.number), case .decimal = try numberLiteral(current).value, Int64("-" + current.text) != nil {
            let literal = Parser.negated(try numberLiteral(current))
            let span = minus.span.merged(with: current.span)
            advance()
            return Expr(.number(literal), span: span)
        }
        try enterNesting()
        defer { leaveNesting() }
        let operand = try parseUnary(bare: bare)
        return Expr(.negate(operand), span: minus.span.merged(with: operand.span))
    }

    /// `primary := number | string | "true" | "false" | name | call | "(" condition ")"`.
    ///
    /// With `bare` (right of a comparison, in a list, after `between`/`contains`/`starts with`/`ends with`)
    /// any word but `and`/`or`/`not`/`true`/`false` is a name, even a clause word. Without it a clause word
    /// cannot start an operand. `count`, `share` and `rank` are calls where an item is expected.
    private mutating func parsePrimary(bare: Bool) throws(ParseError) -> Expr {
        let token = current
        switch token.kind {
        case .number:
            advance()
            return Expr(.number(try numberLiteral(token)), span: token.span)
        case .string:
            advance()
            return Expr(.string(token.text), span: token.span)
        case .leftParen:
            let open = openParen()
            let inner = try parseCondition()
            let close = try closeParen()
            return Expr(inner.kind, span: open.span.merged(with: close.span))
        case .word, .quotedName:
            return try parseWord(bare: bare)
        default:
            throw expected(operandNoun)
        }
    }

    /// A word in operand position: a boolean, a call, a name, or an error for a misplaced
    /// keyword; or a backquoted name. Either name may be qualified (`destination.region`).
    private mutating func parseWord(bare: Bool) throws(ParseError) -> Expr {
        let token = current
        if token.kind == .quotedName {
            advance()
            return try parseQualified(Name(token.text, span: token.span, isQuoted: true))
        }
        let name = Name(token.text, span: token.span)
        if token.isKeyword(.true) || token.isKeyword(.false) {
            advance()
            return Expr(.boolean(token.isKeyword(.true)), span: token.span)
        }
        if Parser.isLogical(token) {
            guard bare else { throw expected(operandNoun) }
            let lower = token.text.lowercased()
            throw failure(
                "reserved-word", "'\(token.text)' must be quoted to be used as a value", at: token.span,
                label: "write \"\(token.text)\" for the text, or `\(lower)` for a column")
        }
        if peek().kind == .leftParen { return try parseCall(name) }
        if itemContext, token.isKeyword(.count) || token.isKeyword(.share) || token.isKeyword(.rank) {
            advance()
            return Expr(.call(name, [], star: false), span: token.span)
        }
        if !bare, startsClause(at: index), !namesChangeColumn(token) { throw expected(operandNoun) }
        advance()
        return try parseQualified(name)
    }

    /// `name ["." name]` with `current` after the first name: a name, or a qualified name.
    private mutating func parseQualified(_ name: Name) throws(ParseError) -> Expr {
        guard eat(.dot) != nil else { return Expr(.name(name), span: name.span) }
        let token = current
        guard token.kind == .word || token.kind == .quotedName else {
            throw failure(
                "expected-attribute", "expected a name after '\(name.text).'", at: token.span,
                label: "e.g. \(name.text).region or \(name.text).population")
        }
        advance()
        let member = Name(token.text, span: token.span, isQuoted: token.kind == .quotedName)
        return Expr(.qualified(name, member), span: name.span.merged(with: token.span))
    }

    /// Whether `token` is `change` written as an operand (`sort by change`, the output column of a
    /// `change` clause): the clause always goes on with `from`.
    private func namesChangeColumn(_ token: Token) -> Bool {
        token.isKeyword(.change) && !peek().isKeyword(.from)
    }

    /// `call := word "(" ["*" | condition {"," condition}] ")"` with `current` at the word.
    private mutating func parseCall(_ name: Name) throws(ParseError) -> Expr {
        advance()
        _ = openParen()
        let saved = noun
        noun = "a value"
        defer { noun = saved }
        if name.text.lowercased() == "count", !name.isQuoted, current.kind == .word, current.text.lowercased() == "distinct",
           peek().kind == .word || peek().kind == .quotedName {
            // SQL's `count(distinct x)` is `distinct(x)`.
            let distinct = Name(current.text, span: current.span)
            advance()
            let argument = try parseCondition()
            let close = try closeParen()
            return Expr(.call(distinct, [argument], star: false), span: name.span.merged(with: close.span))
        }
        var arguments: [Expr] = []
        var star = false
        if eat(.star) != nil {
            star = true
        } else if !at(.rightParen) {
            arguments.append(try parseCondition())
            var mark = -1
            while eat(.comma) != nil {
                try checkProgress(&mark)
                arguments.append(try parseCondition())
            }
        }
        let close = try closeParen()
        return Expr(.call(name, arguments, star: star), span: name.span.merged(with: close.span))
    }

    /// Whether `token` is `and`, `or` or `not`, which are never bare words.
    static func isLogical(_ token: Token) -> Bool {
        token.isKeyword(.and) || token.isKeyword(.or) || token.isKeyword(.not)
    }

    /// A number token as a literal: an integer when it has no fraction or exponent and fits 64 bits.
    func numberLiteral(_ token: Token) throws(ParseError) -> NumberLiteral {
        if let integer = Int64(token.text) { return NumberLiteral(text: token.text, value: .integer(integer)) }
        guard let decimal = Double(token.text) else {
            throw failure("invalid-number", "invalid number '\(token.text)'", at: token.span)
        }
        return NumberLiteral(text: token.text, value: .decimal(decimal))
    }

    /// `-literal`: the text gains a `-`; digits one past `Int64.max` become `Int64.min`.
    static func negated(_ literal: NumberLiteral) -> NumberLiteral {
        let text = "-" + literal.text
        if let integer = Int64(text) { return NumberLiteral(text: text, value: .integer(integer)) }
        return NumberLiteral(text: text, value: .decimal(-(literal.value.asDouble ?? 0)))
    }

    /// The comparison a token spells.
    static func comparison(_ kind: Token.Kind) -> ComparisonOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }

    /// The arithmetic operator a token spells.
    static func arithmetic(_ kind: Token.Kind) -> ArithmeticOperator? {
        switch kind {
        case .plus: .add
        case .minus: .subtract
        case .star: .multiply
        case .slash: .divide
        default: nil
        }
    }
}
