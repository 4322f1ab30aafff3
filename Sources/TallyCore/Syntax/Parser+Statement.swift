/// Statements: `statement := query | let | load | export | datasets | describe | explain | help | set
/// | check | cite | sql | run | drop | reset | record | quit`.
extension Parser {
    /// `statement`, including the check that it ends at a line end, `;` or the end of the source.
    mutating func parseStatement() throws(ParseError) -> Statement {
        let first = current
        if let habit = statementHabit() { throw habit }
        let kind: Statement.Kind
        switch first.kind == .word ? first.keyword?.role : nil {
        case .statement?:
            kind = try parseStatementWord()
        case .clause? where startsClause(at: index):
            let words = first.isKeyword(.group) || first.isKeyword(.sort) ? "\(first.text) by" : first.text
            throw failure(
                "missing-dataset", "expected a dataset before '\(words)'", at: first.span,
                label: "a query starts with its dataset, e.g. 'applicants \(words.lowercased()) …'")
        default:
            if first.isKeyword(.and) || first.isKeyword(.or) {
                throw failure("unexpected-token", "a statement cannot start with '\(first.text)'", at: first.span)
            }
            if startsCalculation {
                let expr = try parseExpression()
                try endCalculation()
                return Statement(.calculate(expr), span: first.span.merged(with: previousSignificant.span))
            }
            guard first.kind == .word || first.kind == .quotedName || first.kind == .leftParen else {
                throw expected("a statement", saysAfter: false)
            }
            let query = try parseQuery()
            try endQuery(query)
            kind = .query(query)
        }
        return Statement(kind, span: first.span.merged(with: previousSignificant.span))
    }

    /// Whether the statement here is a calculation, an expression without a dataset: it starts
    /// (after any `(` and `-`) with a number, a quoted text, `true`, `false` or a call of a scalar
    /// function. A word alone stays a dataset's name.
    private var startsCalculation: Bool {
        var position = index
        while position < tokens.count - 1, tokens[position].kind == .leftParen || tokens[position].kind == .minus { position += 1 }
        let token = tokens[position]
        switch token.kind {
        case .number, .string: return true
        case .word:
            if token.isKeyword(.true) || token.isKeyword(.false) { return true }
            return position + 1 < tokens.count && tokens[position + 1].kind == .leftParen && ScalarFunction.named(token.text) != nil
        default: return false
        }
    }

    /// Requires a calculation to end here: it has no dataset, so no clauses.
    private mutating func endCalculation() throws(ParseError) {
        guard current.endsStatement || at(.invalid) else {
            let word = source.text(of: current.span)
            throw ParseError(diagnostic: .error(
                "clause-after-calculation", "a calculation ends before '\(word)'", at: current.span,
                label: "a calculation has no dataset to filter or group",
                help: ["to query a dataset, start with its name, e.g. `applicants \(word) …`"]), atEnd: false)
        }
        try endStatement()
    }

    /// The statement that a statement word starts.
    private mutating func parseStatementWord() throws(ParseError) -> Statement.Kind {
        let word = current
        advance()
        let kind: Statement.Kind
        switch word.keyword {
        case .let?:
            let name = try parseName("a name")
            _ = try expect(.equal, "'='")
            let query = try parseQuery()
            try endQuery(query)
            return .let(name, query)
        case .load?:
            kind = try parseLoad()
        case .export?:
            let query = try parseQuery(required: true)
            guard at(.to) else { throw unexpectedAfterQuery(query, expecting: "a clause or 'to' and a file path") }
            advance()
            let path = try expect(.string, "a file path in quotes", code: "expected-path")
            var title: String?
            if current.kind == .word, current.text.lowercased() == "titled" {
                advance()
                title = try expect(.string, "a title in quotes", code: "expected-title").text
            }
            kind = .export(query, path: path.text, pathSpan: path.span, title: title)
        case .datasets?:
            kind = .datasets
        case .describe?:
            kind = .describe(try parseName("a dataset"))
        case .cite?:
            kind = .cite(try parseName("a dataset"))
        case .explain?, .sql?:
            let query = try parseQuery()
            try endQuery(query)
            return word.keyword == .explain ? .explain(query) : .sql(query)
        case .help?:
            kind = .help(try parseHelpTopic())
        case .set?:
            kind = .set(try parseSetting())
        case .check?:
            kind = try parseCheck()
        case .run?:
            let path = try expect(.string, "a script path in quotes", code: "expected-path")
            kind = .run(path: path.text, pathSpan: path.span)
        case .drop?:
            kind = .drop(try parseName("a dataset"))
        case .reset?:
            kind = .reset
        case .record?:
            kind = try parseRecord()
        default:
            kind = .quit
        }
        try endStatement()
        return kind
    }

