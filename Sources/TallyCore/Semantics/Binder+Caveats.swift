extension Binder {
    /// The caveats worth looking for in the data of `plan`.
    func caveatChecks(for plan: QueryPlan) -> [CaveatCheck] {
        var checks: [CaveatCheck] = []
        if let grouping = plan.grouping, let measure = summedMeasure(grouping) {
            let isKey = { (column: Int) in grouping.keys.contains { $0.columnIndex == column } }
            if let unit = source.info.unitColumn.flatMap(source.columnIndex(named:)), !isKey(unit) {
                checks.append(.mixedUnits(unit: unit, measure: measure))
            }
            for category in source.info.categoryColumns.compactMap(source.columnIndex(named:)) where !isKey(category) {
                checks.append(.mixedCategories(category: category, measure: measure))
            }
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

    /// The first measure the grouping sums or averages: what a mix of units or categories distorts.
    private func summedMeasure(_ grouping: QueryPlan.Grouping) -> Int? {
        grouping.aggregates.lazy.compactMap { spec -> Int? in
            guard spec.function == .sum || spec.function == .avg, let index = spec.argument?.columnIndex else { return nil }
            return self.isMeasure(index) ? index : nil
        }.first
    }
}
