/// Values of other tables in SQL: domain expressions that join a table (the literacy layer's
/// country attributes). A query that reads them reads a derived table: its source (the dataset,
/// or the table its lookups and joins make) with one `LEFT JOIN` per table and key (`countries`
/// on the ISO-3 or UNHCR code; `population` on the country and the row's year), and one column
/// `tally_a1`, `tally_a2`, … per value. Each key is recoded to its key in that table where the
/// two differ, so the join finds the row tally found, and a key of no row finds none: its
/// values are NULL, never 0.
extension SQLTranslator {
    /// The alias of the source inside the attribute table.
    static let attributeBaseAlias = "tally_b"

    /// The joined values the plan reads, each once, in the order first met.
    static func joinedValues(of plan: PlanOutline) -> [BoundExpr] {
        var expressions: [BoundExpr] = []
        if let filter = plan.filter { expressions.append(filter) }
        if let grouping = plan.grouping {
            expressions += grouping.keys
            for spec in grouping.aggregates { expressions += [spec.argument, spec.condition].compactMap { $0 } }
        } else {
            expressions += plan.outputs.map(\.expr) + plan.order.map(\.expr) + [plan.top?.key].compactMap { $0 }
        }
        var found: [BoundExpr] = []
        for expression in expressions {
            expression.visit { part in
                if case .domain(let term) = part, term.expression.joinsTable, !found.contains(part) { found.append(part) }
            }
        }
        return found
    }

    /// The column of the attribute table that holds the joined value `value`.
    func joinedValueColumn(_ value: BoundExpr, written: String) throws(Diagnostic) -> String {
        guard let position = attributes.firstIndex(of: value) else {
            throw .error("sql-unsupported", "sql cannot translate \(written) here", help: ["run the query in tally"])
        }
        return dialect.quote("tally_a\(position + 1)")
    }

    /// The attribute table's `SELECT`: the source's columns and row, then each joined value.
    func attributeTable() throws(Diagnostic) -> [String] {
        let base = dialect.quote(SQLTranslator.attributeBaseAlias)
        var lines = try combinedTable().map { ["FROM ("] + indented($0) + [") AS \(base)"] }
            ?? ["FROM \(dialect.quote(plan.source.name)) AS \(base)"]
        var joins: [(table: AttributeTable, operand: BoundExpr, year: BoundExpr?)] = []
        var select = plan.source.columns.map { "\(base).\(dialect.quote($0.name))" } + ["\(base).\(dialect.rowColumn) AS \(dialect.rowColumn)"]
        for (position, attribute) in attributes.enumerated() {
            guard case .domain(let term) = attribute, let operand = term.expression.operands.first, let table = term.expression.joinedTable else {
                let written = if case .domain(let term) = attribute { term.expression.written } else { "a value of another table" }
                throw .error(
                    "sql-unsupported", "sql cannot translate \(written): no table of the catalog holds it",
                    help: ["load the bundled countries and population datasets (start tally without --no-bundled)"])
            }
            let year = term.expression.operands.count > 1 ? term.expression.operands[1] : nil
            let joined = joins.firstIndex { $0.table.joinsLike(table) && $0.operand == operand && $0.year == year }
            let alias = dialect.quote("tally_j\((joined ?? joins.count) + 1)")
            if joined == nil {
                let key = recodedKey(try expression(operand, in: .qualified(base)), table)
                var conditions = ["\(alias).\(dialect.quote(table.keyColumn)) = \(key)"]
                if let year, let yearColumn = table.yearColumn {
                    conditions.append("\(alias).\(dialect.quote(yearColumn)) = \(try expression(year, in: .qualified(base)))")
                }
                lines.append("LEFT JOIN \(dialect.quote(table.name)) AS \(alias) ON \(conditions.joined(separator: " AND "))")
                joins.append((table, operand, year))
            }
            select.append("\(attributeValue(alias, table, type: term.expression.type)) AS \(dialect.quote("tally_a\(position + 1)"))")
        }
        return ["SELECT " + select.joined(separator: ", ")] + lines
    }

    /// The attribute read from `alias`: a text trimmed and missing when empty, a figure missing
    /// when negative (as tally reads both).
    private func attributeValue(_ alias: String, _ table: AttributeTable, type: ValueType) -> String {
        let column = "\(alias).\(dialect.quote(table.valueColumn))"
        return type == .text ? "NULLIF(trim(\(column)), \(dialect.string("")))" : "(CASE WHEN \(column) >= 0 THEN \(column) END)"
    }

    /// A country value as its key in `table`: recoded where they differ, NULL for a value of no
    /// country.
    private func recodedKey(_ sql: String, _ table: AttributeTable) -> String {
        var cases = table.recoded.map { (value: $0.key, key: dialect.string($0.value)) }
        cases += table.unmatched.map { (value: $0, key: "NULL") }
        guard !cases.isEmpty else { return sql }
        let whens = cases.sorted { codePointLess($0.value, $1.value) }.map { "WHEN \(dialect.string($0.value)) THEN \($0.key)" }
        return "(CASE \(sql) \(whens.joined(separator: " ")) ELSE \(sql) END)"
    }
}
