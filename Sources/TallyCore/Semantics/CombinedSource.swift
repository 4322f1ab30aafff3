/// The table a query binds against once its source is resolved (a dataset, or a parenthesised
/// query run first) and its `lookup` and `join` clauses are planned, in the order written: the
/// source's columns, then the other sides' columns the query reads, except their keys. Lookups
/// and joins happen before `where` (after the conditions that read the source alone), so every
/// later clause binds against this table. The executor makes them (`Combine`, `Combining`);
/// binding reads only the other sides' names, types and dictionaries.
struct CombinedSource {
    /// The combined columns: the source itself when nothing is combined; otherwise its columns
    /// and the other sides', as bound (types and dictionaries, no rows).
    var table: Table
    /// Each qualifier (a side's `as` name, or its dataset's name) with its columns, by
    /// lowercased name, as indices into `table`.
    var qualifiers: [String: [String: Int]] = [:]
    /// Columns of `table` that come from another side: outside an aggregate they need one
    /// value per group.
    var otherColumns: Set<Int> = []
    /// Columns of `table` that are measures of the side they come from: written with thousands
    /// separators like the source's own measures, without becoming measures of the query (whose
    /// units and categories are the source's).
    var otherMeasures: Set<Int> = []
    /// The rows read first: the dataset, or the parenthesised query's result, before any lookup or join.
    var start: Table
    /// How `explain` names the rows read first (a dataset's name, or a parenthesised query as written).
    var startDescribed: String
    /// Warnings of parenthesised queries (their caveats are among `checks`).
    var warnings: [Diagnostic] = []
    /// What the kept rows must be checked for (rows without a match, rows counted twice, the
    /// caveats of parenthesised sides whose rows they use), once the executor made the rows.
    var checks: [CaveatCheck] = []
    /// The lookups and joins, in order, each with the combined columns after it.
    var combinations: [(plan: CombinationPlan, table: Table)] = []
    /// The source before any lookup or join: a dataset name or a parenthesised query's plan.
    var origin: SourceOrigin
    /// Whether a column of another side was left out because the query does not read it.
    var leftColumnsOut = false
    /// Which row conditions are applied to the source before the lookups and joins.
    var pushed: PushedFilter?

    /// Resolves `query`'s source, finds its conditions that read the source alone
    /// (`PushedFilter`), and plans its lookups and joins, with of each other side only the
    /// columns named in `reading` (lowercased; nil: every column). A parenthesised side is run
    /// here; it stops when `cancellation` is set.
    static func resolve(
        _ query: Query, reading: Set<String>?, in file: SourceFile, catalog: Catalog, cancellation: CancellationFlag?
    ) throws(Diagnostic) -> CombinedSource {
        let context = ExecutionContext(cancellation: cancellation)
        let start = try Side.resolve(query.source, alias: nil, in: file, catalog: catalog, context: context)
        var others: [(combination: Combination, side: Side)] = []
        for clause in query.clauses {
            guard case .combine(let combination) = clause.kind else { continue }
            others.append((combination, try Side.resolve(combination.other, alias: combination.alias, in: file, catalog: catalog, context: context)))
        }
        var combined = CombinedSource(table: start.table, start: start.table, startDescribed: start.described, origin: start.origin)
        let keys = others.map { other in Set(other.combination.keys.map { ($0.otherColumn ?? $0.column).text.lowercased() }) }
        combined.pushed = PushedFilter.find(query, source: start.table, others: zip(others, keys).map { ($0.side.table, $1) }, in: file, catalog: catalog)
        combined.warnings = start.warnings
        // A parenthesised source that keeps its time column passes its incomplete year on, and
        // the query says that caveat itself, of its own kept rows.
        let saysIncompleteYear = start.table.timeColumnIndex != nil && start.table.info.incompleteYear != nil
        combined.checks = start.caveats.filter { !(saysIncompleteYear && $0.caveat.code == "incomplete-year") }
            .map { .ofSide(caveat: $0.caveat, step: nil, concerned: $0.concerned) }
        combined.qualifiers[start.table.name.lowercased()] = start.columnsByName(offset: 0)
        if !others.isEmpty {
            combined.table = Table(name: start.table.name, columns: start.table.columns.map { $0.gathered([]) }, rowCount: 0, info: start.table.info)
        }
        let written = query.namesWritten.names
        for (combination, other) in others {
            try combined.add(combination, other: other, reading: reading, written: written, in: file, catalog: catalog)
        }
        return combined
    }

