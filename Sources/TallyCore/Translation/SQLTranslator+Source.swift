/// The `FROM` item of a translation. A query on a dataset reads it by name. A query that starts
/// from a parenthesised query or makes lookups and joins reads a derived table that makes them
/// (`LEFT JOIN` for a lookup, `JOIN` for a join, a subquery for a parenthesised query), whose
/// columns have the names of the combined table the plan reads, plus the row column in the
/// combined table's order: a lookup keeps the source's row, a join numbers each pair by its
/// source row, then its other row, as tally makes them (a parenthesised other side is not
/// numbered, since numbering keeps engines from indexing it: its matches of one source row
/// come in the engine's order, which only a row-by-row query of a join shows).
extension SQLTranslator {
    /// The alias of the source inside the derived table.
    static let sourceAlias = "tally_s"

    /// The `FROM` line and the lines after it: the dataset's quoted name, or the derived table
    /// that combines the plan's sources (and adds the country attributes it reads).
    func fromLines() throws(Diagnostic) -> [String] {
        let name = dialect.quote(plan.source.name)
        guard let derived = attributes.isEmpty ? try combinedTable() : try attributeTable() else { return ["FROM " + name] }
        return ["FROM ("] + indented(derived) + [") AS \(name)"]
    }

    /// The `SELECT` that combines the plan's sources, nil when it reads one dataset as it is.
    func combinedTable() throws(Diagnostic) -> [String]? {
        guard let origin else { return nil }
        if case .dataset = origin, plan.combinations.isEmpty { return nil }
        let base = dialect.quote(SQLTranslator.sourceAlias)
        var lines = prefixed("FROM ", try item(origin, alias: base, numbered: true))
        let added = plan.combinations.reduce(0) { $0 + $1.columns.count }
        var columns = plan.source.columns.prefix(plan.source.columns.count - added).map { "\(base).\(dialect.quote($0.name))" }
        var row = rowReference(base)
        for (position, combination) in plan.combinations.enumerated() {
            let alias = dialect.quote("tally_o\(position + 1)")
            let conditions = combination.keys.map { key in
                let left = plan.source.columnIndex(named: key.source).map { columns.indices.contains($0) ? columns[$0] : "NULL" } ?? "NULL"
                return "\(recoded(left, key.sourceCodes)) = \(recoded("\(alias).\(dialect.quote(key.other))", key.otherCodes))"
            }
            let join = combination.kind == .lookup ? "LEFT JOIN" : "JOIN"
            var joined = prefixed("\(join) ", try item(combination.origin, alias: alias))
            joined[joined.count - 1] += " ON " + conditions.joined(separator: " AND ")
            lines += joined
            columns += combination.columns.map { "\(alias).\(dialect.quote($0))" }
            if combination.kind == .join, case .dataset = combination.origin {
                row = "(\(row) * \(combination.otherRowCount + 1) + \(rowReference(alias)))"
            }
        }
        let names = plan.source.columns.map { dialect.quote($0.name) }
        let select = zip(columns, names).map { "\($0) AS \($1)" } + ["\(row) AS \(rowName)"]
        lines.insert("SELECT " + select.joined(separator: ", "), at: 0)
        return lines
    }

    /// `lines` with `prefix` before the first.
    private func prefixed(_ prefix: String, _ lines: [String]) -> [String] {
        guard let first = lines.first else { return [prefix] }
        return [prefix + first] + lines.dropFirst()
    }

    /// Every dataset the plan reads, its sources' and theirs, each once, in order.
    static func datasets(of plan: QueryPlan) -> [Table] {
        var found: [Table] = []
        func visit(_ origin: SourceOrigin?) {
            switch origin {
            case .dataset(let table)?: if !found.contains(where: { $0 === table }) { found.append(table) }
            case .query(let inner)?: visit(inner.origin); inner.outline.combinations.forEach { visit($0.origin) }
            case nil: break
            }
        }
        visit(plan.origin ?? .dataset(plan.source))
        plan.outline.combinations.forEach { visit($0.origin) }
        return found
    }

    /// Whether the plan reads a derived table (which always reads its datasets' row column).
    static func readsDerivedTable(_ plan: QueryPlan) -> Bool {
        if case .query? = plan.origin { return true }
        return !plan.outline.combinations.isEmpty || !joinedValues(of: plan.outline).isEmpty
    }

    /// A side as a `FROM` item under `alias`: the dataset, or the parenthesised query (numbered
    /// in its own order when it is the source, whose order an ungrouped query keeps).
    private func item(_ origin: SourceOrigin, alias: String, numbered: Bool = false) throws(Diagnostic) -> [String] {
        switch origin {
        case .dataset(let table):
            return ["\(dialect.quote(table.name)) AS \(alias)"]
        case .query(let inner):
            let sql = try SQLTranslator.translate(inner, to: dialect).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard numbered else { return ["("] + indented(sql) + [") AS \(alias)"] }
            let rows = ["SELECT *, \(dialect.arrivalNumber) AS \(rowName)", "FROM ("] + indented(sql) + [") AS \(dialect.quote("tally_inner"))"]
            return ["("] + indented(rows) + [") AS \(alias)"]
        }
    }

    /// The row column of the side called `alias`.
    private func rowReference(_ alias: String) -> String {
        "\(alias).\(dialect.rowColumn)"
    }

    /// The name the row column has in a table.
    private var rowName: String { dialect.rowColumn }

    /// A key as it compares: country values that match by another code than their text are
    /// written as that code.
    private func recoded(_ sql: String, _ codes: [String: String]) -> String {
        guard !codes.isEmpty else { return sql }
        let cases = codes.sorted { codePointLess($0.key, $1.key) }.map { "WHEN \(dialect.string($0.key)) THEN \(dialect.string($0.value))" }
        return "(CASE \(sql) \(cases.joined(separator: " ")) ELSE \(sql) END)"
    }
}
