extension Binder {
    /// Binds a call to a scalar function (`round(x, 1)`, `lower(name)`, `a || b`): the number
    /// and kinds of its arguments are checked against the function table, and the result typed.
    mutating func bindFunctionCall(_ function: ScalarFunction, _ args: [Expr], star: Bool, _ expr: Expr) throws(Diagnostic) -> BoundExpr {
        let maximum = function.repeatsLast ? Int.max : function.parameters.count
        guard !star, args.count >= function.minimumArguments, args.count <= maximum else {
            throw .error(
                "bad-arguments", "'\(function.id.rawValue)' takes \(ScalarFunction.argumentCount(function))",
                at: expr.span, label: "written \(function.usage)", help: ["`help \(function.id.rawValue)` has an example"])
        }
        var bound: [BoundExpr] = []
        for (position, argument) in args.enumerated() {
            let parameter = function.parameters[min(position, function.parameters.count - 1)]
            bound.append(try bindArgument(argument, as: parameter, of: function, position: position))
        }
        if function.id == .round, bound.count == 1 { bound.append(.literal(.integer(0), .integer)) }
        if function.id == .date, ![.text, .date, .datetime].contains(bound[0].type) {
            throw .error(
                "type-mismatch", "'date' reads text as a date, and \(sourceText(args[0])) is \(bound[0].type.article)",
                at: args[0].span, label: "not text", help: ["written \(function.usage), e.g. `\(function.example)`"])
        }
        let type = try resultType(of: function, bound, args)
        if function.id == .round, type == .integer, case .literal(.integer(let digits), _) = bound[1], digits >= 0 {
            return bound[0]
        }
        return .function(function.id, bound, type)
    }

    /// Binds one argument and checks that it is what `parameter` asks for.
    private mutating func bindArgument(
        _ argument: Expr, as parameter: ScalarFunction.Parameter, of function: ScalarFunction, position: Int
    ) throws(Diagnostic) -> BoundExpr {
        let name = function.id.rawValue
        let which = function.id == .concat ? (position == 0 ? "left side" : "right side") : ScalarFunction.ordinal(position) + " argument"
        switch parameter {
        case .condition:
            return try bindCondition(argument)
        case .value:
            return try bindRow(argument)
        case .dateLike:
            let bound = try bindRow(argument)
            guard bound.type.isDateLike else {
                let hint = bound.type == .text ? "date(\(sourceText(argument))) reads text as a date" : "\(name) works on dates and datetimes"
                throw .error(
                    "type-mismatch", "the \(which) of '\(name)' must be a date, and \(sourceText(argument)) is \(bound.type.article)",
                    at: argument.span, label: "not a date", help: [hint])
            }
            return bound
        case .number, .text:
            let bound = try bindRow(argument)
            let wanted: ValueType = parameter == .number ? .integer : .text
            guard bound.type.isNumeric == wanted.isNumeric, bound.type == .text || bound.type.isNumeric else {
                let convert = parameter == .number ? "number(\(sourceText(argument))) reads text as a number" : "text(\(sourceText(argument))) writes it as text"
                throw .error(
                    "type-mismatch", "the \(which) of '\(name)' must be \(wanted.article), and \(sourceText(argument)) is \(bound.type.article)",
                    at: argument.span, label: "not \(wanted.article)", help: [convert])
            }
            return bound
        case .wholeConstant, .textConstant, .layoutConstant:
            let bound = try bindRow(argument)
            switch (parameter, bound) {
            case (.wholeConstant, .literal(.integer(let n), _)) where n >= 0 || function.id == .round:
                return bound
            case (.textConstant, .literal(.text, _)):
                return bound
            case (.layoutConstant, .literal(.text(let layout), _)) where DateLayout(layout) != nil:
                return bound
            default:
                let kind = parameter == .wholeConstant ? "a whole number" : parameter == .layoutConstant ? "a date layout such as \"DD/MM/YYYY\"" : "a quoted text"
                throw .error(
                    "constant-argument", "the \(which) of '\(name)' must be \(kind) written in the query",
                    at: argument.span, label: "not \(kind)", help: ["written \(function.usage), e.g. `\(function.example)`"])
            }
        }
    }

