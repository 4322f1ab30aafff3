/// Groups the kept rows and computes every aggregate, column-at-a-time: the rows are split into
/// fixed partitions run on both cores; each partition walks its rows in batches, finds each
/// row's group slot once per batch, and feeds the batch to every aggregate; partitions are then
/// merged in order, so the result does not depend on how many threads ran.
struct GroupedAggregation {
    let source: Table
    let grouping: Aggregate
    let context: ExecutionContext

    /// The grouped table: key columns (named by `keyNames`), then one column per aggregate.
    func run(rows: Selection?) throws(Diagnostic) -> Table {
        let whole = ExpressionEvaluator(table: source, rows: nil, context: context)
        var keys: [Column] = []
        for key in grouping.keys { keys.append(try whole.evaluate(key)) }
        var arguments: [Column?] = []
        var conditions: [Column?] = []
        for spec in grouping.aggregates {
            var argument = try spec.argument.map { argument throws(Diagnostic) in try whole.evaluate(argument) }
            let flags = try spec.condition.map { condition throws(Diagnostic) in try whole.evaluate(condition) }
            if let flags { argument = (argument ?? flags).keepingValues(where: flags) }
            arguments.append(argument)
            conditions.append(flags.map { $0.keepingValues(where: $0) })
        }
        if conditions.allSatisfy({ $0 == nil }), let totals = try totalsWithoutGroups(arguments: arguments, rows: rows) {
            return totals
        }
        let positions = rows?.count ?? source.rowCount
        let slots = try GroupSlots(keys: keys, rows: rows, positions: positions, context: context)

        let parts = Parallel.ranges(positions, parts: Parallel.partCount(positions))
        let partials = Parallel.map(parts.count) { part in
            Result { () throws(Diagnostic) -> [SlotAggregate] in
                let states = makeStates(slots: slots.count, arguments: arguments, conditions: conditions)
                try accumulate(parts[part], rows: rows, slots: slots, into: states)
                return states
            }
        }
        var merged: [SlotAggregate]?
        for partial in partials {
            let states = try partial.get()
            if let merged {
                for (state, other) in zip(merged, states) { state.merge(other) }
            } else {
                merged = states
            }
        }
        let states = merged ?? makeStates(slots: slots.count, arguments: arguments, conditions: conditions)
        guard let rowsPerSlot = states.first as? SlotRows else { return Table(name: source.name, columns: [], rowCount: 0) }
        let groups = grouping.keys.isEmpty ? [0] : rowsPerSlot.counts.indices.filter { rowsPerSlot.counts[$0] > 0 }

        var columns: [Column] = []
        let firstRows = groups.map { rowsPerSlot.firstRows[$0] }
        for (index, key) in keys.enumerated() {
            var column = key.gathered(firstRows)
            column.name = grouping.keyNames[index]
            columns.append(column)
        }
        for (index, spec) in grouping.aggregates.enumerated() {
            var column: Column
            if spec.function == .distinct || spec.function == .median, let argument = arguments[index] {
                column = try perPosition(spec.function, argument, rows: rows, slots: slots, groups: groups, slotCount: slots.count)
            } else {
                column = try (arguments[index] == nil ? rowsPerSlot : states[index + 1]).column(groups: groups)
            }
            if conditions[index] != nil, let matching = states[grouping.aggregates.count + 1 + index] as? SlotValueCount {
                column = column.keepingValues(where: Column(name: "", data: .boolean(groups.map { matching.counts[$0] > 0 })))
            }
            if let only = states[index + 1] as? SlotOnly, let varying = only.firstVarying(groups: groups, rowCounts: rowsPerSlot.counts) {
                throw varies(spec, group: columns.prefix(keys.count).map { $0.value(at: varying.group) }, varying.values)
            }
            column.name = spec.function.rawValue
            columns.append(column)
        }
        return Table(name: source.name, columns: columns, rowCount: groups.count)
    }

    /// The error for a value that should have one value per group and has two in `group`, or
    /// has one in some rows and is missing in others (the second value is then missing): taking
    /// the present one would divide a count of all the rows by the figure of some.
    private func varies(_ spec: AggregateSpec, group: [Value], _ values: (Value, Value)) -> Diagnostic {
        let written: String
        switch spec.argument {
        case .domain(let term)?: written = term.expression.written
        case .column(let index, _)?: written = source.columns[index].name
        default: written = "a value"
        }
        let keys = zip(grouping.keyNames, group).map { "\($0) = \(CellFormatter.raw($1))" }.joined(separator: ", ")
        let shown = CellFormatter.display(values.0, separatesThousands: true)
        let label = spec.written.map { _ in "one value per group expected" }
        guard values.1 != .missing else {
            return .error(
                "varies-in-group", "\(written) is \(shown) in some rows of a group and missing in others (\(keys.isEmpty ? "all rows" : keys))",
                at: spec.written, label: label,
                help: ["a figure per group must hold for all its rows; keep the rows where it is known with `where` or a time clause (e.g. `in 2024`), or add what it changes with (such as the year) to `group by`"])
        }
        return .error(
            "varies-in-group", "\(written) has more than one value in a group (\(keys.isEmpty ? "all rows" : keys): \(shown) and \(CellFormatter.display(values.1, separatesThousands: true)))",
            at: spec.written, label: label,
            help: ["add it to `group by`, keep one value with `where` or a time clause (e.g. `in 2017`), or summarize it, e.g. `max(\(written))`"])
    }

