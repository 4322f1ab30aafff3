extension Binder {
    /// Binds an expression in the current scope: row by row over the source, or (while
    /// `grouping` is set) over the grouped table, where aggregates and keys are columns.
    mutating func bindRow(_ expr: Expr) throws(Diagnostic) -> BoundExpr {
        if let key = repeatedKey(expr) { return key }
        switch expr.kind {
        case .name(let name):
            return try bindName(name)
        case .qualified(let base, let member):
            return try bindQualified(base, member, expr)
        case .number(let literal):
            return .literal(literal.value, literal.value.isDecimal ? .decimal : .integer)
        case .string(let text):
            return .literal(.text(text), .text)
        case .boolean(let value):
            return .literal(.boolean(value), .boolean)
        case .negate(let operand):
            let bound = try bindRow(operand)
            try requireNumber(bound, operand, for: "-")
            if case .literal(.integer(let v), _) = bound, v != Int64.min { return .literal(.integer(-v), .integer) }
            if case .literal(.decimal(let v), _) = bound { return .literal(.decimal(-v), .decimal) }
            return .negate(bound)
        case .not(let operand):
            return .not(try bindCondition(operand))
        case .and(let l, let r):
            return .and(try bindCondition(l), try bindCondition(r))
        case .or(let l, let r):
            return .or(try bindCondition(l), try bindCondition(r))
        case .arithmetic(let op, let l, let r):
            return try bindArithmetic(op, try bindRow(l), l, try bindRow(r), r)
        case .comparison(let op, let l, let r):
            let left = try bindRow(l)
            let right = try bindValueSide(r, against: left)
            return try bindComparison(op, left, l, right, r)
        case .inList(let operand, let items, let negated):
            let left = try bindRow(operand)
            if left.type.isDateLike { return try bindPeriodList(left, items, negated: negated) }
            var values: [Value] = []
            for item in items {
                let right = try bindComparison(.equal, left, operand, try bindValueSide(item, against: left), item)
                guard case .comparison(_, _, .literal(let value, _)) = right else {
                    throw .error("list-not-constant", "the items of 'in (…)' must be values", at: item.span,
                                 label: "not a value", help: ["to compare two columns, use `=` with `or`"])
                }
                if let member = value.member(ofType: left.type) { values.append(member) }
            }
            return .inSet(left, values, negated: negated)
        case .between(let operand, let low, let high, let negated):
            let left = try bindRow(operand)
            let lower = try bindComparison(.greaterOrEqual, left, operand, try bindValueSide(low, against: left), low)
            let upper = try bindComparison(.lessOrEqual, left, operand, try bindValueSide(high, against: left), high)
            let both = BoundExpr.and(lower, upper)
            return negated ? .not(both) : both
        case .isMissing(let operand, let negated):
            return .isMissing(try bindRow(operand), negated: negated)
        case .textMatch(let kind, let operand, let pattern):
            let left = try bindRow(operand)
            guard left.type == .text else {
                throw .error("type-mismatch", "'\(kind.rawValue)' works on text, and \(sourceText(operand)) is \(left.type.article)",
                             at: operand.span, label: "not text")
            }
            let folded = try patternText(pattern)
            return countryTextMatch(kind, left, pattern: folded) ?? .textMatch(kind, left, pattern: folded)
        case .inGroup(let operand, let group):
            if case .name(let name) = operand.kind, let index = source.columnIndex(named: name.text), source.columns[index].type.isDateLike {
                return try periodComparison(.equal, .column(index, source.columns[index].type), text: group.text, at: group.span)
            }
            return try bindCountryGroup(operand, group)
        case .allColumns:
            throw .error(
                "star-not-rows", "'*' stands for every column, and here there is one row per group", at: expr.span,
                label: "a column per group is needed",
                help: ["name the keys and aggregates, e.g. `show \(source.columns.first?.name ?? "x"), count`, or drop `group by` to see the rows"])
        case .call(let name, let args, let star):
            if isItemWordColumn(name, args: args, star: star) {
                warnings.append(.warning(
                    "item-word-is-column", "'\(name.text)' is read as the column \(name.text) of \(source.name)",
                    at: name.span, label: "write count(*) for the number of rows"))
                return try bindName(Name(name.text, span: name.span, isQuoted: true))
            }
            if let scalar = ScalarFunction.named(name.text) { return try bindFunctionCall(scalar, args, star: star, expr) }
            let function = name.text.lowercased()
            if grouping != nil { return try bindAggregateCall(name, args, star: star, expr) }
            if Binder.aggregateNames.contains(function) || function == "share" || function == "rank" {
                throw .error(
                    "aggregate-in-row-context", "'\(function)' summarizes groups and cannot be used here",
                    at: expr.span, label: "an aggregate",
                    help: ["to filter on an aggregate, use `having`, e.g. `… group by destination having \(sourceText(expr)) > 100`"])
            }
            throw unknownFunction(name)
        }
    }

    /// Resolves a name in the current scope: an output name (in `having` and `sort by`), a
    /// column of the source, or, when grouped, a key or a measure (meaning its sum).
    mutating func bindName(_ name: Name) throws(Diagnostic) -> BoundExpr {
        if let output = outputNamed(name.text) { return output }
        if !name.isQuoted, let window = windowFunction(named: name.text) { return try bindWindow(window, at: name.span) }
        return try grouped(try bindColumn(name), written: name)
    }

    /// A column over the grouped table when grouping: a key, the one value per group of a
    /// looked-up column, or a measure's sum; any other column is an error.
    mutating func grouped(_ column: BoundExpr, written name: Name) throws(Diagnostic) -> BoundExpr {
        guard var state = grouping else { return column }
        if let key = state.keys.firstIndex(of: column) { return .column(key, column.type) }
        if let index = column.columnIndex, combined.otherColumns.contains(index) {
            let position = state.add(AggregateSpec(function: .only, argument: column, written: name.span))
            grouping = state
            return .column(position, column.type)
        }
        guard let index = column.columnIndex, isMeasure(index) else {
            let columnName = source.columns[column.columnIndex ?? 0].name
            let groupBy = query.clauses.first { if case .groupBy = $0.kind { true } else { false } }
            let keys = groupBy.map { file.text(of: $0.span) + "," } ?? "group by"
            throw .error(
                "column-not-grouped", "\(columnName) is neither a group key nor inside an aggregate", at: name.span,
                label: "one value per group is needed",
                help: ["to see each \(columnName) in its own row, add it to the keys: `\(keys) \(columnName)`",
                       "or summarize it, e.g. " + (column.type.isNumeric ? "`sum(\(columnName))` or `max(\(columnName))`" : "`count(\(columnName))`")])
        }
        let position = state.add(AggregateSpec(function: .sum, argument: column))
        grouping = state
        return .column(position, state.aggregates[position - state.keys.count].resultType)
    }

    /// The output column called `name`, while binding `having` or `sort by`.
    func outputNamed(_ name: String) -> BoundExpr? {
        outputsByName[name.lowercased()]
    }

    /// The source column behind a bound column (a key of the grouped table maps to its column).
    func sourceColumn(of bound: BoundExpr) -> Int? {
        guard let index = bound.columnIndex else { return nil }
        guard let state = grouping else { return index }
        return index < state.keys.count ? state.keys[index].columnIndex : nil
    }

    /// Resolves a name to a column of the source. A misspelt name is matched against the columns
    /// and then the items that read like columns (`grwoth` → `growth`); columns win a tie.
    func bindColumn(_ name: Name) throws(Diagnostic) -> BoundExpr {
        guard let index = source.columnIndex(named: name.text) else {
            let suggestion = Suggestion.closest(to: name.text, among: source.columns.map(\.name) + TimeWindow.words + ["share", "rank"])
            throw .error(
                "unknown-column", "unknown column '\(name.text)' in \(source.name)", at: name.span,
                label: suggestion.map { "did you mean '\($0)'?" },
                help: suggestion == nil ? ["columns: " + source.columns.map(\.name).joined(separator: ", ")] : [])
        }
        return .column(index, source.columns[index].type)
    }

    /// Whether a call without parentheses to an item word (`count`) names a column, which wins.
    func isItemWordColumn(_ name: Name, args: [Expr], star: Bool) -> Bool {
        args.isEmpty && !star && source.columnIndex(named: name.text) != nil
    }

    /// Binds the right side of a comparison, where a bare word that is not a column is text,
    /// and on a country column a bare word is always a value.
    mutating func bindValueSide(_ expr: Expr, against left: BoundExpr) throws(Diagnostic) -> BoundExpr {
        guard case .name(let name) = expr.kind, !name.isQuoted else { return try bindRow(expr) }
        let leftIsCountry = sourceColumn(of: left).map(isCountryColumn) ?? false
        if leftIsCountry || (source.columnIndex(named: name.text) == nil && outputNamed(name.text) == nil) {
            return .literal(.text(name.text), .text)
        }
        let column = try bindName(name)
        if let leftIndex = sourceColumn(of: left), case .text(_, let dictionary) = source.columns[leftIndex].data,
           dictionary.values.contains(name.text) {
            warnings.append(.warning(
                "bare-word-is-column", "'\(name.text)' is read as the column \(name.text), though it is also a value of \(source.columns[leftIndex].name)",
                at: name.span, label: "quote it to mean the value: \"\(name.text)\""))
        }
        return column
    }

    /// Checks and coerces the operands of a comparison.
    mutating func bindComparison(
        _ op: ComparisonOperator, _ left: BoundExpr, _ leftExpr: Expr, _ right: BoundExpr, _ rightExpr: Expr
    ) throws(Diagnostic) -> BoundExpr {
        var right = right
        if left.type.isNumeric, case .arithmetic(.subtract, _, _) = rightExpr.kind, Self.looksLikeADate(sourceText(rightExpr)) {
            let written = sourceText(rightExpr), leftText = sourceText(leftExpr), year = String(written.prefix(4))
            let isYear = sourceColumn(of: left).map { $0 == timeColumn?.index } ?? false
            throw .error(
                "unquoted-date", "\(written) reads as a subtraction, not as a month or a day", at: rightExpr.span,
                label: "\(year) minus …",
                help: [isYear ? "\(leftText) holds whole years: write `\(leftText) = \(year)`; months and days need a date column"
                              : "a month or a day goes in quotes, compared with a date column",
                       "to subtract, put spaces around the minus: `\(written.replacingScalars { $0 == "-" ? " - " : nil })`"])
        }
        if left.type.isDateLike, case .literal(.text(let text), _) = right {
            return try periodComparison(op, left, text: text, at: rightExpr.span)
        }
        if left.type.isCalendar, case .literal(.text(let text), _) = right {
            right = try bucketLiteral(text, of: left.type, at: rightExpr.span)
        }
        if left.type.isDateLike, case .literal(let value, _) = right, value.asDouble != nil {
            throw .error(
                "type-mismatch", "cannot compare \(sourceText(leftExpr)) (\(left.type.article)) with the number \(sourceText(rightExpr))",
                at: rightExpr.span, label: "a number, not a date",
                help: ["write the period in quotes: \"\(sourceText(rightExpr))\" is the whole year, \"2024-03\" a month, \"2024-03-15\" a day"])
        }
        if left.type == .text, case .literal(_, let type) = right, type.isNumeric,
           case .number(let literal) = rightExpr.kind {
            right = .literal(.text(literal.text), .text)
        }
        let compatible = (left.type.isNumeric && right.type.isNumeric) || left.type == right.type
        guard compatible else {
            var hint: [String] = []
            if left.type.isNumeric, case .literal(.text, _) = right {
                hint = ["\(sourceText(leftExpr)) holds numbers: compare it with a number"]
            }
            if left.type.isDateLike, right.type.isNumeric {
                hint = ["a date goes in quotes: write \"\(sourceText(rightExpr))\""]
            }
            throw .error(
                "type-mismatch", "cannot compare \(sourceText(leftExpr)) (\(left.type.article)) with \(sourceText(rightExpr)) (\(right.type.article))",
                at: rightExpr.span, label: "\(right.type.article), not \(left.type.article)", help: hint)
        }
        if let leftIndex = sourceColumn(of: left), case .literal(.text(let text), _) = right {
            let value = try resolveTextValue(text, column: leftIndex, at: rightExpr.span)
            if op == .equal || op == .notEqual { warnIfAbsent(value, column: leftIndex, at: rightExpr.span) }
            right = .literal(.text(value), .text)
        }
        return .comparison(op, left, right)
    }

    /// Whether `text` is written like an ISO month or day (`2017-01`, `2024-03-15`): digits and
    /// minus signs without spaces, a four-digit year first and two-digit parts after.
    static func looksLikeADate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
            && parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// Resolves a typed text value against a column: country names and codes on country columns.
    mutating func resolveTextValue(_ text: String, column index: Int, at span: SourceSpan) throws(Diagnostic) -> String {
        guard case .text(_, let dictionary) = source.columns[index].data else { return text }
        let columnName = source.columns[index].name
        if isCountryColumn(index), let directory = catalog.countries {
            switch directory.resolve(text) {
            case .found(let country):
                if let stored = directory.matchingValue(for: country, in: dictionary.values) { return stored }
                emptyResultNotes.append(.note("country-without-rows", "\(country.name) has no rows in \(columnName)"))
                return country.iso3.isEmpty ? country.name : country.iso3
            case .ambiguous(let candidates):
                throw .error(
                    "ambiguous-country", "'\(text)' could be several countries", at: span,
                    label: "which one?",
                    help: candidates.prefix(6).map { "\($0.iso2.isEmpty ? $0.unhcrCode : $0.iso2): \($0.name)" })
            case .unknown(let closest):
                if dictionary.values.contains(text) { return text }
                if case .found(let group) = directory.resolveGroup(text), NameKey(group.displayName).text == NameKey(text).text || group.kind == .europeanUnion {
                    let written = group.kind == .europeanUnion ? group.displayName : "\"\(group.displayName)\""
                    throw .error(
                        "group-not-country", "'\(text)' is a group of countries, not a country", at: span,
                        label: "did you mean `\(columnName) in \(written)`?",
                        help: ["`in` keeps the rows whose \(columnName) belongs to the group; `help eu` explains groups"])
                }
                throw .error(
                    "unknown-country", "unknown country '\(text)' in \(columnName)", at: span,
                    label: closest.first.map { "did you mean \($0.iso2.isEmpty ? $0.unhcrCode : $0.iso2) (\($0.name))?" },
                    help: closest.count > 1 ? ["close: " + closest.map(\.name).joined(separator: ", ")] : [])
            }
        }
        return text
    }

    /// The code of the warning that a value compared with `=`, `!=` or in a list is not in its column.
    static let absentValueCode = "value-not-in-column"

    /// Warns when `text`, compared for equality with a text column other than a country column
    /// (whose values resolve to countries instead), is none of the column's values, so it matches
    /// no row: a typo or a wrong case that would otherwise drop silently out of an `in` list, an
    /// `or` or a `!=`. Says the value the user probably meant, the same word in another case first.
    mutating func warnIfAbsent(_ text: String, column index: Int, at span: SourceSpan) {
        guard !isCountryColumn(index), case .text(_, let dictionary) = source.columns[index].data,
              !dictionary.values.contains(text) else { return }
        let name = source.columns[index].name
        let folded = text.lowercased()
        let closest = dictionary.values.first { $0.lowercased() == folded } ?? Suggestion.closest(to: text, among: dictionary.values)
        warnings.append(.warning(
            Binder.absentValueCode, "'\(text)' is not a value of \(name), so it matches no row", at: span,
            label: closest.map { "did you mean '\($0)'?" } ?? "not in \(name)",
            help: dictionary.values.isEmpty ? [] : [ColumnValueListing.holds(dictionary.values, column: name)]))
    }

    /// The folded text of a `contains`/`starts with`/`ends with` pattern.
    mutating func patternText(_ pattern: Expr) throws(Diagnostic) -> String {
        switch pattern.kind {
        case .string(let text): return text.lowercased()
        case .name(let name): return name.text.lowercased()
        case .number(let literal): return literal.text
        default:
            throw .error("pattern-not-text", "the pattern must be a word or a quoted text", at: pattern.span)
        }
    }

    /// Types `+ - * /`: division gives a decimal; integer operands give an integer otherwise.
    func bindArithmetic(
        _ op: ArithmeticOperator, _ left: BoundExpr, _ leftExpr: Expr, _ right: BoundExpr, _ rightExpr: Expr
    ) throws(Diagnostic) -> BoundExpr {
        if left.type.isDateLike || right.type.isDateLike { return try bindDateArithmetic(op, left, leftExpr, right, rightExpr) }
        try requireNumber(left, leftExpr, for: op.rawValue)
        try requireNumber(right, rightExpr, for: op.rawValue)
        let type: ValueType = op == .divide || left.type == .decimal || right.type == .decimal ? .decimal : .integer
        return .arithmetic(op, left, right, type)
    }

    func requireNumber(_ bound: BoundExpr, _ expr: Expr, for op: String) throws(Diagnostic) {
        guard bound.type.isNumeric else {
            throw .error("type-mismatch", "'\(op)' needs numbers, and \(sourceText(expr)) is \(bound.type.article)",
                         at: expr.span, label: "not a number")
        }
    }

    static let aggregateNames = ["count", "distinct", "sum", "avg", "mean", "min", "max", "median"]
}

extension ValueType {
    /// "a number", "a text", … for messages.
    var article: String {
        switch self {
        case .integer, .decimal: return "a number"
        case .text: return "text"
        case .boolean: return "a true/false value"
        case .date: return "a date"
        case .datetime: return "a datetime"
        case .month, .quarter, .week, .weekday: return "a \(rawValue)"
        }
    }
}

extension Value {
    /// This value as a member of an `in (…)` list tested against values of `type`, compared as
    /// `=` compares: `7.0` is the whole number 7, `1` on decimals is 1.0; nil when no value of
    /// that type can equal it (`7.5` among whole numbers).
    func member(ofType type: ValueType) -> Value? {
        switch (self, type) {
        case (.decimal(let v), .integer):
            return v == v.rounded() && abs(v) < 0x1p63 ? .integer(Int64(v)) : nil
        case (.integer(let v), .decimal):
            return .decimal(Double(v))
        default:
            return self
        }
    }

    /// Whether this is a decimal.
    var isDecimal: Bool { if case .decimal = self { return true } else { return false } }
}
