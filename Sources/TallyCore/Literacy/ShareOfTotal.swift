/// `share`: the first aggregate of each group as a percent of its total over all groups.
struct ShareOfTotal: DomainExpression {
    let base: BoundExpr

    var operands: [BoundExpr] { [base] }
    func replacingOperands(_ operands: [BoundExpr]) -> ShareOfTotal { ShareOfTotal(base: operands.first ?? base) }

    var type: ValueType { .decimal }
    var written: String { "share" }
    var meaning: String? { "each group's share of the total, in percent" }
    var isPercent: Bool { true }
    var separatesThousands: Bool { true }
    var readsEveryRow: Bool { true }

    func evaluate(_ operands: [Column], count: Int) -> Column {
        operands.first?.percentsOfSum ?? .constant(.missing, type: .decimal, count: count)
    }

    func sql(_ operands: [SQLOperand], dialect: SQLDialect) throws(Diagnostic) -> String {
        guard let value = operands.first?.sql else { return "NULL" }
        return "(\(dialect.divide(dialect.double(value), "sum(\(value)) OVER ()")) * 100)"
    }
}

extension BoundExpr {
    /// `base` as a percent of its total over all rows.
    static func share(_ base: BoundExpr) -> BoundExpr { .domain(DomainTerm(ShareOfTotal(base: base))) }
}