    /// Aggregates without groups over numeric columns, from one fused pass per column; nil
    /// when the query needs the general path.
    private func totalsWithoutGroups(arguments: [Column?], rows: Selection?) throws(Diagnostic) -> Table? {
        guard grouping.keys.isEmpty else { return nil }
        let fast: Set<AggregateFunction> = [.count, .countValues, .sum, .avg, .min, .max]
        for (spec, argument) in zip(grouping.aggregates, arguments) {
            guard fast.contains(spec.function), argument.map({ $0.type.isNumeric }) ?? true else { return nil }
        }
        let rowCount = Int64(rows?.count ?? source.rowCount)
        var computed: [(argument: BoundExpr, totals: ColumnTotals)] = []
        var columns: [Column] = []
        for (spec, argument) in zip(grouping.aggregates, arguments) {
            var column: Column
            if let argument, let expr = spec.argument {
                let totals: ColumnTotals
                if let known = computed.first(where: { $0.argument == expr }) { totals = known.totals } else {
                    totals = try ColumnTotals.compute(argument, rows: rows, context: context)
                    computed.append((expr, totals))
                }
                column = try ColumnTotals.result(spec.function, totals, of: argument)
            } else {
                column = .integers("", [rowCount])
            }
            column.name = spec.function.rawValue
            columns.append(column)
        }
        return Table(name: source.name, columns: columns, rowCount: 1)
    }

    /// Fresh states for one partition: rows per slot first (which also answers `count(*)`), then
    /// one per aggregate, then one per aggregate counting the rows its condition keeps (a
    /// placeholder where there is nothing to keep).
    private func makeStates(slots: Int, arguments: [Column?], conditions: [Column?]) -> [SlotAggregate] {
        var states: [SlotAggregate] = [SlotRows(slots: slots)]
        for (spec, argument) in zip(grouping.aggregates, arguments) {
            guard let argument else { states.append(SlotDeferred()); continue }
            switch spec.function {
            case .count, .countValues:
                states.append(SlotValueCount(slots: slots, argument: argument))
            case .sum:
                if case .integer(let values) = argument.data {
                    states.append(SlotIntegerSum(slots: slots, values: values, validity: argument.validity))
                } else {
                    states.append(SlotDecimalSum(slots: slots, argument: argument, average: false))
                }
            case .avg:
                states.append(SlotDecimalSum(slots: slots, argument: argument, average: true))
            case .min, .max:
                states.append(SlotExtreme(slots: slots, argument: argument, largest: spec.function == .max))
            case .only:
                states.append(SlotOnly(slots: slots, argument: argument))
            case .distinct, .median:
                states.append(SlotDeferred())
            }
        }
        for flags in conditions {
            states.append(flags.map { SlotValueCount(slots: slots, argument: $0) } ?? SlotDeferred())
        }
        return states
    }

    /// Feeds the rows at `positions` to `states`, a batch at a time.
    private func accumulate(_ positions: Range<Int>, rows: Selection?, slots: GroupSlots, into states: [SlotAggregate]) throws(Diagnostic) {
        var rowBuffer = [Int32](repeating: 0, count: ExecutionContext.batchSize)
        var slotBuffer = [Int32](repeating: 0, count: ExecutionContext.batchSize)
        var start = positions.lowerBound
        var batches = 0
        while start < positions.upperBound {
            if batches & 31 == 0 { try context.checkCancelled() }
            batches += 1
            let end = min(positions.upperBound, start + ExecutionContext.batchSize)
            let count = end - start
            rowBuffer.withUnsafeMutableBufferPointer { buffer in
                if let rows {
                    rows.withUnsafeBufferPointer { rows in
                        for i in 0..<count { buffer[i] = rows[start + i] }
                    }
                } else {
                    for i in 0..<count { buffer[i] = Int32(truncatingIfNeeded: start + i) }
                }
            }
            rowBuffer.withUnsafeBufferPointer { rowPointer in
                let batchRows = UnsafeBufferPointer(rebasing: rowPointer[0..<count])
                slotBuffer.withUnsafeMutableBufferPointer { slotPointer in
                    slots.fill(UnsafeMutableBufferPointer(rebasing: slotPointer[0..<count]), rows: batchRows, positions: start..<end)
                }
                slotBuffer.withUnsafeBufferPointer { slotPointer in
                    let batchSlots = UnsafeBufferPointer(rebasing: slotPointer[0..<count])
                    for state in states { state.add(rows: batchRows, slots: batchSlots) }
                }
            }
            start = end
        }
    }

    /// `distinct` and `median`, which need every value of a group, from each position's slot.
    private func perPosition(
        _ function: AggregateFunction, _ argument: Column, rows: Selection?, slots: GroupSlots, groups: [Int], slotCount: Int
    ) throws(Diagnostic) -> Column {
        let positions = rows?.count ?? source.rowCount
        var slotIDs = [Int32](repeating: 0, count: positions)
        for position in 0..<positions {
            let row = rows.map { Int($0[position]) } ?? position
            slotIDs[position] = Int32(truncatingIfNeeded: slots.slot(row: row, position: position))
        }
        let values = argument.gathered(rows)
        let all = try Aggregator(groupIDs: slotIDs, groupCount: slotCount, context: context).aggregate(function, of: values)
        return all.gathered(groups.map { Int32(truncatingIfNeeded: $0) })
    }
}