    /// Requires the statement to end here.
    mutating func endStatement() throws(ParseError) {
        guard current.endsStatement else {
            if at(.invalid) { throw ParseError(diagnostic: nil, atEnd: false) }
            throw failure(
                "unexpected-token", "expected the end of the statement, found '\(source.text(of: current.span))'",
                at: current.span)
        }
    }

    /// Requires the statement to end after `query`, explaining what could have come instead.
    mutating func endQuery(_ query: Query) throws(ParseError) {
        guard current.endsStatement else {
            throw unexpectedAfterQuery(query, expecting: "a clause or the end of the statement")
        }
    }

    /// `name := word | quoted-name`: a dataset, column or `let` name.
    mutating func parseName(_ what: String) throws(ParseError) -> Name {
        skipNewlines()
        switch current.kind {
        case .word:
            let token = current
            advance()
            return Name(token.text, span: token.span)
        case .quotedName:
            let token = current
            advance()
            return Name(token.text, span: token.span, isQuoted: true)
        default:
            throw expected(what)
        }
    }

    /// `load := "load" string ["as" name] ["with" role {"," role}]`.
    private mutating func parseLoad() throws(ParseError) -> Statement.Kind {
        let path = try expect(.string, "a file path in quotes", code: "expected-path")
        var name: Name?
        if eat(.as) != nil { name = try parseName("a dataset name") }
        var roles = RoleDeclaration()
        if eat(.with) != nil {
            var mark = -1
            repeat {
                try checkProgress(&mark)
                try parseRole(into: &roles)
            } while eat(.comma) != nil
        }
        return .load(path: path.text, pathSpan: path.span, name: name, roles: roles)
    }

    /// The words that declare a role in `load … with`; contextual, not keywords.
    private static let roleWords = ["time", "measure", "measures", "countries", "country"]

    /// `role := "time" name | ("measure" | "measures") name {"," name} | ("countries" | "country") name {"," name}`.
    ///
    /// After a comma, a role word starts the next role; anything else continues the current list.
    private mutating func parseRole(into roles: inout RoleDeclaration) throws(ParseError) {
        skipNewlines()
        let word = current
        let role = word.kind == .word ? word.text.lowercased() : ""
        guard Parser.roleWords.contains(role) else {
            let suggestion = word.kind == .word ? Suggestion.closest(to: word.text, among: ["time", "measure", "countries"]) : nil
            throw expected(
                "'time', 'measure' or 'countries'", code: word.endsStatement ? nil : "unknown-role",
                label: suggestion.map { "did you mean '\($0)'?" })
        }
        advance()
        let column = try parseName("a column")
        switch role {
        case "time":
            if roles.time != nil {
                throw failure("duplicate-role", "the time column is declared twice", at: word.span.merged(with: column.span))
            }
            roles.time = column
        case "measure", "measures":
            roles.measures.append(column)
            roles.measures.append(contentsOf: try parseMoreRoleColumns())
        default:
            roles.countries.append(column)
            roles.countries.append(contentsOf: try parseMoreRoleColumns())
        }
    }

    /// The `{"," name}` of a role list, stopping before a comma that is followed by a role word.
    private mutating func parseMoreRoleColumns() throws(ParseError) -> [Name] {
        var names: [Name] = []
        var mark = -1
        while at(.comma) {
            try checkProgress(&mark)
            let following = tokens[tokenIndexAfterNewlines(from: index + 1)]
            if following.kind == .word, Parser.roleWords.contains(following.text.lowercased()) { break }
            advance()
            names.append(try parseName("a column"))
        }
        return names
    }

