/// `rank`: each group's position by the first aggregate, largest first, ties sharing a rank;
/// missing where the aggregate is.
struct RankByValue: DomainExpression {
    let base: BoundExpr

    var operands: [BoundExpr] { [base] }
    func replacingOperands(_ operands: [BoundExpr]) -> RankByValue { RankByValue(base: operands.first ?? base) }

    var type: ValueType { .integer }
    var written: String { "rank" }
    var meaning: String? { "its rank, largest first" }
    var readsEveryRow: Bool { true }

    func evaluate(_ operands: [Column], count: Int) -> Column {
        guard let values = operands.first else { return .constant(.missing, type: .integer, count: count) }
        let numbers = values.doubles
        let order = (0..<count).filter { values.isValid($0) }.sorted { numbers[$0] > numbers[$1] || (numbers[$0] == numbers[$1] && $0 < $1) }
        var ranks = [Int64](repeating: 0, count: count)
        var validity = ValidityMask(count: count, allValid: false)
        for (position, row) in order.enumerated() {
            let previous = position > 0 ? order[position - 1] : nil
            ranks[row] = previous.map { numbers[$0] == numbers[row] ? ranks[$0] : Int64(position + 1) } ?? 1
            validity.set(row, valid: true)
        }
        return Column(name: "", data: .integer(ranks), validity: validity.missingCount == 0 ? nil : validity)
    }

    func sql(_ operands: [SQLOperand], dialect: SQLDialect) throws(Diagnostic) -> String {
        guard let value = operands.first?.sql else { return "NULL" }
        return "(CASE WHEN \(value) IS NULL THEN NULL ELSE rank() OVER (ORDER BY \(value) DESC NULLS LAST) END)"
    }
}

extension BoundExpr {
    /// Each row's rank by `base`, largest first.
    static func rank(_ base: BoundExpr) -> BoundExpr { .domain(DomainTerm(RankByValue(base: base))) }
}