    /// The type of a call's result, from its arguments' types.
    private func resultType(of function: ScalarFunction, _ bound: [BoundExpr], _ args: [Expr]) throws(Diagnostic) -> ValueType {
        switch function.result {
        case .fixed(let type): return type
        case .first: return bound[0].type
        case .common(let from):
            var common = bound[from].type
            for index in bound.indices.dropFirst(from + 1) {
                let type = bound[index].type
                if type == common { continue }
                if type.isNumeric && common.isNumeric { common = .decimal; continue }
                throw .error(
                    "type-mismatch", "the values of '\(function.id.rawValue)' must be of one type: \(sourceText(args[from])) is \(common.article) and \(sourceText(args[index])) is \(type.article)",
                    at: args[index].span, label: "not \(common.article)")
            }
            return common
        }
    }

    /// Types arithmetic on dates: `date - date` is days, `date + n` and `date - n` move by days.
    func bindDateArithmetic(
        _ op: ArithmeticOperator, _ left: BoundExpr, _ leftExpr: Expr, _ right: BoundExpr, _ rightExpr: Expr
    ) throws(Diagnostic) -> BoundExpr {
        let whole = { (bound: BoundExpr) in bound.type == .integer }
        switch (op, left.type, right.type) {
        case (.subtract, .date, .date):
            return .function(.daysBetween, [left, right], .integer)
        case (.add, .date, _) where whole(right):
            return .function(.addDays, [left, right], .date)
        case (.add, _, .date) where whole(left):
            return .function(.addDays, [right, left], .date)
        case (.subtract, .date, _) where whole(right):
            let back: BoundExpr = if case .literal(.integer(let n), _) = right, n != .min { .literal(.integer(-n), .integer) } else { .negate(right) }
            return .function(.addDays, [left, back], .date)
        default:
            let datetime = left.type == .datetime ? leftExpr : right.type == .datetime ? rightExpr : nil
            throw .error(
                "date-arithmetic", "'\(op.rawValue)' on dates works as date - date (days) and date ± a whole number of days",
                at: leftExpr.span.merged(with: rightExpr.span), label: "not date arithmetic",
                help: [datetime.map { "\(sourceText($0)) is a datetime: date(\(sourceText($0))) gives its day" } ?? "e.g. `day - date(\"2024-01-01\")` or `day + 7`"])
        }
    }

    /// The error for a call to a function that does not exist, listing the closest names among
    /// the scalar functions and the aggregates.
    func unknownFunction(_ name: Name) -> Diagnostic {
        let known = ScalarFunction.callableNames + Binder.aggregateNames + ["share", "rank"]
        let close = known.map { ($0, Suggestion.distance(name.text, $0)) }
            .filter { $0.1 <= max(2, name.text.count / 2) }
            .sorted { $0.1 < $1.1 }
            .prefix(4).map(\.0)
        let label = Suggestion.closest(to: name.text, among: known).map { "did you mean '\($0)'?" }
        var help = close.isEmpty ? [] : ["close: " + close.joined(separator: ", ")]
        help.append("functions: " + ScalarFunction.callableNames.joined(separator: ", "))
        help.append("aggregates: " + Binder.aggregateNames.joined(separator: ", "))
        return .error("unknown-function", "unknown function '\(name.text)'", at: name.span, label: label, help: help)
    }
}

extension ScalarFunction {
    /// "one argument", "1 or 2 arguments", "2 or more arguments".
    static func argumentCount(_ function: ScalarFunction) -> String {
        let low = function.minimumArguments, high = function.parameters.count
        if function.repeatsLast { return "\(low) or more arguments" }
        if low == high { return low == 1 ? "one argument" : "\(low) arguments" }
        return "\(low) or \(high) arguments"
    }

    /// "first", "second", … for messages.
    static func ordinal(_ position: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth"]
        return position < words.count ? words[position] : "\(position + 1)th"
    }
}
