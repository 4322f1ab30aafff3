/// `change_pct` of `change`: `(new - base) / |base| * 100`; missing when either is missing or the
/// base is 0.
struct PercentChange: DomainExpression {
    let base: BoundExpr
    let new: BoundExpr

    var operands: [BoundExpr] { [base, new] }

    func replacingOperands(_ operands: [BoundExpr]) -> PercentChange {
        operands.count == 2 ? PercentChange(base: operands[0], new: operands[1]) : self
    }

    var type: ValueType { .decimal }
    var written: String { "change_pct" }
    var isPercent: Bool { true }
    var separatesThousands: Bool { true }

    func evaluate(_ operands: [Column], count: Int) -> Column {
        guard operands.count == 2 else { return .constant(.missing, type: .decimal, count: count) }
        let before = operands[0], after = operands[1]
        let a = before.doubles, b = after.doubles
        return .decimals(count: count) { i in before.bothValid(after, i) && a[i] != 0 ? (b[i] - a[i]) / abs(a[i]) * 100 : nil }
    }

    func sql(_ operands: [SQLOperand], dialect: SQLDialect) throws(Diagnostic) -> String {
        guard operands.count == 2 else { return "NULL" }
        let before = dialect.double(operands[0].sql), after = dialect.double(operands[1].sql)
        return "(CASE WHEN \(before) = 0 THEN NULL ELSE \(dialect.divide("(\(after) - \(before))", "abs(\(before))")) * 100 END)"
    }
}

extension BoundExpr {
    /// The percent change from `base` to `new`.
    static func percentChange(base: BoundExpr, new: BoundExpr) -> BoundExpr { .domain(DomainTerm(PercentChange(base: base, new: new))) }
}
