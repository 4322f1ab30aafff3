extension Binder {
    /// The caveats worth looking for in the data of `plan`.
    func caveatChecks(for plan: QueryPlan) -> [CaveatCheck] {
        var checks: [CaveatCheck] = []
        if let grouping = plan.grouping, let unit = source.info.unitColumn.flatMap(source.columnIndex(named:)),
           !grouping.keys.contains(where: { $0.columnIndex == unit }),
           let measure = grouping.aggregates.lazy.compactMap({ spec -> Int? in
               guard spec.function == .sum || spec.function == .avg, let index = spec.argument?.columnIndex else { return nil }
               return self.isMeasure(index) ? index : nil
           }).first {
            checks.append(.mixedUnits(unit: unit, measure: measure))
        }
        if let time = timeColumn, let year = source.info.incompleteYear {
            checks.append(.incompleteYear(time: time.index, year: Int64(year)))
        }
        if let grouping = plan.grouping, let time = timeColumn,
           let timeKey = grouping.keys.firstIndex(where: { $0.columnIndex == time.index }),
           let timeOutput = plan.outputs.firstIndex(where: { $0.expr == .column(timeKey, grouping.keys[timeKey].type) }) {
            let series = plan.outputs.indices.filter { index in
                guard let column = plan.outputs[index].expr.columnIndex else { return false }
                return column < grouping.keys.count && column != timeKey
            }
            checks.append(.missingYears(time: timeOutput, series: series))
        }
        return checks
    }
}
