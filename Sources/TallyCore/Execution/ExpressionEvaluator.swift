/// Evaluates a `BoundExpr` column-at-a-time: over the selected rows of a table it produces one
/// column of results, missing values following SQL's three-valued logic.
struct ExpressionEvaluator {
    let table: Table
    let rows: Selection?
    let context: ExecutionContext

    /// Number of result rows.
    var count: Int { rows?.count ?? table.rowCount }

    func evaluate(_ expr: BoundExpr) throws(Diagnostic) -> Column {
        switch expr {
        case .column(let index, _):
            return table.columns[index].gathered(rows)
        case .literal(let value, let type):
            return .constant(value, type: type, count: count)
        case .negate(let operand):
            return try negate(try evaluate(operand))
        case .arithmetic(let op, let l, let r, let type):
            return try arithmetic(op, try evaluate(l), try evaluate(r), type: type)
        case .function(let id, let arguments, let type):
            var columns: [Column] = []
            for argument in arguments { columns.append(try evaluate(argument)) }
            let constants = arguments.map { argument -> Value? in if case .literal(let value, _) = argument { value } else { nil } }
            let kernel = FunctionKernel(count: count) { i in Int(rows.map { $0[i] } ?? Int32(truncatingIfNeeded: i)) + 1 }
            return try kernel.run(id, columns, constants: constants, type: type)
        case .comparison(let op, let l, let r):
            return try compare(op, l, r)
        case .and(let l, let r):
            return logic(try evaluate(l), try evaluate(r), isAnd: true)
        case .or(let l, let r):
            return logic(try evaluate(l), try evaluate(r), isAnd: false)
        case .not(let operand):
            let inner = try evaluate(operand)
            guard case .boolean(let values) = inner.data else { return inner }
            return Column(name: "", data: .boolean(values.map { !$0 }), validity: inner.validity)
        case .inSet(let operand, let values, let negated):
            return try setTest(operand, values, negated: negated)
        case .isMissing(let operand, let negated):
            let inner = try evaluate(operand)
            return Column(name: "", data: .boolean((0..<count).map { inner.isValid($0) == negated }))
        case .textMatch(let kind, let operand, let pattern):
            return try textTest(operand) { kind.matches($0, pattern: pattern) }
        case .domain(let term):
            var operands: [Column] = []
            for operand in term.expression.operands { operands.append(try evaluate(operand)) }
            return term.expression.evaluate(operands, count: count)
        case .window(let window):
            return try TimeWindowKernel(window: window, table: table, context: context).run(base: try evaluate(window.base))
        }
    }

    /// Whether each value is one of `values` (`x in (…)`), on raw values: text once per
    /// dictionary entry, numbers through a set of their own type; missing values stay missing.
    private func setTest(_ operand: BoundExpr, _ values: [Value], negated: Bool) throws(Diagnostic) -> Column {
        let inner = try evaluate(operand)
        let result: [Bool]
        switch inner.data {
        case .text(let codes, let dictionary):
            let set = Set(values)
            let mask = dictionary.values.map { set.contains(.text($0)) != negated }
            result = codes.map { mask[Int($0)] }
        case .integer(let numbers):
            let set = Set(values.compactMap(\.timePosition))
            result = numbers.map { set.contains($0) != negated }
        case .days(let numbers):
            let set = Set(values.compactMap(\.timePosition))
            result = numbers.map { set.contains(Int64($0)) != negated }
        case .decimal(let numbers):
            let set = Set(values.compactMap { value -> Double? in if case .decimal(let n) = value { n } else { nil } })
            result = numbers.map { set.contains($0) != negated }
        case .boolean(let flags):
            let set = Set(values.compactMap { value -> Bool? in if case .boolean(let b) = value { b } else { nil } })
            result = flags.map { set.contains($0) != negated }
        }
        return Column(name: "", data: .boolean(result), validity: inner.validity)
    }

    /// Whether each text value passes `test`, decided once per dictionary entry; false for a
    /// column that is not text; missing values stay missing.
    private func textTest(_ operand: BoundExpr, _ test: (String) -> Bool) throws(Diagnostic) -> Column {
        let inner = try evaluate(operand)
        guard case .text(let codes, let dictionary) = inner.data else {
            return Column(name: "", data: .boolean([Bool](repeating: false, count: count)), validity: inner.validity)
        }
        let mask = dictionary.values.map(test)
        return Column(name: "", data: .boolean(codes.map { mask[Int($0)] }), validity: inner.validity)
    }

    private func negate(_ column: Column) throws(Diagnostic) -> Column {
        switch column.data {
        case .integer(let values):
            var result = [Int64](repeating: 0, count: values.count)
            for i in values.indices where column.isValid(i) {
                let (negated, overflow) = Int64(0).subtractingReportingOverflow(values[i])
                if overflow { throw ExpressionEvaluator.overflow }
                result[i] = negated
            }
            return Column(name: "", data: .integer(result), validity: column.validity)
        case .decimal(let values):
            return Column(name: "", data: .decimal(values.map { -$0 }), validity: column.validity)
        default:
            return column
        }
    }

    static let overflow = Diagnostic.error(
        "integer-overflow", "a whole-number result is too large (beyond ±9,223,372,036,854,775,807)",
        help: ["divide first, or multiply by 1.0 to compute with decimals"])

