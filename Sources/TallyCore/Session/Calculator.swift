/// Works out a statement that is an expression without a dataset: `(2951 - 872) / 872 * 100`,
/// `round(4884 / 12615 * 100, 1)`. It has no columns, so a name in it is an error that says so.
enum Calculator {
    /// The value of `expr`, and the warnings found on the way (a division by zero).
    static func value(of expr: Expr, in file: SourceFile, catalog: Catalog) throws(Diagnostic) -> (value: Value, warnings: [Diagnostic]) {
        if let name = firstName(in: expr) { throw nameInCalculation(name, catalog: catalog) }
        let table = Table(name: "calculation", columns: [], rowCount: 1)
        let query = Query(source: Name("calculation", span: expr.span), clauses: [], span: expr.span)
        var binder = Binder(catalog: catalog, source: table, query: query, file: file,
                            combined: CombinedSource(table: table, start: table, startDescribed: table.name, origin: .dataset(table)))
        let bound = try binder.bindRow(expr)
        let context = ExecutionContext(cancellation: nil)
        let column: Column
        do {
            column = try ExpressionEvaluator(table: table, rows: nil, context: context).evaluate(bound)
        } catch {
            var located = error
            if located.span == nil { located.span = expr.span }
            throw located
        }
        return (column.value(at: 0), binder.warnings + context.warnings)
    }

    /// The first column name the expression mentions, if any.
    private static func firstName(in expr: Expr) -> Name? {
        var found: Name?
        expr.visit { node in
            guard found == nil else { return }
            switch node.kind {
            case .name(let name), .qualified(let name, _): found = name
            default: break
            }
        }
        return found
    }

    /// The error for a name in a calculation: a dataset's name cannot stand inside an
    /// expression, and there are no columns.
    private static func nameInCalculation(_ name: Name, catalog: Catalog) -> Diagnostic {
        if catalog.table(named: name.text) != nil {
            return .error(
                "dataset-in-calculation", "'\(name.text)' is a dataset, and a calculation has none", at: name.span,
                label: "a dataset starts a query",
                help: ["to compute over its rows, start with it: `\(name.text) show …`"])
        }
        return .error(
            "name-in-calculation", "'\(name.text)' has no value here: a calculation has no dataset, so no columns", at: name.span,
            label: "not a number or a text",
            help: ["write text in quotes: \"\(name.text)\"", "to use a column, start with its dataset, e.g. `applicants show …`"])
    }
}
