/// The row conditions of a query with lookups or joins that read only its source's columns:
/// the plan applies them before the lookups and joins, so that those read only the rows they
/// keep (`Combining`). Results and caveats are the same either way: a lookup keeps each source
/// row once and a join pairs the source rows in order, so filtering first keeps exactly the rows
/// filtering after would.
struct PushedFilter {
    /// Which row conditions are applied first, as positions among the binder's row conditions
    /// (the `where` clauses in order, then the time clauses in order).
    var positions: Set<Int>

    /// The conditions of `query` that read only `source`: no name of theirs is a name of an
    /// `other` side, or a column of it other than its `keys` (lowercased). A key column of the
    /// other side does not join the rows, so its name alone is the source's column of that
    /// name (`origin` in `join decisions on origin`), if any. Nil when there are none, or no other side.
    static func find(_ query: Query, source: Table, others: [(table: Table, keys: Set<String>)], in file: SourceFile, catalog: Catalog) -> PushedFilter? {
        guard !others.isEmpty else { return nil }
        var othersNames: Set<String> = []
        for (other, keys) in others {
            let qualifier = other.name.lowercased()
            othersNames.insert(qualifier)
            for column in other.columns {
                let name = column.name.lowercased()
                othersNames.insert("\(qualifier).\(name)")
                if !keys.contains(name) { othersNames.insert(name) }
            }
        }
        var binder = Binder(catalog: catalog, source: source, query: query, file: file,
                            combined: CombinedSource(table: source, start: source, startDescribed: source.name, origin: .dataset(source)))
        var positions: Set<Int> = []
        var timeClauses: [Clause] = []
        var position = 0
        for clause in query.clauses {
            switch clause.kind {
            case .where(let condition):
                var names: Set<String> = []
                condition.collectNames(into: &names)
                if names.isDisjoint(with: othersNames), (try? binder.bindClauseCondition(condition)) != nil {
                    positions.insert(position)
                }
                position += 1
            case .since, .until, .inYear, .between: timeClauses.append(clause)
            default: break
            }
        }
        for clause in timeClauses {
            if (try? binder.bindTimeFilter(clause)) != nil {
                positions.insert(position)
            }
            position += 1
        }
        return positions.isEmpty ? nil : PushedFilter(positions: positions)
    }
}
