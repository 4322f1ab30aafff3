/// Writes `explain` in one walk of the plan's tree, inputs first: the query restated as one
/// sentence, each operator in plain words with the rows it passed up, then the caveats.
struct PlanExplainer {
    let plan: QueryPlan
    let result: ResultSet
    /// The dataset read, for the sentence's opening.
    private var source = ""
    /// The row conditions as written, and the time clauses' phrases, of every row filter so
    /// far, for the sentence's opening ("all rows", "the rows where …").
    private var writtenConditions: [String] = [], timePhrases: [String] = []
    /// The sentence's other parts, in order.
    private var sentence: [String] = []
    /// The numbered steps, with the rows after each when known.
    private var steps: [(text: String, rows: Int?)] = []
    /// The aggregate walked so far, if any.
    private var aggregate: Aggregate?
    /// The lookups and joins walked so far.
    private var combinations = 0

    /// The text of `explain` for `plan`, whose run gave `result`.
    static func explain(_ plan: QueryPlan, result: ResultSet) -> String {
        var explainer = PlanExplainer(plan: plan, result: result)
        for (index, node) in plan.root.executionOrder.enumerated() {
            explainer.describe(node, rows: index < result.rowCounts.count ? result.rowCounts[index] : nil)
        }
        return explainer.text()
    }

    private init(plan: QueryPlan, result: ResultSet) {
        self.plan = plan
        self.result = result
    }

