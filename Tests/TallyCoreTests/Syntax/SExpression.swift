@testable import TallyCore

/// A compact S-expression rendering of the syntax tree, so parser tests can state whole trees in one line.
enum SExpression {
    static func of(_ statement: Statement) -> String {
        switch statement.kind {
        case .query(let query): return of(query)
        case .calculate(let expr): return "(calculate \(of(expr)))"
        case .let(let name, let query): return "(let \(of(name)) \(of(query)))"
        case .load(let path, _, let name, let roles):
            var parts = ["load", quote(path)]
            if let name { parts.append("as \(of(name))") }
            if let time = roles.time { parts.append("(time \(of(time)))") }
            if !roles.measures.isEmpty { parts.append("(measures \(roles.measures.map(of).joined(separator: " ")))") }
            if !roles.countries.isEmpty { parts.append("(countries \(roles.countries.map(of).joined(separator: " ")))") }
            return "(" + parts.joined(separator: " ") + ")"
        case .export(let query, let path, _, let title): return "(export \(of(query)) \(quote(path))" + (title.map { " (titled \(quote($0)))" } ?? "") + ")"
        case .datasets: return "(datasets)"
        case .describe(let name): return "(describe \(of(name)))"
        case .explain(let query): return "(explain \(of(query)))"
        case .help(let topic): return topic.map { "(help \(quote($0)))" } ?? "(help)"
        case .set(let setting):
            switch setting {
            case .timer(let on): return "(set timer \(on ? "on" : "off"))"
            case .format(let format): return "(set format \(format))"
            case .dialect(let dialect): return "(set dialect \(dialect))"
            case .memory(let megabytes): return "(set memory \(megabytes))"
            case .rows(let rows): return "(set rows \(rows))"
            case .width(let columns): return "(set width \(columns.map(String.init) ?? "auto"))"
            case .layout(let layout): return "(set layout \(layout))"
            case .names(let on): return "(set names \(on ? "on" : "off"))"
            }
        case .check(let query, let claim, let isPercent, let tolerance):
            var text = "(check \(of(query)) \(of(claim))\(isPercent ? "%" : "")"
            if let tolerance { text += " within \(tolerance)" }
            return text + ")"
        case .cite(let name): return "(cite \(of(name)))"
        case .sql(let query): return "(sql \(of(query)))"
        case .run(let path, _): return "(run \(quote(path)))"
        case .drop(let name): return "(drop \(of(name)))"
        case .reset: return "(reset)"
        case .record(let path, _): return path.map { "(record \(quote($0)))" } ?? "(record off)"
        case .quit: return "(quit)"
        }
    }

    static func of(_ query: Query) -> String {
        "(" + ([of(query.source)] + query.clauses.map(of)).joined(separator: " ") + ")"
    }

    static func of(_ source: QuerySource) -> String {
        switch source {
        case .dataset(let name): return of(name)
        case .query(let query, _): return of(query)
        }
    }

    static func of(_ clause: Clause) -> String {
        switch clause.kind {
        case .where(let condition): return "(where \(of(condition)))"
        case .having(let condition): return "(having \(of(condition)))"
        case .since(let year): return "(since \(year.value))"
        case .until(let year): return "(until \(year.value))"
        case .inYear(let year): return "(in \(year.value))"
        case .between(let low, let high): return "(between \(low.value) \(high.value))"
        case .groupBy(let keys): return "(group-by \(keys.map(of).joined(separator: " ")))"
        case .show(let items):
            let parts = items.map { item in item.alias.map { "(as \(of(item.expr)) \(of($0)))" } ?? of(item.expr) }
            return "(show \(parts.joined(separator: " ")))"
        case .sortBy(let keys):
            let parts = keys.map { key in
                switch key.descending {
                case true?: "(desc \(of(key.expr)))"
                case false?: "(asc \(of(key.expr)))"
                case nil: of(key.expr)
                }
            }
            return "(sort-by \(parts.joined(separator: " ")))"
        case .top(let n, _): return "(top \(n))"
        case .limit(let n, _): return "(limit \(n))"
        case .change(let from, let to): return "(change \(from.value) \(to.value))"
        case .chart: return "(chart)"
        case .across(let key): return "(across \(of(key)))"
        case .combine(let combination):
            let keys = combination.keys.map { key in key.otherColumn.map { "(= \(of(key.column)) \(of($0)))" } ?? of(key.column) }
            let alias = combination.alias.map { " (as \(of($0)))" } ?? ""
            return "(\(combination.kind.rawValue) \(of(combination.other))\(alias) (on \(keys.joined(separator: " "))))"
        }
    }

    static func of(_ expr: Expr) -> String {
        switch expr.kind {
        case .name(let name): return of(name)
        case .qualified(let base, let member): return "(. \(of(base)) \(of(member)))"
        case .number(let literal): return of(literal)
        case .string(let text): return quote(text)
        case .boolean(let value): return value ? "true" : "false"
        case .negate(let operand): return "(- \(of(operand)))"
        case .not(let operand): return "(not \(of(operand)))"
        case .arithmetic(let op, let a, let b): return "(\(op.rawValue) \(of(a)) \(of(b)))"
        case .comparison(let op, let a, let b): return "(\(op.rawValue) \(of(a)) \(of(b)))"
        case .and(let a, let b): return "(and \(of(a)) \(of(b)))"
        case .or(let a, let b): return "(or \(of(a)) \(of(b)))"
        case .inList(let value, let list, let negated):
            return "(\(negated ? "not-in" : "in") \(of(value)) (\(list.map(of).joined(separator: " "))))"
        case .between(let value, let low, let high, let negated):
            return "(\(negated ? "not-between" : "between") \(of(value)) \(of(low)) \(of(high)))"
        case .isMissing(let value, let negated): return "(\(negated ? "is-not-missing" : "is-missing") \(of(value)))"
        case .textMatch(let match, let a, let b):
            return "(\(match.rawValue.replacingOccurrences(" ", "-")) \(of(a)) \(of(b)))"
        case .inGroup(let value, let group): return "(in-group \(of(value)) \(of(group)))"
        case .call(let name, let arguments, let star):
            let parts = [name.text] + (star ? ["*"] : arguments.map(of))
            return "(" + parts.joined(separator: " ") + ")"
        case .allColumns: return "*"
        }
    }

    static func of(_ name: Name) -> String { name.isQuoted ? "`\(name.text)`" : name.text }

    static func of(_ literal: NumberLiteral) -> String {
        switch literal.value {
        case .integer: return literal.text
        default: return literal.text + "d"
        }
    }

    static func quote(_ text: String) -> String { "\"" + text + "\"" }
}

extension String {
    /// Replaces every `target` with `replacement` (no Foundation in the tests either).
    func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
