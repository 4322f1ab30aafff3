/// Which columns a query may read, found from its text before anything is bound: a lookup or
/// join then gathers only those of the other side.
extension Query {
    /// The lowercased names the query's clauses may read as columns: every bare name, both parts
    /// of a qualified name and the qualified name whole (`o3.k`), and every call's name (a call
    /// without parentheses may name a column). Nil when the query shows every column (`show *`,
    /// or neither `show` nor `group by`).
    /// Parenthesised queries inside it are not walked: they read their own sources.
    var columnNamesRead: Set<String>? {
        let written = namesWritten
        return written.showsEverything ? nil : written.names
    }

    /// Every name the clauses write, as `columnNamesRead` lists them, and whether the query
    /// shows every column.
    var namesWritten: (names: Set<String>, showsEverything: Bool) {
        var names: Set<String> = []
        var shows = false, groups = false, showsAll = false
        for clause in clauses {
            switch clause.kind {
            case .where(let condition), .having(let condition), .across(let condition):
                condition.collectNames(into: &names)
            case .groupBy(let keys):
                groups = true
                for key in keys { key.collectNames(into: &names) }
            case .show(let items):
                shows = true
                for item in items {
                    if case .allColumns = item.expr.kind { showsAll = true }
                    item.expr.collectNames(into: &names)
                }
            case .sortBy(let keys):
                for key in keys { key.expr.collectNames(into: &names) }
            case .since, .until, .inYear, .between, .top, .limit, .change, .chart, .combine:
                break
            }
        }
        return (names, showsAll || !(shows || groups))
    }
}

extension Expr {
    /// Adds every name this expression writes (lowercased) to `names`.
    func collectNames(into names: inout Set<String>) {
        var found: Set<String> = []
        visit { node in
            switch node.kind {
            case .name(let name): found.insert(name.text.lowercased())
            case .qualified(let base, let member):
                found.formUnion([base.text.lowercased(), member.text.lowercased(), "\(base.text.lowercased()).\(member.text.lowercased())"])
            case .call(let name, _, _): found.insert(name.text.lowercased())
            default: break
            }
        }
        names.formUnion(found)
    }
}