    private func text() -> String {
        var lines = [(["From \(source), take \(rowsTaken)"] + sentence).joined(separator: "; ") + "."]
        for (index, step) in steps.enumerated() {
            let count = step.rows.map { "  → \(rowsText($0))" } ?? ""
            lines.append("\(index + 1). \(step.text)\(count)")
        }
        if !result.caveats.isEmpty {
            lines.append("caveats:")
            for caveat in result.caveats { lines.append("  - \(caveat.code): \(caveat.message)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func rowsText(_ count: Int) -> String {
        NumberFormat.counted(count, "row")
    }

    /// Adds what `node` does to the sentence and the steps.
    private mutating func describe(_ node: PlanNode, rows: Int?) {
        switch node {
        case .scan(let scan):
            source = scan.table.name
            steps.append(("start from \(scan.described)", rows))
        case .combine(let combine):
            let counts = combinations < result.joinCounts.count ? result.joinCounts[combinations] : nil
            combinations += 1
            steps.append((combine.combination.explanation(counts), rows))
        case .filter(let filter):
            describe(filter, rows: rows)
        case .aggregate(let aggregate):
            describe(aggregate, rows: rows)
        case .pivot(let pivot):
            describe(pivot.spec, rows: rows)
        case .sort(let sort):
            describe(sort)
        case .top(let top):
            sentence.append("keep the \(top.count) largest")
            let what = aggregate == nil ? "rows with the largest \(top.keyName)" : plan.change == nil ? "largest" : "largest changes"
            steps.append(("keep the \(top.count) \(what)", rows))
        case .limit(let limit):
            sentence.append("keep the first \(limit.count)")
            steps.append(("keep the first \(limit.count) rows", rows))
        case .project(let project):
            describe(project)
        }
    }

    private mutating func describe(_ filter: Filter, rows: Int?) {
        guard filter.level == .rows else {
            let written = filter.conditions.compactMap(\.writtenText).joined(separator: " and ")
            sentence.append("keep the groups where \(written)")
            steps.append(("keep groups where \(written)", rows))
            return
        }
        for (index, condition) in filter.conditions.enumerated() {
            let last = index == filter.conditions.count - 1 ? rows : nil
            switch condition.origin {
            case .written(let text):
                writtenConditions.append(text)
                steps.append(("keep rows where \(text)", last))
            case .time(let range, let column):
                timePhrases.append(range.phrase)
                steps.append(("keep rows \(range.phrase) (\(range.test(of: column)))", last))
            case .timePeriod(let phrase, let test):
                timePhrases.append(phrase)
                steps.append(("keep rows \(phrase) (\(test))", last))
            case .comparedYears(let from, let to, let column):
                steps.append(("keep rows of \(from) and \(to) (\(column) = \(from) or \(to))", last))
            }
        }
    }

    /// Which rows are taken, for the sentence's opening.
    private var rowsTaken: String {
        var taken = writtenConditions.isEmpty ? "all rows" : "the rows where " + writtenConditions.joined(separator: " and ")
        if !timePhrases.isEmpty { taken += (writtenConditions.isEmpty ? " " : ", ") + timePhrases.joined(separator: ", ") }
        return taken
    }

    private mutating func describe(_ aggregate: Aggregate, rows: Int?) {
        self.aggregate = aggregate
        if plan.pivot != nil {
            steps.append(("group by " + aggregate.keyNames.joined(separator: ", "), rows))
            return
        }
        let each = aggregate.keys.isEmpty ? "over all of them" : "for each " + aggregate.keyNames.joined(separator: " and ")
        let grouped = aggregate.keys.isEmpty ? "summarize all kept rows as one row" : "group by " + aggregate.keyNames.joined(separator: ", ")
        guard let change = plan.change else {
            let items = plan.outputs.compactMap { output -> String? in
                if let index = output.expr.columnIndex, index < aggregate.keys.count { return nil }
                return meaning(of: output, in: aggregate) ?? output.name
            }
            sentence.append(items.isEmpty ? "list each " + aggregate.keyNames.joined(separator: " and ") + " once" : "\(each), compute " + PlanExplainer.listed(items))
            steps.append((grouped, rows))
            return
        }
        let outputs = plan.outputs
        let measure = meaning(of: outputs[change.fromColumn], in: aggregate) ?? outputs[change.fromColumn].name
        sentence.append("\(each), compare \(measure) in \(change.from) with \(change.to): the change, the change in percent, and each group's part of the overall change")
        steps.append((grouped + ", one column per year", rows))
        let before = outputs[change.fromColumn].name, after = outputs[change.toColumn].name
        steps.append(("compute change = \(after) − \(before); change_pct = change as a percent of \(before)"
            + " (missing when it is 0 or missing); contribution_pct = change as a percent of the change of all groups together", nil))
    }

    /// A crosstab: which rows, which columns, what each cell and the total hold.
    private mutating func describe(_ pivot: PivotSpec, rows: Int?) {
        let rowKeys = aggregate.map { Array($0.keyNames.prefix(pivot.rowKeyCount)) } ?? []
        let each = rowKeys.isEmpty ? "over all of them" : "for each " + rowKeys.joined(separator: " and ")
        let cell = pivot.asShare ? "\(pivot.cellName) as a percent of its column's total" : pivot.cellName
        sentence.append("\(each), show \(cell) in one column per \(pivot.keyName), then the total")
        let columns = pivot.inTimeOrder ? "in time order" : "largest total first"
        steps.append(("spread \(pivot.keyName) into columns (\(columns)): one row per \(rowKeys.isEmpty ? "query" : PlanExplainer.listed(rowKeys)), "
            + (pivot.asShare
                ? "each cell \(pivot.cellName) as a percent of its column's total, total the row's percent of all rows"
                : "each cell \(pivot.cellName) (missing where there are no rows), total = \(pivot.cellName) over the whole row"), rows))
    }

    private mutating func describe(_ sort: Sort) {
        let stated = sort.keys.prefix(sort.stated)
        switch sort.reason {
        case .written:
            sentence.append("sort by " + stated.map { $0.name + ($0.descending ? " (largest first)" : "") }.joined(separator: ", then "))
            steps.append(("sort by " + stated.map { $0.name + ($0.descending ? ", largest first" : "") }.joined(separator: ", then "), nil))
        case .keys, .largestFirst:
            guard let aggregate, !aggregate.keys.isEmpty else { return }
            if sort.reason == .largestFirst {
                sentence.append(plan.change != nil ? "largest change first" : plan.pivot != nil ? "largest total first" : "largest first")
                steps.append(("sort by \(stated.map(\.name).joined(separator: ", ")), largest first", nil))
            } else {
                let time = aggregate.input.schema.firstIndex { $0.role == .time }
                let timeKey = time.flatMap { time in aggregate.keys.firstIndex { $0.columnIndex == time } }
                sentence.append(timeKey.map { "in \(aggregate.keyNames[$0]) order" } ?? "in order of " + PlanExplainer.listed(aggregate.keyNames))
                steps.append(("sort by \(stated.map(\.name).joined(separator: ", "))", nil))
            }
        }
    }

    private mutating func describe(_ project: Project) {
        if aggregate == nil, !project.showsEveryColumn(of: plan.source) {
            sentence.insert("show " + PlanExplainer.listed(project.outputs.map(\.name)), at: 0)
        }
        steps.append(("show " + result.table.columns.map(\.name).joined(separator: ", "), result.table.rowCount))
        if plan.chart, let pivot = plan.pivot {
            sentence.append("draw a sparkline of each row")
            steps.append(("draw the \(pivot.cellName) of each row as a sparkline beside the table", nil))
        } else if plan.chart {
            sentence.append("draw bars beside the numbers")
            let charted = plan.chartLayout.flatMap { $0.value < project.outputs.count ? project.outputs[$0.value].name : nil }
            steps.append(("draw \(charted ?? "the numbers") as bars beside the table", nil))
        }
    }

    /// What a computed output means in words ("the total of applications"), when it is an
    /// aggregate, a window, or a domain expression that says (`share`, `rank`).
    private func meaning(of output: OutputColumn, in aggregate: Aggregate) -> String? {
        switch output.expr {
        case .domain(let term): return term.expression.meaning
        case .window(let window):
            let time = aggregate.keyNames.indices.contains(window.time) ? aggregate.keyNames[window.time] : "period"
            switch window.function {
            case .previous: return "the value of the previous \(time)"
            case .growth: return "the percent change from the previous \(time)"
            case .cumulative: return "the running total in \(time) order"
            case .movingAverage(let n): return "the mean of the last \(n) \(time)s with rows"
            }
        case .column(let index, _):
            guard index >= aggregate.keys.count, index - aggregate.keys.count < aggregate.aggregates.count else { return nil }
            let spec = aggregate.aggregates[index - aggregate.keys.count]
            let columns = aggregate.input.schema
            let argument = spec.argument.map { argument in argument.columnIndex.map { columns[$0].name } ?? "(\(output.name))" } ?? ""
            switch spec.function {
            case .count: return "the number of rows"
            case .countValues: return "the number of values of \(argument)"
            case .distinct: return "the number of different values of \(argument)"
            case .sum: return "the total of \(argument)"
            case .avg: return "the average of \(argument)"
            case .min: return "the smallest \(argument)"
            case .max: return "the largest \(argument)"
            case .median: return "the median of \(argument)"
            case .only:
                if case .domain(let term)? = spec.argument { return "its \(term.expression.written)" }
                return "its \(argument)"
            }
        default: return nil
        }
    }

    /// "a", "a and b", "a, b and c".
    static func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
