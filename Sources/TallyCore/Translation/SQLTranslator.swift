/// Writes a `QueryPlan` as one SQL statement for a given engine.
///
/// It works from the plan, not the query text, because the plan holds every decision tally
/// makes implicitly, and the SQL spells each one out: country values as the stored codes, the
/// default measure and order, `NULLS LAST` on every sort key, code-point text order, decimal
/// division with a zero divisor giving NULL, and file row order (see `SQLDialect.rowColumn`).
///
/// Sort ties are broken as tally breaks them: an ungrouped query by file row, a grouped query
/// by the group's first row in the file (`min` of the row column), so that every engine
/// returns the rows in the same order.
///
/// A plain query becomes one `SELECT … GROUP BY … HAVING … ORDER BY … LIMIT`. The query is
/// nested when a clause needs a value computed before it: `share` and `rank` (window
/// functions) are computed over all groups before `having`, and `top` keeps the largest rows
/// (`row_number()`) of those that passed `having`. A crosstab (`across`) is translated as
/// conditional aggregation, one column per value of its key found in the data when translating
/// (`QueryPlan.spread(into:)`).
public struct SQLTranslator {
    /// The plan's operators, gathered in one walk of its tree.
    let plan: PlanOutline
    /// Where the scanned rows come from (a dataset, or a parenthesised query's plan).
    let origin: SourceOrigin?
    let dialect: SQLDialect
    /// The values of other tables the plan reads (see `joinedValues(of:)`).
    let attributes: [BoundExpr]

    init(plan: PlanOutline, origin: SourceOrigin?, dialect: SQLDialect) {
        self.plan = plan
        self.origin = origin
        self.dialect = dialect
        attributes = SQLTranslator.joinedValues(of: plan)
    }

    /// The SQL for `plan` in `dialect`, without a final semicolon. Throws when the dialect
    /// cannot express the query (sqlite has no `median`).
    public static func translate(_ plan: QueryPlan, to dialect: SQLDialect) throws(Diagnostic) -> String {
        let flat = plan.pivot == nil ? plan : plan.spread(into: try Executor.acrossValues(of: plan))
        try requireRowColumnFree(flat, dialect: dialect)
        return try SQLTranslator(plan: flat.outline, origin: flat.origin, dialect: dialect).statement()
    }

    /// Throws when a dataset the SQL reads in file order has a column of its own called like the
    /// row-position column: it would hide the order (sqlite's and DuckDB's `rowid`), so the rows
    /// would come out in another order than tally's.
    private static func requireRowColumnFree(_ plan: QueryPlan, dialect: SQLDialect) throws(Diagnostic) {
        guard usesRowColumn(plan) || readsDerivedTable(plan) else { return }
        let rowName = dialect.rowColumnIdentifier
        guard let table = datasets(of: plan).first(where: { table in table.columns.contains { $0.name.lowercased() == rowName } }) else { return }
        throw .error(
            "sql-row-column-taken", "\(table.name) has a column called \(rowName), which hides the row order this SQL reads",
            help: ["the \(dialect.rawValue) translation orders rows by \(rowName), the position of a row in its file; "
                + "rename that column in the file (e.g. to row_\(rowName)) and load it again"])
    }

    /// Whether the SQL for `plan` reads the row-position column (it keeps or breaks ties by file order).
    public static func usesRowColumn(_ plan: QueryPlan) -> Bool {
        usesRowColumn(plan.outline)
    }

    /// Whether the SQL for the outlined plan reads the row-position column.
    static func usesRowColumn(_ plan: PlanOutline) -> Bool {
        guard let grouping = plan.grouping else { return true }
        return !grouping.keys.isEmpty && !orderIsTotal(plan, keyCount: grouping.keys.count)
    }

    /// Whether the plan's order already decides every tie: it sorts on every group key.
    static func orderIsTotal(_ plan: PlanOutline, keyCount: Int) -> Bool {
        (0..<keyCount).allSatisfy { key in plan.order.contains { $0.expr.columnIndex == key } }
    }

    /// A computed column of the SELECT list: its SQL and the name it is given.
    struct Item {
        var sql: String
        var name: String
    }

