/// One operator of a logical plan, holding its input: a plan is a tree of these, with a scan
/// at each leaf and the projection at the root. Rows flow from the leaves up.
///
/// Adding an operator is adding its type (one file in `Plan/`), one case here, and one case in
/// each walk: `inputs`, `replacingInputs`, `schema`, `expressions`, `PlanOutline`, the executor
/// and `explain`.
public indirect enum PlanNode: Sendable {
    case scan(Scan)
    case combine(Combine)
    case filter(Filter)
    case aggregate(Aggregate)
    case pivot(Pivot)
    case sort(Sort)
    case top(Top)
    case limit(Limit)
    case project(Project)

    /// The operators this one reads, in the order they run.
    public var inputs: [PlanNode] {
        switch self {
        case .scan: return []
        case .combine(let node): return [node.input]
        case .filter(let node): return [node.input]
        case .aggregate(let node): return [node.input]
        case .pivot(let node): return [node.input]
        case .sort(let node): return [node.input]
        case .top(let node): return [node.input]
        case .limit(let node): return [node.input]
        case .project(let node): return [node.input]
        }
    }

    /// This operator reading `inputs` instead of its own (as many, in the same order).
    public func replacingInputs(_ inputs: [PlanNode]) -> PlanNode {
        guard let first = inputs.first else { return self }
        switch self {
        case .scan: return self
        case .combine(var node): node.input = first; return .combine(node)
        case .filter(var node): node.input = first; return .filter(node)
        case .aggregate(var node): node.input = first; return .aggregate(node)
        case .pivot(var node): node.input = first; return .pivot(node)
        case .sort(var node): node.input = first; return .sort(node)
        case .top(var node): node.input = first; return .top(node)
        case .limit(var node): node.input = first; return .limit(node)
        case .project(var node): node.input = first; return .project(node)
        }
    }

    /// The columns the operator produces, in order.
    public var schema: [PlanColumn] {
        switch self {
        case .scan(let node): return node.schema
        case .combine(let node): return node.schema
        case .aggregate(let node): return node.schema
        case .pivot(let node): return node.schema
        case .project(let node): return node.schema
        case .filter, .sort, .top, .limit: return inputs.first?.schema ?? []
        }
    }

    /// The expressions the operator computes or tests, over its input.
    public var expressions: [BoundExpr] {
        switch self {
        case .scan, .combine, .limit: return []
        case .filter(let node): return node.conditions.map(\.condition)
        case .aggregate(let node): return node.keys + node.aggregates.flatMap { [$0.argument, $0.condition].compactMap { $0 } }
        case .pivot(let node): return [node.spec.cell]
        case .sort(let node): return node.keys.map(\.expr)
        case .top(let node): return [node.key]
        case .project(let node): return node.outputs.map(\.expr)
        }
    }

    /// Every operator of the tree in the order they finish running: inputs before the
    /// operator that reads them, the root last. Row counts of a run are in this order.
    public var executionOrder: [PlanNode] {
        inputs.flatMap(\.executionOrder) + [self]
    }

    /// The tree with `transform` applied to every operator, inputs first (what rewrites use).
    public func transformed(_ transform: (PlanNode) -> PlanNode) -> PlanNode {
        transform(replacingInputs(inputs.map { $0.transformed(transform) }))
    }
}