    /// Plans one lookup or join against the table so far, with the other side's columns in `reading`.
    /// A key column of the other side is its source key's column unless the query names it
    /// qualified (`o3.k`, among the names `written`): then it is the other side's own values,
    /// missing where a lookup found no match, and spelt as that side spells it.
    private mutating func add(
        _ combination: Combination, other: Side, reading: Set<String>?, written: Set<String>, in file: SourceFile, catalog: Catalog
    ) throws(Diagnostic) {
        warnings += other.warnings
        let qualifier = other.table.name
        if qualifiers[qualifier.lowercased()] != nil {
            throw .error(
                "qualifier-taken", "'\(qualifier)' already names a side of this query", at: combination.alias?.span ?? combination.other.span,
                label: "give this side its own name", help: ["write e.g. `\(combination.kind.rawValue) \(file.text(of: combination.other.span)) as other_\(qualifier) on …`"])
        }
        let keys = try combination.keys.map { key throws(Diagnostic) in try KeyPlan(key, source: table, other: other.table, catalog: catalog) }
        let keyText = combination.keys.map { key in key.otherColumn.map { "\(key.column.text) = \($0.text)" } ?? key.column.text }.joined(separator: ", ")
        if combination.kind == .lookup, let (row, count) = HashJoin(keys: keys.map { $0.columns(in: table, other: other.table) }).duplicatedKey() {
            let shown = keys.map { "\(other.table.columns[$0.otherIndex].name) = \(CellFormatter.raw(other.table.columns[$0.otherIndex].value(at: row)))" }
            throw .error(
                "lookup-key-not-unique", "a lookup needs one row per key, and \(other.described) has \(count) rows with \(shown.joined(separator: ", "))",
                at: combination.other.span, label: "\(count) rows share one key",
                help: CombinedSource.uniqueKeyHelp(combination, source: table, other: other.table, keys: keys, keyText: keyText)
                    + ["or use `join` to keep every match (each source row then counts once per match)"])
        }
        let step = combinations.count
        let before = table
        // Years missing in the other side's time series are rows no source row can match: a
        // lookup counts the rows left without a match, and a join leaves them out.
        checks += other.caveats.filter { $0.caveat.code != "missing-years" }.map { .ofSide(caveat: $0.caveat, step: step, concerned: $0.concerned) }
        var columns = before.columns
        var info = before.info
        var sideColumns: [String: Int] = [:]
        for key in keys { sideColumns[other.table.columns[key.otherIndex].name.lowercased()] = key.sourceIndex }
        let otherKeys = Set(keys.map(\.otherIndex))
        let read = other.table.columns.indices.filter { index in
            let name = other.table.columns[index].name.lowercased(), qualified = "\(qualifier.lowercased()).\(name)"
            if otherKeys.contains(index) { return written.contains(qualified) }
            return reading.map { $0.contains(name) || $0.contains(qualified) } ?? true
        }
        if otherKeys.union(read).count < other.table.columns.count { leftColumnsOut = true }
        for index in read {
            let column = other.table.columns[index]
            var planned = column.gatheredOrMissing([])
            let taken = otherKeys.contains(index) || columns.contains { $0.name.lowercased() == column.name.lowercased() }
            planned.name = taken ? "\(qualifier).\(column.name)" : column.name
            planned.originalName = planned.name
            sideColumns[column.name.lowercased()] = columns.count
            otherColumns.insert(columns.count)
            if other.table.isMeasure(index) { otherMeasures.insert(columns.count) }
            if other.table.info.isCountryColumn(column.name) { info.countryColumns.append(planned.name) }
            columns.append(planned)
        }
        qualifiers[qualifier.lowercased()] = sideColumns
        table = Table(name: before.name, columns: columns, rowCount: 0, info: info)
        combinations.append((CombinationPlan(
            kind: combination.kind, qualifier: qualifier, origin: other.origin, other: other.table, keys: keys,
            read: read, names: columns[before.columns.count...].map(\.name), described: other.described, keyText: keyText,
            sourceName: before.name, otherName: other.table.name), table))
        let added = Set(before.columns.count..<columns.count)
        switch combination.kind {
        case .lookup:
            checks.append(.unmatched(step: step, keys: keys.map(\.sourceIndex), dataset: other.described))
            checks.append(.repeatedLookup(step: step, keys: keys.map(\.sourceIndex), dataset: other.described, columns: added))
        case .join:
            checks.append(.fanOut(step: step, ofOther: false, side: before.name, other: other.described, columns: Set(before.columns.indices)))
            checks.append(.fanOut(step: step, ofOther: true, side: other.described, other: before.name, columns: added))
        }
    }