    func statement() throws(Diagnostic) -> String {
        let scope = try stageScope()
        let outputs = try plan.outputs.map { output throws(Diagnostic) in
            Item(sql: try expression(output.expr, in: scope), name: output.name)
        }
        var from = try fromLines()
        if let filter = plan.filter { from.append("WHERE " + SQLTranslator.unwrapped(try expression(filter, in: .source))) }
        if case .grouped(let columns) = scope, let keyCount = plan.grouping?.keys.count, keyCount > 0 {
            from.append("GROUP BY " + columns.prefix(keyCount).joined(separator: ", "))
        }
        let tiebreak = SQLTranslator.usesRowColumn(plan)
            ? (plan.grouping == nil ? dialect.rowColumn : "min(\(dialect.rowColumn))") : nil
        if needsNesting() {
            return try nested(outputs, from: from, scope: scope, tiebreak: tiebreak)
        }
        var lines = ["SELECT " + outputs.map(selectItem).joined(separator: ", ")] + from
        if let having = plan.having { lines.append("HAVING " + SQLTranslator.unwrapped(try expression(having, in: scope))) }
        var order: [String] = []
        for key in plan.order {
            let output = plan.outputs.firstIndex { $0.expr == key.expr }
            if let output, !(dialect == .postgres && (key.expr.type == .text || key.expr.type == .weekday)) {
                order.append(sortItem(dialect.quote(outputs[output].name), key))
            } else {
                order.append(sortItem(try expression(key.expr, in: scope), key))
            }
        }
        if let tiebreak { order.append(tiebreak) }
        if !order.isEmpty { lines.append("ORDER BY " + order.joined(separator: ", ")) }
        if let limit = plan.limit { lines.append("LIMIT \(limit)") }
        return lines.joined(separator: "\n")
    }

    /// Keys then aggregates of the grouped table, as SQL over the dataset; or the dataset itself.
    func stageScope() throws(Diagnostic) -> Scope {
        guard let grouping = plan.grouping else { return .source }
        var columns: [String] = []
        for key in grouping.keys { columns.append(try expression(key, in: .source)) }
        for spec in grouping.aggregates { columns.append(try aggregate(spec)) }
        return .grouped(columns: columns)
    }

    /// Whether the query must be nested: `top`; `having` beside a window function (computed
    /// over all groups, before `having`) or with no groups to attach to; a sort on a window
    /// function that is not an output; ties broken by first row, or a sort on an aggregate that
    /// is not an output, beside a window function (Spark cannot sort on an aggregate that is not
    /// selected when windows are present); or a sort
    /// expression written out beside an output named like a dataset column (engines differ on
    /// which of the two a name inside an `ORDER BY` expression means).
    func needsNesting() -> Bool {
        if plan.top != nil { return true }
        if let having = plan.having {
            let windows = having.containsWindow || plan.outputs.contains { $0.expr.containsWindow }
                || plan.order.contains { $0.expr.containsWindow }
            if windows || plan.grouping?.keys.isEmpty ?? true { return true }
        }
        if plan.order.contains(where: { key in key.expr.containsWindow && !plan.outputs.contains { $0.expr == key.expr } }) {
            return true
        }
        let windowed = plan.outputs.contains { $0.expr.containsWindow }
        if plan.grouping != nil, windowed, SQLTranslator.usesRowColumn(plan) { return true }
        if plan.grouping != nil, windowed, plan.order.contains(where: { key in !plan.outputs.contains { $0.expr == key.expr } }) {
            return true
        }
        var inlinedColumns = Set<Int>()
        for key in plan.order where (dialect == .postgres && key.expr.type == .text) || !plan.outputs.contains(where: { $0.expr == key.expr }) {
            inlinedColumns.formUnion(sourceColumns(of: key.expr))
        }
        return plan.outputs.contains { output in
            guard let index = plan.source.columns.firstIndex(where: { $0.name.lowercased() == output.name.lowercased() }) else {
                return false
            }
            return inlinedColumns.contains(index) && sourceColumns(of: output.expr) != [index]
        }
    }

    /// The dataset columns a stage expression reads (through keys and aggregates when grouped).
    func sourceColumns(of expr: BoundExpr) -> Set<Int> {
        var columns = Set<Int>()
        expr.forEachColumn { index in
            guard let grouping = plan.grouping else { columns.insert(index); return }
            let keyCount = grouping.keys.count
            if index < keyCount {
                grouping.keys[index].forEachColumn { columns.insert($0) }
            } else {
                let spec = grouping.aggregates[index - keyCount]
                spec.argument?.forEachColumn { columns.insert($0) }
                spec.condition?.forEachColumn { columns.insert($0) }
            }
        }
        return columns
    }