    /// `help := "help" {token}`: the topic is the rest of the statement, its tokens joined by spaces.
    private mutating func parseHelpTopic() throws(ParseError) -> String? {
        var words: [String] = []
        var mark = -1
        while !current.endsStatement {
            try checkProgress(&mark)
            if at(.invalid) { throw ParseError(diagnostic: nil, atEnd: false) }
            words.append(source.text(of: current.span))
            advance()
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// `set := "set" ("timer" ("on" | "off") | "format" format | "dialect" dialect | "memory" integer
    /// | "rows" integer | "width" (integer | "auto") | "layout" ("table" | "vertical") | "names" ("on" | "off"))`.
    private mutating func parseSetting() throws(ParseError) -> Setting {
        let settings = ["timer", "format", "dialect", "memory", "rows", "width", "layout", "names"]
        let name = try expectChoice(among: settings, what: "a setting", code: "unknown-setting")
        switch name {
        case "timer", "names":
            let on = try expectChoice(among: ["on", "off"], what: nil, code: "unknown-setting-value") == "on"
            return name == "timer" ? .timer(on) : .names(on)
        case "format":
            let formats = ["table", "csv", "tsv", "json", "markdown"]
            return .format(try expectChoice(among: formats, what: "a format", code: "unknown-setting-value"))
        case "dialect":
            let dialects = ["duckdb", "postgres", "sqlite", "spark"]
            return .dialect(try expectChoice(among: dialects, what: "a dialect", code: "unknown-setting-value"))
        case "layout":
            return .layout(try expectChoice(among: TableLayout.allCases.map(\.rawValue), what: "a layout", code: "unknown-setting-value"))
        case "rows":
            return .rows(try parsePositiveInteger(code: "expected-count"))
        case "width":
            skipNewlines()
            if current.kind == .word, current.text.lowercased() == "auto" {
                advance()
                return .width(nil)
            }
            return .width(try parsePositiveInteger(code: "expected-count"))
        default:
            return .memory(try parsePositiveInteger(code: "expected-count"))
        }
    }

    /// A word among `choices` (lower-cased), or an error naming `what` and listing the choices, with
    /// the closest as a suggestion.
    private mutating func expectChoice(among choices: [String], what: String?, code: String) throws(ParseError) -> String {
        skipNewlines()
        let word = current
        let lower = word.text.lowercased()
        if word.kind == .word, choices.contains(lower) {
            advance()
            return lower
        }
        let quoted = choices.map { "'\($0)'" }
        let list = quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
        let suggestion = word.kind == .word ? Suggestion.closest(to: word.text, among: choices) : nil
        throw expected(
            what.map { "\($0) (\(list))" } ?? list, code: word.endsStatement ? nil : code,
            label: suggestion.map { "did you mean '\($0)'?" })
    }

    /// `record := "record" (string | "off")`.
    private mutating func parseRecord() throws(ParseError) -> Statement.Kind {
        skipNewlines()
        if at(.word), current.text.lowercased() == "off" {
            let off = current
            advance()
            return .record(path: nil, pathSpan: off.span)
        }
        let path = try expect(.string, "a file path in quotes or 'off'", code: "expected-path")
        return .record(path: path.text, pathSpan: path.span)
    }

    /// `check := "check" query "is" ["-"] number ["%"] ["within" number ["%"]]`.
    private mutating func parseCheck() throws(ParseError) -> Statement.Kind {
        let query = try parseQuery(required: true)
        guard at(.is) else { throw unexpectedAfterQuery(query, expecting: "a clause or 'is' and a number") }
        advance()
        let claim = try parseSignedNumber(what: "a number")
        let isPercent = eat(.percent) != nil
        var tolerance: Double?
        if eat(.within) != nil {
            let within = try parseSignedNumber(what: "a percentage")
            _ = eat(.percent)
            tolerance = within.value.asDouble
        }
        return .check(query, claim: claim, isPercent: isPercent, tolerance: tolerance)
    }

    /// A number literal with an optional leading minus, folded into the literal.
    private mutating func parseSignedNumber(what: String) throws(ParseError) -> NumberLiteral {
        skipNewlines()
        let minus = eat(.minus)
        guard let token = eat(.number) else { throw expected(what) }
        let literal = try numberLiteral(token)
        try checkRange(literal, at: (minus?.span ?? token.span).merged(with: token.span))
        return minus == nil ? literal : Parser.negated(literal)
    }

    /// A claim or tolerance must be a number a check can compare: not beyond the largest decimal
    /// (`1e400` would be infinite) and not so small that it becomes 0 (`1e-400`).
    private func checkRange(_ literal: NumberLiteral, at span: SourceSpan) throws(ParseError) {
        guard case .decimal(let value) = literal.value else { return }
        let mantissa = literal.text.lowercased().split(separator: "e").first ?? ""
        let writtenZero = mantissa.allSatisfy { $0 == "0" || $0 == "." || $0 == "-" }
        if value.isFinite, value != 0 || writtenZero { return }
        let problem = value.isFinite ? "too small: it would be read as 0" : "too large to compare"
        throw failure(
            "number-out-of-range", "the number \(source.text(of: span)) is \(problem)", at: span,
            label: "write the figure as the source gives it, e.g. 38.7 or 12600")
    }
}