    /// How to give a lookup one row per key: a time series (whose time column is not a key) by
    /// picking one period, as adding up its periods would add up e.g. a population over years;
    /// anything else by aggregating it by the keys.
    private static func uniqueKeyHelp(_ combination: Combination, source: Table, other: Table, keys: [KeyPlan], keyText: String) -> [String] {
        let name = other.name
        if let time = other.timeColumnIndex, !keys.contains(where: { $0.otherIndex == time }) {
            let timeName = other.columns[time].name
            let sourceTime = source.timeColumnIndex.map { source.columns[$0].name }
            let matchToo = sourceTime.map { "match it too (`on \(keyText), \($0 == timeName ? timeName : "\($0) = \(timeName)")`), or " } ?? ""
            let column = other.columns[time]
            var latest: Int64?
            if case .integer(let years) = column.data {
                for row in years.indices where column.isValid(row) { latest = max(latest ?? years[row], years[row]) }
            }
            guard let period = latest else {
                return ["\(name) has a row per \(timeName): \(matchToo)pick one with a time clause, e.g. `lookup (\(name) in …) as …`"]
            }
            return ["\(name) has a row per \(timeName): \(matchToo)pick one, e.g. `lookup (\(name) in \(period)) as \(name)_\(period) on \(keyText)`"]
        }
        return ["aggregate it first, e.g. `lookup (\(name) group by \(combination.keys.map(\.otherName.text).joined(separator: ", "))) as \(name)_totals on \(keyText)`"]
    }

    /// The start of the plan: a scan of the rows read first, the `pushed` conditions (those of
    /// the pushed filter), then each lookup and join, if any.
    func plan(pushing pushed: [FilterCondition]) -> PlanNode {
        let scan = PlanNode.scan(Scan(table: start, described: startDescribed))
        guard !combinations.isEmpty else { return scan }
        return combinations.enumerated().reduce(scan.filtered(by: pushed, level: .rows)) { input, step in
            .combine(Combine(input: input, step: step.offset, table: step.element.table, combination: step.element.plan))
        }
    }
}

/// Where a query's rows come from before any lookup or join, for `sql`.
indirect enum SourceOrigin: Sendable {
    /// A dataset of the catalog.
    case dataset(Table)
    /// A parenthesised query, planned.
    case query(QueryPlan)
}

/// One side of a lookup or join (or the query's source): its rows, resolved.
private struct Side {
    /// The rows, named after the side's qualifier.
    var table: Table
    /// How `explain` names it.
    var described: String
    /// Where it comes from.
    var origin: SourceOrigin
    /// Warnings of a parenthesised query, said as they are.
    var warnings: [Diagnostic]
    /// Caveats of a parenthesised query, each with the rows of its result it is about (nil: every
    /// row): the query they are part of says them only when its kept rows use such a row.
    var caveats: [(caveat: Diagnostic, concerned: [Bool]?)] = []

