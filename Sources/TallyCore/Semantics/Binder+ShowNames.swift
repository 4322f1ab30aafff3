extension Binder {
    /// Rejects a `show` item that uses the name another item was given with `as`
    /// (`show sum(recognized) as total, total / 2`): items are computed side by side, so the name
    /// would mean a column instead (silently, when the dataset has a column of that name). The
    /// error shows the item written with the expression itself.
    func checkShowNames(_ items: [ShowItem]) throws(Diagnostic) {
        var named: [String: ShowItem] = [:]
        for item in items {
            var reuse: (Name, ShowItem)?
            item.expr.visit { node in
                guard reuse == nil, case .name(let name) = node.kind, !name.isQuoted,
                      let earlier = named[name.text.lowercased()], !means(earlier.expr, column: name.text) else { return }
                reuse = (name, earlier)
            }
            if let (name, earlier) = reuse { throw reusedName(name, of: earlier, in: item) }
            if let alias = item.alias { named[alias.text.lowercased()] = item }
        }
    }

    /// Whether `expr` is the column `column` itself or its sum (so reusing the name means the same).
    private func means(_ expr: Expr, column: String) -> Bool {
        switch expr.kind {
        case .name(let name): return name.text.lowercased() == column.lowercased()
        case .call(let function, let arguments, false) where function.text.lowercased() == "sum" && arguments.count == 1:
            return means(arguments[0], column: column)
        default: return false
        }
    }

    private func reusedName(_ name: Name, of earlier: ShowItem, in item: ShowItem) -> Diagnostic {
        let expression = sourceText(earlier.expr)
        let simple: Bool = switch earlier.expr.kind {
        case .name, .call, .number: true
        default: false
        }
        let itemText = file.text(of: item.expr.span)
        let offset = name.span.start - item.expr.span.start
        let before = String(decoding: Array(itemText.utf8).prefix(offset), as: UTF8.self)
        let after = String(decoding: Array(itemText.utf8).dropFirst(offset + name.span.end - name.span.start), as: UTF8.self)
        let rewritten = before + (simple ? expression : "(\(expression))") + after
        var help = ["a show item cannot use another's name; write the expression: `\(rewritten)`",
                    "names given with `as` can be used in `having` and `sort by`"]
        if source.columnIndex(named: name.text) != nil {
            help.append("to mean the column \(name.text), write `` `\(name.text)` ``")
        }
        return .error(
            "show-name-reused", "'\(name.text)' is the name given to `\(expression)` in this show", at: name.span,
            label: "names another item", help: help)
    }
}
