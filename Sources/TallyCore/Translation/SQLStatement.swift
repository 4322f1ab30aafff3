/// The `sql QUERY` statement: the query checked as any query is, then written as SQL in the
/// session's dialect (`set dialect`), ending with a semicolon.
enum SQLStatement {
    /// The text `sql QUERY` prints for `query`.
    static func text(for query: Query, in source: SourceFile, session: Session) throws(Diagnostic) -> String {
        let plan = try Binder.bind(query, in: source, catalog: session.catalog, cancellation: session.cancellation)
        let dialect = SQLDialect(name: session.settings.dialect) ?? .duckdb
        let sql: String
        do {
            sql = try SQLTranslator.translate(plan, to: dialect)
        } catch {
            var located = error
            if located.span == nil { located.span = query.span }
            throw located
        }
        let numbered = SQLTranslator.readsDerivedTable(plan) ? SQLTranslator.datasets(of: plan) : SQLTranslator.usesRowColumn(plan) ? [plan.source] : []
        let notes = numbered.compactMap(dialect.rowNumberingNote(for:))
        return notes.joined() + sql + ";\n"
    }
}
