extension SQLTranslator {
    /// The SQL of a scalar function call: its template from the function table, filled with the
    /// arguments' SQL. Where the result is a decimal, whole-number choices are cast to doubles so
    /// that every engine returns one type.
    func functionCall(_ id: ScalarFunction.ID, _ arguments: [BoundExpr], type: ValueType, in scope: Scope) throws(Diagnostic) -> String {
        var filled: [String] = []
        for argument in arguments {
            var sql = try expression(argument, in: scope)
            if case .common = ScalarFunction.of(id).result, type == .decimal, argument.type == .integer { sql = dialect.double(sql) }
            filled.append(sql)
        }
        if id == .date, arguments.count == 2, case .literal(.text(let layout), _) = arguments[1] {
            return try dateWithLayout(filled[0], layout: layout)
        }
        if id == .round, case .literal(.integer(let digits), _) = arguments[1], digits < 0 {
            let scale = "1" + String(repeating: "0", count: Int(min(-digits, 18)))
            let rounded = SQLTranslator.fill(ScalarFunction.of(id).sql.template(for: dialect), with: ["(\(dialect.double(filled[0])) / \(scale))", "0"])
            return "(\(rounded) * \(scale))"
        }
        return SQLTranslator.fill(ScalarFunction.of(id).sql.template(for: dialect), with: filled)
    }

    /// `date(s, layout)`: the engine's parsing function with the layout in its own spelling.
    private func dateWithLayout(_ text: String, layout: String) throws(Diagnostic) -> String {
        func spelled(_ year: String, _ month: String, _ day: String) -> String {
            layout.replacing("YYYY", with: year).replacing("MM", with: month).replacing("DD", with: day)
        }
        switch dialect {
        case .duckdb: return "CAST(strptime(\(text), \(dialect.string(spelled("%Y", "%m", "%d")))) AS DATE)"
        case .postgres: return "to_date(\(text), \(dialect.string(layout)))"
        case .spark: return "to_date(\(text), \(dialect.string(spelled("yyyy", "M", "d"))))"
        case .sqlite:
            throw .error(
                "sql-unsupported", "sqlite has no function that reads dates in a layout, so this query has no sqlite translation",
                help: ["`set dialect duckdb` (or postgres, spark) translates it with that engine's date parsing"])
        }
    }

    /// `template` with `$1`, `$2`, … replaced by the arguments and `$*` by all of them, read in one
    /// pass so that an argument's own text is never replaced again.
    static func fill(_ template: String, with arguments: [String]) -> String {
        var result = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "$" else { result.append(character); continue }
            guard let next = characters.next() else { result.append(character); break }
            if next == "*" {
                result += arguments.joined(separator: ", ")
            } else if let digit = next.wholeNumberValue, digit >= 1, digit <= arguments.count {
                result += arguments[digit - 1]
            } else {
                result.append(character)
                result.append(next)
            }
        }
        return result
    }
}
