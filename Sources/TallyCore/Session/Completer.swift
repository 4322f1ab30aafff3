/// Tab completion for the prompt: what may be typed at the cursor, as a pure function of the
/// line and the catalog (no terminal involved, so it can be tested directly).
///
/// The word being completed is the run of word characters (or the open quoted text) that
/// ends at the cursor; every candidate replaces that whole word. Offered, depending on what
/// comes before it: statement words and dataset names at the start of a statement; dataset
/// names after `describe`, `cite`, `drop`, `explain`, …; `off` after `record`; the columns of the dataset being queried
/// after `where`, `group by`, `show`, `sort by`, `and`, `,`; clause words after a complete
/// item; and after `=` or `in (` the values of the column before it (for a country column,
/// also the names and aliases of the countries it holds). Values that are not plain words
/// come quoted.
public struct Completer {
    /// The datasets and countries completions are drawn from.
    public let catalog: Catalog
    /// Ctrl-C: polled while candidates are gathered (a column may hold millions of values); once it
    /// is set the completion gives up and offers nothing.
    public let cancellation: CancellationFlag?

    /// Every dataset name as a candidate, read from the catalog once (many completions offer them).
    let datasetCandidates: [CompletionCandidate]

    /// Candidates looked at between two looks at the cancellation flag.
    static let cancellationStride = 4_096

    /// Creates a completer over `catalog`, stopped by `cancellation` when given.
    public init(catalog: Catalog, cancellation: CancellationFlag? = nil) {
        self.catalog = catalog
        self.cancellation = cancellation
        datasetCandidates = catalog.names.map(CompletionCandidate.dataset)
    }

    /// The candidates for the word that ends at byte offset `cursor` of `line` (UTF-8 bytes;
    /// clamped to the line), sorted case-insensitively (quoted ones by their content), without
    /// duplicates; none when cancelled.
    public func complete(line: String, cursor: Int) -> [String] {
        completion(line: line, cursor: cursor).candidates
    }

    /// The byte offset where the word being completed starts (what the candidates replace), and the
    /// candidates (as `complete(line:cursor:)` gives them), from one reading of the line.
    public func completion(line: String, cursor: Int) -> (wordStart: Int, candidates: [String]) {
        guard let tokens = CompletionTokenizer.tokenize(prefixOf: line, cursor: cursor) else {
            return (min(max(cursor, 0), line.utf8.count), [])
        }
        let partial = tokens.partial
        var context = tokens.complete
        if let semicolon = context.lastIndex(where: { $0.isSymbol(";") }) {
            context.removeSubrange(...semicolon)
        }
        let prefix = Self.lowercased(partial.text)
        let offered = candidates(after: context) + attributeCandidates(partial, after: context)
        var results: [(key: String, lowered: String, text: String)] = []
        results.reserveCapacity(offered.count)
        for (index, candidate) in offered.enumerated() {
            if index % Self.cancellationStride == 0, cancellation?.isCancelled == true { return (partial.start, []) }
            guard let text = candidate.rendered(matching: partial, lowered: prefix) else { continue }
            let lowered = Self.lowercased(text)
            results.append((Self.sortKey(lowered: lowered), lowered, text))
        }
        if cancellation?.isCancelled == true { return (partial.start, []) }
        results.sort { $0.key < $1.key }
        return (partial.start, Self.firstOfEach(sorted: results))
    }

