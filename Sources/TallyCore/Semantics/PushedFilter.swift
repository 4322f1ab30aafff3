/// The row conditions of a query with lookups or joins that read only its source's columns,
/// applied before the lookups and joins are made, so that those read only the rows they keep.
/// Results and caveats are the same either way: a lookup keeps each source row once and a join
/// pairs the source rows in order, so filtering first keeps exactly the rows filtering after would.
struct PushedFilter {
    /// Which row conditions are applied first, as positions among the binder's row conditions
    /// (the `where` clauses in order, then the time clauses in order).
    var positions: Set<Int>
    /// The source rows they keep.
    var rows: Selection

    /// The conditions of `query` that read only `source` (no name of theirs is a column or a
    /// name of an `other` side), when they keep at most half of its rows; nil otherwise, for
    /// then copying the kept rows costs more than the lookups and joins save.
    static func find(_ query: Query, source: Table, others: [Table], in file: SourceFile, catalog: Catalog, context: ExecutionContext) -> PushedFilter? {
        guard !others.isEmpty else { return nil }
        var othersNames: Set<String> = []
        for other in others {
            let qualifier = other.name.lowercased()
            othersNames.insert(qualifier)
            for column in other.columns { othersNames.formUnion([column.name.lowercased(), "\(qualifier).\(column.name.lowercased())"]) }
        }
        var binder = Binder(catalog: catalog, source: source, query: query, file: file,
                            combined: CombinedSource(table: source, start: source, startDescribed: source.name, origin: .dataset(source)))
        var positions: Set<Int> = []
        var conditions: [BoundExpr] = []
        var timeClauses: [Clause] = []
        var position = 0
        for clause in query.clauses {
            switch clause.kind {
            case .where(let condition):
                var names: Set<String> = []
                condition.collectNames(into: &names)
                if names.isDisjoint(with: othersNames), let bound = try? binder.bindClauseCondition(condition) {
                    positions.insert(position)
                    conditions.append(bound)
                }
                position += 1
            case .since, .until, .inYear, .between: timeClauses.append(clause)
            default: break
            }
        }
        for clause in timeClauses {
            if let (bound, _) = try? binder.bindTimeFilter(clause) {
                positions.insert(position)
                conditions.append(bound)
            }
            position += 1
        }
        guard let first = conditions.first else { return nil }
        let condition = conditions.dropFirst().reduce(first) { .and($0, $1) }
        // A condition that fails on the data fails when the query runs, as without lookups.
        guard let rows = try? RowFilter(table: source, context: context).select(condition, from: nil),
              rows.count <= source.rowCount / 2 else { return nil }
        return PushedFilter(positions: positions, rows: rows)
    }
}