    private func arithmetic(_ op: ArithmeticOperator, _ l: Column, _ r: Column, type: ValueType) throws(Diagnostic) -> Column {
        var validity = ValidityMask(count: count)
        for i in 0..<count where !l.bothValid(r, i) { validity.set(i, valid: false) }
        if type == .integer, case .integer(let a) = l.data, case .integer(let b) = r.data {
            var result = [Int64](repeating: 0, count: count)
            for i in 0..<count where validity.isValid(i) {
                let (value, overflow): (Int64, Bool)
                switch op {
                case .add: (value, overflow) = a[i].addingReportingOverflow(b[i])
                case .subtract: (value, overflow) = a[i].subtractingReportingOverflow(b[i])
                case .multiply: (value, overflow) = a[i].multipliedReportingOverflow(by: b[i])
                case .divide: (value, overflow) = (0, false)
                }
                if overflow { throw ExpressionEvaluator.overflow }
                result[i] = value
            }
            return Column(name: "", data: .integer(result), validity: validity.missingCount == 0 ? nil : validity)
        }
        let a = l.doubles, b = r.doubles
        var result = [Double](repeating: 0, count: count)
        for i in 0..<count where validity.isValid(i) {
            switch op {
            case .add: result[i] = a[i] + b[i]
            case .subtract: result[i] = a[i] - b[i]
            case .multiply: result[i] = a[i] * b[i]
            case .divide:
                if b[i] == 0 {
                    validity.set(i, valid: false)
                    context.warn(.warning("division-by-zero", "division by zero gives a missing value"))
                } else {
                    result[i] = a[i] / b[i]
                }
            }
        }
        return Column(name: "", data: .decimal(result), validity: validity.missingCount == 0 ? nil : validity)
    }

    private func compare(_ op: ComparisonOperator, _ l: BoundExpr, _ r: BoundExpr) throws(Diagnostic) -> Column {
        let left = try evaluate(l)
        if case .literal(let literal, _) = r, case .text(let codes, let dictionary) = left.data {
            let mask = dictionary.values.map { ComparisonOperator.holds(op, Value.text($0), literal) }
            let validity = literal.isMissing ? ValidityMask(count: count, allValid: false) : left.validity
            return Column(name: "", data: .boolean(codes.map { mask[Int($0)] }), validity: validity)
        }
        let right = try evaluate(r)
        var result = [Bool](repeating: false, count: count)
        var validity = ValidityMask(count: count)
        switch (left.data, right.data) {
        case (.integer(let a), .integer(let b)):
            for i in 0..<count { result[i] = op.holds(a[i], b[i]) }
        case (.days(let a), .integer(let b)):
            for i in 0..<count { result[i] = op.holds(Int64(a[i]), b[i]) }
        case (.integer(let a), .days(let b)):
            for i in 0..<count { result[i] = op.holds(a[i], Int64(b[i])) }
        case (.days(let a), .days(let b)):
            for i in 0..<count { result[i] = op.holds(a[i], b[i]) }
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            let a = left.doubles, b = right.doubles
            for i in 0..<count { result[i] = op.holds(a[i], b[i]) }
        default:
            for i in 0..<count where left.bothValid(right, i) {
                result[i] = ComparisonOperator.holds(op, left.value(at: i), right.value(at: i))
            }
        }
        for i in 0..<count where !left.bothValid(right, i) { validity.set(i, valid: false) }
        return Column(name: "", data: .boolean(result), validity: validity.missingCount == 0 ? nil : validity)
    }

    private func logic(_ l: Column, _ r: Column, isAnd: Bool) -> Column {
        guard case .boolean(let a) = l.data, case .boolean(let b) = r.data else { return l }
        var result = [Bool](repeating: false, count: count)
        var validity = ValidityMask(count: count)
        for i in 0..<count {
            let x: Bool? = l.isValid(i) ? a[i] : nil, y: Bool? = r.isValid(i) ? b[i] : nil
            let decided: Bool? = isAnd
                ? (x == false || y == false ? false : (x == true && y == true ? true : nil))
                : (x == true || y == true ? true : (x == false && y == false ? false : nil))
            if let decided { result[i] = decided } else { validity.set(i, valid: false) }
        }
        return Column(name: "", data: .boolean(result), validity: validity.missingCount == 0 ? nil : validity)
    }
}

extension TextMatch {
    /// Whether `text` passes this test against `pattern` (already lower-cased), ignoring case.
    func matches(_ text: String, pattern: String) -> Bool {
        let folded = text.lowercased()
        switch self {
        case .contains: return pattern.isEmpty || folded.contains(pattern)
        case .startsWith: return folded.hasPrefix(pattern)
        case .endsWith: return folded.hasSuffix(pattern)
        }
    }
}

extension ComparisonOperator {
    /// Whether `a OP b` holds for two comparable values.
    @inline(__always)
    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    /// Whether `a OP b` holds for two present values (text by code point, numbers by value).
    static func holds(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)):
            if op == .equal { return x == y }
            if op == .notEqual { return x != y }
            let less = codePointLess(x, y), greater = codePointLess(y, x)
            switch op {
            case .less: return less
            case .lessOrEqual: return !greater
            case .greater: return greater
            default: return !less
            }
        case (.boolean(let x), .boolean(let y)):
            return op.holds(x ? 1 : 0, y ? 1 : 0)
        case (.integer(let x), .integer(let y)):
            return op.holds(x, y)
        default:
            guard let x = a.asDouble, let y = b.asDouble else { return false }
            return op.holds(x, y)
        }
    }
}