    /// `text.lowercased()`, without building a copy of a text that is ASCII with no capital letter (as
    /// keywords, function names and most names typed are).
    static func lowercased(_ text: String) -> String {
        text.utf8.contains { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) } ? text.lowercased() : text
    }

    /// Candidates sort case-insensitively, quoted ones by their content: the key of a candidate
    /// whose lower-cased text is `lowered`. A whole `String` (not a slice), so that short keys
    /// compare in place.
    static func sortKey(lowered: String) -> String {
        switch lowered.utf8.first {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            return String(lowered.drop { $0 == "\"" || $0 == "'" || $0 == "`" })
        default:
            return lowered
        }
    }

    /// The texts of `results` (stably sorted by key, in the order they were offered within a key)
    /// without case-insensitive repeats, keeping the first offered. Equal lower-cased texts have equal
    /// keys, so a repeat is looked for only among the results that share its key.
    static func firstOfEach(sorted results: [(key: String, lowered: String, text: String)]) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(results.count)
        var sameKeyStart = 0
        for (index, result) in results.enumerated() {
            if index > 0, result.key != results[index - 1].key { sameKeyStart = index }
            guard !results[sameKeyStart..<index].contains(where: { $0.lowered == result.lowered }) else { continue }
            texts.append(result.text)
        }
        return texts
    }

    // MARK: - What may come next

    /// Statement words, offered at the start of a statement.
    static let statementWords = [
        "let", "load", "export", "datasets", "describe", "explain", "help", "set", "check", "sql", "cite",
        "run", "drop", "reset", "record", "quit", "exit",
    ]
    /// Clause words, offered after a complete item of a query.
    static let clauseWords = [
        "where", "having", "since", "until", "in", "between", "group by", "sort by", "show", "top", "limit",
        "change", "chart", "across", "lookup", "join",
    ]
    /// The statement words as candidates. This and the other fixed lists of candidates are kept in
    /// alphabetical order (none has two words alike), which the final sort then finds in place.
    static let statementCandidates = statementWords.sorted().map(CompletionCandidate.keyword)
    /// The clause words as candidates.
    static let clauseCandidates = clauseWords.sorted().map(CompletionCandidate.keyword)
    /// The scalar functions as candidates.
    static let functionCandidates = ScalarFunction.callableNames.sorted().map(CompletionCandidate.function)
    /// Clause words whose next word is a dataset.
    static let combiningWords: Set<String> = ["lookup", "join"]
    /// Words that may follow the left operand of a condition.
    static let conditionCandidates = ["in", "not", "between", "is", "contains", "starts with", "ends with"]
        .sorted().map(CompletionCandidate.keyword)
    /// Item words and aggregates, offered with the columns after `show` and `sort by`.
    static let itemWords = ["count", "share", "rank", "sum", "avg", "mean", "min", "max", "median", "distinct"]
    /// The time windows, offered with the item words once the query is grouped (they work along a
    /// group key).
    static let windowWords = TimeWindow.words + [TimeWindow.movingAverageWord]
    /// The item words as candidates.
    static let itemCandidates = itemWords.sorted().map(CompletionCandidate.keyword)
    /// The item words and the time windows as candidates.
    static let groupedItemCandidates = (itemWords + windowWords).sorted().map(CompletionCandidate.keyword)
    /// What may follow a complete item in a condition: the clause words, `and`, `or`.
    static let followingConditionCandidates = (clauseWords + ["and", "or"]).sorted().map(CompletionCandidate.keyword)
    /// What may follow a complete sort key: the clause words, `asc`, `desc`.
    static let followingSortKeyCandidates = (clauseWords + ["asc", "desc"]).sorted().map(CompletionCandidate.keyword)
    /// Statements whose argument is a query.
    static let queryStatements: Set<String> = ["explain", "sql", "check", "export"]
    /// Words after which nothing can be completed (a number, a name or a path comes next).
    static let openWords: Set<String> = [
        "since", "until", "between", "top", "limit", "from", "to", "as", "contains", "with",
    ]
    /// The comparison operators.
    static let comparisons: Set<String> = ["=", "==", "!=", "<>", "<", "<=", ">", ">="]

    /// The candidates at a position preceded by `context` (the tokens of the statement so far).
    func candidates(after context: [CompletionToken]) -> [CompletionCandidate] {
        guard let first = context.first else {
            return Self.statementCandidates + datasetCandidates
        }
        switch first.word {
        case "describe", "cite", "drop":
            return context.count == 1 ? datasetCandidates : []
        case "record":
            return context.count == 1 ? [.keyword("off")] : []
        case "help":
            return context.count == 1 ? Self.statementCandidates + Self.clauseCandidates : []
        case "set":
            return settingCandidates(context)
        case "let":
            return context.count >= 3 && context[2].isSymbol("=") ? queryCandidates(Array(context.dropFirst(3))) : []
        case "load":
            return context.count >= 2 && context.last?.kind == .string ? ["as", "with"].map(CompletionCandidate.keyword) : []
        case let word? where Self.queryStatements.contains(word):
            return queryCandidates(Array(context.dropFirst()))
        default:
            return catalog.table(named: first.name) == nil ? [] : queryCandidates(context)
        }
    }

    /// After `set` and `set NAME`: the setting names and their values.
    func settingCandidates(_ context: [CompletionToken]) -> [CompletionCandidate] {
        switch (context.count, context.count == 2 ? context[1].word : nil) {
        case (1, _): return ["timer", "format", "dialect"].map(CompletionCandidate.keyword)
        case (2, "timer"): return ["on", "off"].map(CompletionCandidate.keyword)
        case (2, "format"): return OutputFormat.allCases.map { .keyword($0.rawValue) }
        case (2, "dialect"): return ["duckdb", "postgres", "sqlite", "spark"].map(CompletionCandidate.keyword)
        default: return []
        }
    }

    /// The candidates inside a query whose tokens so far are `query` (starting at its dataset).
    func queryCandidates(_ query: [CompletionToken]) -> [CompletionCandidate] {
        guard let first = query.first else { return datasetCandidates }
        guard let table = catalog.table(named: first.name) else { return [] }
        guard query.count > 1, let last = query.last else { return Self.clauseCandidates }
        let clause = currentClause(query)
        let inCondition = clause == "where" || clause == "having"
        // The lists below are built only on the paths that offer them.
        let columns = { table.columns.map { CompletionCandidate.column($0.name) } }
        let operands = { columns() + Self.functionCandidates }
        let items = {
            operands() + (query.contains { $0.word == "group" } ? Self.groupedItemCandidates : Self.itemCandidates)
        }
        let beforeLast = query.count >= 2 ? query[query.count - 2] : nil

        if last.kind == .symbol {
            switch last.text {
            case _ where Self.comparisons.contains(last.text):
                return beforeLast.map { valueCandidates(of: $0, in: table) } ?? []
            case "(":
                if let word = beforeLast?.word, Self.combiningWords.contains(word) { return datasetCandidates }
                if beforeLast?.word == "in", let column = listColumn(query, openParen: query.count - 1) {
                    return valueCandidates(of: column, in: table)
                }
                return inCondition ? operands() + [.keyword("not")] : items()
            case ",":
                if let open = openParenthesis(query), open > 0, query[open - 1].word == "in",
                   let column = listColumn(query, openParen: open) {
                    return valueCandidates(of: column, in: table)
                }
                return clause == "show" || clause == "sort" ? items() : operands()
            default:
                return followingItem(clause: clause)
            }
        }
        if let word = beforeLast?.word, Self.combiningWords.contains(word), last.kind == .word {
            return [.keyword("as"), .keyword("on")]
        }
        switch last.word {
        case let word? where Self.combiningWords.contains(word): return datasetCandidates
        case "on" where clause == "lookup" || clause == "join": return columns()
        case "group", "sort": return [.keyword("by")]
        case "by": return clause == "sort" ? items() : operands()
        case "show": return items()
        case "where", "having": return operands() + [.keyword("not")]
        case "and" where inCondition, "or" where inCondition, "not" where inCondition:
            return operands() + [.keyword("not")]
        case "is": return [.keyword("missing"), .keyword("not")]
        case let word? where Self.openWords.contains(word): return []
        default: break
        }
        if inCondition, last.kind != .string, table.columnIndex(named: last.name) != nil,
           beforeLast.map(startsOperand) ?? false {
            return Self.conditionCandidates
        }
        return followingItem(clause: clause)
    }

    /// The words that may follow a complete item in `clause`.
    func followingItem(clause: String?) -> [CompletionCandidate] {
        switch clause {
        case "where", "having": Self.followingConditionCandidates
        case "sort": Self.followingSortKeyCandidates
        default: Self.clauseCandidates
        }
    }

    /// Whether a condition operand may start right after `token`.
    func startsOperand(_ token: CompletionToken) -> Bool {
        token.isSymbol("(") || ["where", "having", "and", "or", "not"].contains(token.word ?? "")
    }

    /// The last clause word of `query` outside parentheses (`group` for `group by`, `sort` for `sort by`).
    func currentClause(_ query: [CompletionToken]) -> String? {
        var clause: String?
        var depth = 0
        for (index, token) in query.enumerated().dropFirst() {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth = max(0, depth - 1) }
            guard depth == 0, let word = token.word else { continue }
            switch word {
            case "where", "having", "show", "since", "until", "top", "limit", "change", "chart", "lookup", "join": clause = word
            case "by" where index >= 2 && ["group", "sort"].contains(query[index - 1].word ?? ""):
                clause = query[index - 1].word
            default: break
            }
        }
        return clause
    }

    /// The index of the innermost parenthesis still open at the end of `query`.
    func openParenthesis(_ query: [CompletionToken]) -> Int? {
        var open: [Int] = []
        for (index, token) in query.enumerated() {
            if token.isSymbol("(") { open.append(index) }
            if token.isSymbol(")") { _ = open.popLast() }
        }
        return open.last
    }

    /// The column of an `x in (` / `x not in (` list whose parenthesis is at `openParen`.
    func listColumn(_ query: [CompletionToken], openParen: Int) -> CompletionToken? {
        var index = openParen - 2
        if index >= 0, query[index].word == "not" { index -= 1 }
        return index >= 0 ? query[index] : nil
    }

    /// After `NAME.` where a column may stand: the columns of the side NAME names (a dataset
    /// after `lookup`/`join`, or its `as` name), which wins; else, when NAME is a country column
    /// of the queried dataset, `NAME.name`, `NAME.region`, … (the word completed includes NAME).
    func attributeCandidates(_ partial: CompletionToken, after context: [CompletionToken]) -> [CompletionCandidate] {
        guard partial.kind == .word, let dot = partial.text.firstIndex(of: ".") else { return [] }
        let base = String(partial.text[..<dot])
        var query = context
        if let first = query.first?.word, Self.queryStatements.contains(first) { query.removeFirst() }
        if query.first?.word == "let" { query.removeFirst(min(3, query.count)) }
        guard let dataset = query.first, let table = catalog.table(named: dataset.name),
              candidates(after: context).contains(where: { if case .column = $0 { true } else { false } }) else { return [] }
        if let side = sideTable(named: base, in: query) {
            return side.columns.map { .keyword(base + "." + $0.name) }
        }
        guard let column = table.column(named: base), table.info.isCountryColumn(column.name) else { return [] }
        return CountryAttribute.allCases.map { .keyword(base + "." + $0.rawValue) }
    }

    /// The dataset of the `lookup` or `join` side of `query` called `name` (by its `as` name, or by
    /// its dataset's name when it has none).
    func sideTable(named name: String, in query: [CompletionToken]) -> Table? {
        for (index, token) in query.enumerated() where Self.combiningWords.contains(token.word ?? "") && index + 1 < query.count {
            let dataset = query[index + 1]
            let alias = index + 3 < query.count && query[index + 2].word == "as" ? query[index + 3].name : nil
            if (alias ?? dataset.name).lowercased() == name.lowercased() { return catalog.table(named: dataset.name) }
        }
        return nil
    }

    // MARK: - Names and values

    /// The values of the column named by `token` in `table`: the distinct values of a text
    /// column, plus, for a country column, the names and aliases of the countries it holds.
    func valueCandidates(of token: CompletionToken, in table: Table) -> [CompletionCandidate] {
        guard token.kind != .string, let column = table.column(named: token.name),
              case .text(_, let dictionary) = column.data else { return [] }
        guard table.info.isCountryColumn(column.name), let directory = catalog.countries else {
            return dictionary.values.map(CompletionCandidate.value)
        }
        let present = Set(dictionary.values)
        let held = directory.countries.filter { !spellings(of: $0).filter(present.contains).isEmpty }
        let known = Set(held.flatMap(spellings))
        let others = dictionary.values.filter { !known.contains($0) }.map(CompletionCandidate.value)
        return others + (held.isEmpty ? directory.countries : held).map {
            .country(names: ([$0.name] + $0.aliases).filter { !$0.isEmpty }, codes: codes(of: $0))
        }
    }

    /// How a country can be written: its name, aliases and codes.
    func spellings(of country: Country) -> [String] {
        ([country.name] + country.aliases).filter { !$0.isEmpty } + codes(of: country)
    }

    /// A country's codes: ISO 3, ISO 2, UNHCR.
    func codes(of country: Country) -> [String] {
        [country.iso3, country.iso2, country.unhcrCode].filter { !$0.isEmpty }
    }
}