    /// The dataset, or the result of the parenthesised query, named `alias` when given.
    static func resolve(_ source: QuerySource, alias: Name?, in file: SourceFile, catalog: Catalog, context: ExecutionContext) throws(Diagnostic) -> Side {
        switch source {
        case .dataset(let name):
            guard let table = catalog.table(named: name.text) else { throw Binder.unknownDataset(name, catalog: catalog) }
            let named = alias.map { table.renamed($0.text) } ?? table
            return Side(table: named, described: alias.map { "\(table.name) (as \($0.text))" } ?? table.name, origin: .dataset(table), warnings: [])
        case .query(let query, let span):
            let plan = try Binder.bind(query, in: file, catalog: catalog, cancellation: context.cancellation)
            let result = try Executor.run(plan, cancellation: context.cancellation)
            let name = alias?.text ?? plan.source.name
            let text = file.text(of: span)
            let described = alias.map { "\(text) as \($0.text)" } ?? text
            let inner = { (diagnostic: Diagnostic) -> Diagnostic in
                var said = diagnostic
                said.message = "in \(text): " + diagnostic.message
                return said
            }
            return Side(
                table: result.table.renamed(name), described: described, origin: .query(plan), warnings: result.warnings.map(inner),
                caveats: result.caveats.map { (inner($0), plan.review?.rowsConcerned(by: $0, in: result.table)) })
        }
    }

    /// The columns by lowercased name, as indices into a combined table starting at `offset`.
    func columnsByName(offset: Int) -> [String: Int] {
        Dictionary(table.columns.enumerated().map { ($1.name.lowercased(), $0 + offset) }, uniquingKeysWith: { first, _ in first })
    }
}

extension KeyPlan {
    /// Resolves `key` between `source` (the table so far) and `other`: the columns on both sides
    /// and, for country columns, the resolved code of every dictionary entry.
    fileprivate init(_ key: JoinKey, source: Table, other: Table, catalog: Catalog) throws(Diagnostic) {
        let sourceIndex = try KeyPlan.index(of: key.column, in: source)
        let otherIndex = try KeyPlan.index(of: key.otherName, in: other)
        let left = source.columns[sourceIndex], right = other.columns[otherIndex]
        self.init(source: left.name, other: right.name, sourceIndex: sourceIndex, otherIndex: otherIndex)
        guard left.type == right.type || (left.type.isNumeric && right.type.isNumeric) else {
            throw .error(
                "key-types-differ", "\(left.name) is \(left.type.article) and \(other.name).\(right.name) is \(right.type.article), so no row could match",
                at: key.otherColumn.map { key.column.span.merged(with: $0.span) } ?? key.column.span, label: "keys compare by value",
                help: ["join on columns that hold the same kind of value"])
        }
        let isCountry = source.info.isCountryColumn(left.name) || other.info.isCountryColumn(right.name)
        if isCountry, let directory = catalog.countries, case .text(_, let leftDictionary) = left.data, case .text(_, let rightDictionary) = right.data {
            let leftKeys = directory.resolvedCodes(of: leftDictionary.values)
            let rightKeys = directory.resolvedCodes(of: rightDictionary.values)
            sourceKeys = leftKeys
            otherKeys = rightKeys
            sourceCodes = KeyPlan.recoded(leftDictionary.values, as: leftKeys)
            otherCodes = KeyPlan.recoded(rightDictionary.values, as: rightKeys)
        }
    }

    /// The values whose key differs from the value itself, with their keys.
    private static func recoded(_ values: [String], as keys: [String]) -> [String: String] {
        var codes: [String: String] = [:]
        for (value, key) in zip(values, keys) where value != key { codes[value] = key }
        return codes
    }

    /// The column `name` names in `table`, or an unknown-column error with a suggestion.
    private static func index(of name: Name, in table: Table) throws(Diagnostic) -> Int {
        if let index = table.columnIndex(named: name.text) { return index }
        let names = table.columns.map(\.name)
        let suggestion = Suggestion.closest(to: name.text, among: names)
        throw .error(
            "unknown-column", "unknown key column '\(name.text)' in \(table.name)", at: name.span,
            label: suggestion.map { "did you mean '\($0)'?" },
            help: ["columns of \(table.name): " + names.joined(separator: ", "), "write `col = other_col` when the two sides name the key differently"])
    }
}
