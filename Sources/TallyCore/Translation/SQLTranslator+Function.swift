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
            guard let reader = DateLayout(layout) else { return "NULL" }
            return sqliteDate(text, reader)
        }
    }

    /// `date(s, layout)` for sqlite, which has no parsing function: the layout read part by part
    /// with `substr` at offsets computed from the parts before (a month or day is two characters
    /// when the second is a digit, as tally reads it), each part checked, and the numbers written
    /// as ISO text with `printf`. A value that does not fit, or names no day (`date(…, '+0 days')`
    /// moves a 30 February on), gives NULL where tally stops with an error.
    private func sqliteDate(_ text: String, _ layout: DateLayout) -> String {
        var offset = "0"
        var checks: [String] = []
        var numbers: [DateLayout.Part: String] = [:]
        for part in layout.parts {
            let first = "substr(\(text), \(offset) + 1, 1)"
            switch part {
            case .literal(let byte):
                checks.append("\(first) = \(dialect.string(String(decoding: [byte], as: UTF8.self)))")
                offset = "\(offset) + 1"
            case .year:
                let digits = "substr(\(text), \(offset) + 1, 4)"
                checks.append("\(digits) GLOB '[0-9][0-9][0-9][0-9]'")
                numbers[part] = digits
                offset = "\(offset) + 4"
            case .month, .day:
                let width = "(CASE WHEN substr(\(text), \(offset) + 2, 1) GLOB '[0-9]' THEN 2 ELSE 1 END)"
                checks.append("\(first) GLOB '[0-9]'")
                numbers[part] = "substr(\(text), \(offset) + 1, \(width))"
                offset = "(\(offset) + \(width))"
            }
        }
        checks.append("length(\(text)) = \(offset)")
        let iso = "printf('%04d-%02d-%02d', " + [DateLayout.Part.year, .month, .day].map { "CAST(\(numbers[$0] ?? "0") AS INTEGER)" }.joined(separator: ", ") + ")"
        return "(CASE WHEN \(checks.joined(separator: " AND ")) AND date(\(iso), '+0 days') = \(iso) THEN \(iso) END)"
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
