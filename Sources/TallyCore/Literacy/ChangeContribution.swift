/// `contribution_pct` of `change`: each row's change `new - base` as a percent of the overall
/// change, the sum of `new` minus the sum of `base` over all rows; missing when the overall
/// change is 0.
struct ChangeContribution: DomainExpression {
    let base: BoundExpr
    let new: BoundExpr

    var operands: [BoundExpr] { [base, new] }

    func replacingOperands(_ operands: [BoundExpr]) -> ChangeContribution {
        operands.count == 2 ? ChangeContribution(base: operands[0], new: operands[1]) : self
    }

    var type: ValueType { .decimal }
    var written: String { "contribution_pct" }
    var isPercent: Bool { true }
    var separatesThousands: Bool { true }
    var readsEveryRow: Bool { true }

    func evaluate(_ operands: [Column], count: Int) -> Column {
        guard operands.count == 2 else { return .constant(.missing, type: .decimal, count: count) }
        let before = operands[0], after = operands[1]
        let a = before.doubles, b = after.doubles
        var overall = 0.0
        for i in 0..<count {
            if after.isValid(i) { overall += b[i] }
            if before.isValid(i) { overall -= a[i] }
        }
        return .decimals(count: count) { i in before.bothValid(after, i) && overall != 0 ? (b[i] - a[i]) / overall * 100 : nil }
    }

    func sql(_ operands: [SQLOperand], dialect: SQLDialect) throws(Diagnostic) -> String {
        guard operands.count == 2 else { return "NULL" }
        let before = dialect.double(operands[0].sql), after = dialect.double(operands[1].sql)
        let overall = "(sum(coalesce(\(after), 0)) OVER () - sum(coalesce(\(before), 0)) OVER ())"
        return "(CASE WHEN \(overall) = 0 THEN NULL ELSE \(dialect.divide("(\(after) - \(before))", overall)) * 100 END)"
    }
}

extension BoundExpr {
    /// Each row's change from `base` to `new` as a percent of the overall change.
    static func contribution(base: BoundExpr, new: BoundExpr) -> BoundExpr {
        .domain(DomainTerm(ChangeContribution(base: base, new: new)))
    }
}
