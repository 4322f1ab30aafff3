/// Walking an expression tree: its children, every node, and its height.
extension Expr {
    /// Calls `body` on this expression and every expression inside it.
    func visit(_ body: (Expr) -> Void) {
        body(self)
        forEachChild { $0.visit(body) }
    }

    /// Calls `body` on each direct child expression.
    func forEachChild(_ body: (Expr) -> Void) {
        switch kind {
        case .name, .qualified, .number, .string, .boolean, .allColumns: break
        case .negate(let x), .not(let x), .isMissing(let x, _), .inGroup(let x, _): body(x)
        case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r),
             .textMatch(_, let l, let r):
            body(l); body(r)
        case .inList(let x, let items, _): body(x); items.forEach(body)
        case .between(let x, let lo, let hi, _): body(x); body(lo); body(hi)
        case .call(_, let args, _): args.forEach(body)
        }
    }

    /// Whether the expression reads no column, item or function: the same value on every row.
    var isConstant: Bool {
        var reads = false
        visit { node in
            switch node.kind {
            case .name, .qualified, .call, .allColumns: reads = true
            default: break
            }
        }
        return !reads
    }

    /// The number of nodes on the longest path from this expression down to a leaf (1 for a leaf).
    ///
    /// Recursive, so only for trees the parser has built, whose height it bounds (`Parser.extendChain`).
    var height: Int {
        var tallest = 0
        forEachChild { tallest = Swift.max(tallest, $0.height) }
        return tallest &+ 1
    }

    /// The first node (depth first, left to right) found `depth` levels down (this node is level 1), if any.
    func node(atDepth depth: Int) -> Expr? {
        guard depth > 1 else { return self }
        var found: Expr?
        forEachChild { child in
            if found == nil { found = child.node(atDepth: depth &- 1) }
        }
        return found
    }
}
