/// A claimed figure set against what a query answers: `check QUERY is NUMBER[%] [within P%]`.
///
/// The verdict is `true` when the value rounds to the claim at the claim's precision (38.72
/// checks `38.7`), `roughly` when it is within P% of the claim (5% unless given), else `false`.
struct ClaimCheck {
    /// The answer to a claim.
    enum Verdict: String {
        case `true`, roughly, `false`
    }

    /// The claim as written.
    let claim: NumberLiteral
    /// Whether the claim was written with `%`.
    let isPercent: Bool
    /// How far off, in percent of the claim, still counts as `roughly`.
    let tolerance: Double

    /// The tolerance when `within` is not given.
    static let defaultTolerance = 5.0

    /// Creates a check; `tolerance` nil means the default.
    init(claim: NumberLiteral, isPercent: Bool, tolerance: Double?) {
        self.claim = claim
        self.isPercent = isPercent
        self.tolerance = abs(tolerance ?? ClaimCheck.defaultTolerance)
    }

    /// The claimed number.
    var claimed: Double { claim.value.asDouble ?? 0 }

    /// Decimal places the claim was written with (`38.7`: 1, `12600`: 0, `1.5e2`: 0), at most 15.
    var places: Int {
        let lowered = claim.text.lowercased()
        let parts = lowered.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? lowered
        let fraction = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        return min(max(fraction - min(max(exponent, -ClaimCheck.maxPlaces), ClaimCheck.maxPlaces), 0), ClaimCheck.maxPlaces)
    }

    /// The most decimal places a claim is compared at.
    static let maxPlaces = 15

    /// The verdict on `value`.
    func verdict(for value: Double) -> Verdict {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if abs(rounded - claimed) <= 1e-9 * max(1, abs(claimed)) { return .true }
        if abs(value - claimed) <= tolerance / 100 * abs(claimed) { return .roughly }
        return .false
    }

    /// The value a check compares with the claim: where it was found and what it is.
    struct Target {
        /// The result column checked.
        let column: Int
        /// The value in the first row.
        let value: Value
        /// What was checked, in words: `share of DEU, row 1`.
        let description: String
    }

    /// What a result answers with: its single value; for a `change` query, the percent change of
    /// its one group; for a claim with `%`, the first percent item (`share`, `change_pct`) when
    /// there is one; otherwise the headline (first aggregate) of the first row.
    func target(in result: ResultSet, plan: QueryPlan, at span: SourceSpan) throws(Diagnostic) -> Target {
        let table = result.table
        guard table.rowCount > 0 else {
            throw .error("check-no-value", "the query has no rows, so there is no value to check", at: span,
                         label: "no rows", help: ["run the query alone to see why"])
        }
        let column: Int
        if table.columns.count == 1 && table.rowCount == 1 {
            column = 0
        } else if let change = plan.change {
            guard table.rowCount == 1 else {
                throw .error("check-many-groups", "this change query has \(table.rowCount) groups, and check needs one", at: span,
                             label: "which group?", help: ["narrow it with `where` until one group is left"])
            }
            column = change.percentColumn
        } else if isPercent, let percent = plan.outputs.firstIndex(where: { $0.expr.isPercent }) {
            column = percent
        } else if let headline = result.headline ?? plan.headline {
            column = headline
        } else {
            throw .error("check-no-number", "the query has no aggregate to check", at: span,
                         label: "no number", help: ["show one value, e.g. `… show sum(\(plan.source.info.defaultMeasure ?? "x"))`"])
        }
        let name = column < table.columns.count ? table.columns[column].name : "the value"
        let value = column < table.columns.count ? table.columns[column].value(at: 0) : .missing
        if case .text(let text) = value {
            throw .error("check-not-number", "\(name) is text (\"\(text)\"), so it cannot be checked against a number", at: span,
                         label: "not a number", help: ["check a count, a sum or another numeric aggregate"])
        }
        guard value.asDouble != nil else {
            throw .error("check-no-value", "\(name) is missing in the result, so there is nothing to check", at: span,
                         label: "missing", help: ["a percent change from 0 is missing; check the change itself"])
        }
        let keys = ClaimCheck.keyColumns(of: plan).filter { $0 < table.columns.count && $0 != column }
        let label = keys.map { table.columns[$0].value(at: 0).description }.joined(separator: " ")
        return Target(column: column, value: value, description: name + (label.isEmpty ? "" : " of \(label)") + ", row 1")
    }

    /// The result columns that name a row: the group keys shown, or the keys before a change's years.
    private static func keyColumns(of plan: QueryPlan) -> [Int] {
        if let change = plan.change { return Array(0..<change.fromColumn) }
        guard let keyCount = plan.grouping?.keys.count else { return [] }
        return plan.outputs.indices.filter { plan.outputs[$0].expr.columnIndex.map { $0 < keyCount } ?? false }
    }

    /// `value` rounded to ten decimal places, so a difference shows as -0.2, not -0.20000000000000018.
    static func cleaned(_ value: Double) -> Double {
        abs(value) < 1e8 ? (value * 1e10).rounded() / 1e10 : value
    }

    /// The one-row table: what was checked, claim, value, difference, verdict.
    func report(_ target: Target) -> ResultSet {
        let written = claim.text + (isPercent ? "%" : "")
        let value = target.value
        let number = value.asDouble ?? 0
        let whole: (Int64, Int64)? = {
            guard case .integer(let v) = value, case .integer(let c) = claim.value else { return nil }
            let (difference, overflow) = v.subtractingReportingOverflow(c)
            return overflow ? nil : (v, difference)
        }()
        let columns = [
            Column.text("checked", [target.description]),
            Column.text("claim", [written]),
            whole.map { Column.integers("value", [$0.0]) } ?? Column.decimals("value", [number]),
            whole.map { Column.integers("difference", [$0.1]) } ?? Column.decimals("difference", [ClaimCheck.cleaned(number - claimed)]),
            Column.text("verdict", [verdict(for: number).rawValue]),
        ]
        let table = Table(name: "check", columns: columns, rowCount: 1)
        return ResultSet(table: table, separatesThousands: [false, false, true, true, false], warnings: [], notes: [])
    }
}