    /// The nested form: the stage query computes the outputs and, under `tally_` names, the
    /// having condition, the sort keys, the top key and the tie-breaking row; outer queries
    /// filter, rank for `top`, sort and cut by those names.
    func nested(_ outputs: [Item], from: [String], scope: Scope, tiebreak: String?) throws(Diagnostic) -> String {
        var hidden: [Item] = []
        func named(_ expr: BoundExpr, hiddenName: String) throws(Diagnostic) -> String {
            if let index = plan.outputs.firstIndex(where: { $0.expr == expr }) { return dialect.quote(outputs[index].name) }
            hidden.append(Item(sql: try expression(expr, in: scope), name: hiddenName))
            return dialect.quote(hiddenName)
        }
        if let having = plan.having {
            hidden.append(Item(sql: SQLTranslator.unwrapped(try expression(having, in: scope)), name: "tally_keep"))
        }
        var order: [String] = []
        for (position, key) in plan.order.enumerated() {
            let name = try named(key.expr, hiddenName: "tally_sort\(position + 1)")
            order.append(sortItem(name, key))
        }
        let topKey = try plan.top.map { top throws(Diagnostic) in try named(top.key, hiddenName: "tally_top_key") }
        if let tiebreak {
            hidden.append(Item(sql: tiebreak, name: SQLDialect.rowColumnName))
            order.append(dialect.quote(SQLDialect.rowColumnName))
        }
        let stage = ["SELECT " + (outputs + hidden).map(selectItem).joined(separator: ", ")] + from
        var body = stage
        var filters: [String] = []
        if plan.having != nil { filters.append(dialect.quote("tally_keep")) }
        if let top = plan.top, let topKey {
            var ranking = [topKey + " DESC NULLS LAST"]
            for item in order where !ranking.contains(item) { ranking.append(item) }
            body = ["SELECT *, row_number() OVER (ORDER BY \(ranking.joined(separator: ", "))) AS \(dialect.quote("tally_top"))", "FROM ("]
                + indented(stage) + [") AS \(dialect.quote("tally_stage"))"]
                + filters.map { "WHERE " + $0 }
            filters = ["\(dialect.quote("tally_top")) <= \(top.count)"]
        }
        var lines = ["SELECT " + outputs.map { dialect.quote($0.name) }.joined(separator: ", "), "FROM ("]
            + indented(body) + [") AS \(dialect.quote(plan.top == nil ? "tally_stage" : "tally_ranked"))"]
        if !filters.isEmpty { lines.append("WHERE " + filters.joined(separator: " AND ")) }
        if !order.isEmpty { lines.append("ORDER BY " + order.joined(separator: ", ")) }
        if let limit = plan.limit { lines.append("LIMIT \(limit)") }
        return lines.joined(separator: "\n")
    }

    /// `expr AS "name"`, or just the column when it already has that name.
    func selectItem(_ item: Item) -> String {
        item.sql == dialect.quote(item.name) ? item.sql : "\(item.sql) AS \(dialect.quote(item.name))"
    }

    /// One `ORDER BY` item, text by code point, always with `NULLS LAST`.
    func sortItem(_ sql: String, _ key: SortKeySpec) -> String {
        let ordered = switch key.expr.type {
        case .text: dialect.codePointOrder(sql)
        case .weekday: dialect.weekdayPosition(sql)
        default: sql
        }
        return ordered + (key.descending ? " DESC" : " ASC") + " NULLS LAST"
    }

    /// A top-level condition without its outer parentheses.
    static func unwrapped(_ sql: String) -> String {
        guard sql.first == "(", sql.last == ")" else { return sql }
        var depth = 0
        for (offset, character) in sql.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0 && offset < sql.count - 1 { return sql }
        }
        return String(sql.dropFirst().dropLast())
    }

    func indented(_ lines: [String]) -> [String] { lines.map { "  " + $0 } }
}

extension BoundExpr {
    /// Whether the expression uses a time window or a domain expression that reads every row
    /// (`share`, `rank`), which become window functions.
    var containsWindow: Bool {
        var found = false
        visit {
            switch $0 {
            case .window: found = true
            case .domain(let term): found = found || term.expression.readsEveryRow
            default: break
            }
        }
        return found
    }

    /// Calls `body` with the index of every column the expression reads.
    func forEachColumn(_ body: (Int) -> Void) {
        visit { if case .column(let index, _) = $0 { body(index) } }
    }

    /// Calls `body` on this expression and every expression inside it.
    func visit(_ body: (BoundExpr) -> Void) {
        body(self)
        switch self {
        case .column, .literal: break
        case .negate(let x), .not(let x), .inSet(let x, _, _), .isMissing(let x, _), .textMatch(_, let x, _):
            x.visit(body)
        case .window(let window):
            window.base.visit(body)
        case .arithmetic(_, let l, let r, _), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r):
            l.visit(body)
            r.visit(body)
        case .function(_, let arguments, _):
            arguments.forEach { $0.visit(body) }
        case .domain(let term):
            term.expression.operands.forEach { $0.visit(body) }
        }
    }
}
