extension Binder {
    /// The caveats worth looking for in the data of `plan`.
    /// Those of parenthesised sides come first, as the sides are made first.
    func caveatChecks(for plan: QueryPlan) -> [CaveatCheck] {
        var checks = combined.checks.filter(\.isOfSide)
        if let grouping = plan.grouping, let measure = summedMeasure(grouping) {
            let isKey = { (column: Int) in grouping.keys.contains { $0.columnIndex == column } }
            let isRowKey = { (column: Int) in grouping.keys.prefix(plan.pivot?.rowKeyCount ?? grouping.keys.count).contains { $0.columnIndex == column } }
            if let unit = source.info.unitColumn.flatMap(source.columnIndex(named:)), !isRowKey(unit) {
                checks.append(.mixedUnits(unit: unit, measure: measure))
            }
            for category in source.info.categoryColumns.compactMap(source.columnIndex(named:)) where !isKey(category) {
                checks.append(.mixedCategories(category: category, measure: measure))
            }
        }
        if let time = timeColumn, let year = source.info.incompleteYear {
            checks.append(.incompleteYear(time: time.index, year: Int64(year)))
        }
        let rowKeys = plan.grouping.map { Array($0.keys.prefix(plan.pivot?.rowKeyCount ?? $0.keys.count)) } ?? []
        let comparesPeriods = plan.outputs.contains { output in
            var found = false
            output.expr.visit { if case .window(let window) = $0, [.previous, .growth].contains(window.function) { found = true } }
            return found
        }
        if !comparesPeriods, let timeKey = rowKeys.firstIndex(where: isTimeKey),
           let timeOutput = plan.outputs.firstIndex(where: { $0.expr == .column(timeKey, rowKeys[timeKey].type) }) {
            let series = plan.outputs.indices.filter { index in
                guard let column = plan.outputs[index].expr.columnIndex else { return false }
                return column < rowKeys.count && column != timeKey
            }
            checks.append(.missingYears(time: timeOutput, series: series))
        }
        checks += populationChecks(for: plan)
        for key in plan.grouping?.keys ?? [] {
            guard case .function(let bucket, let arguments, _) = key, PeriodBounds.buckets.contains(bucket),
                  let argument = arguments.first, arguments.count == 1, argument.type.isDateLike,
                  let column = argument.columnIndex else { continue }
            let check = CaveatCheck.partialPeriods(column: column, bucket: bucket)
            if !checks.contains(check) { checks.append(check) }
        }
        checks += combined.checks.filter { check in
            guard let columns = check.repeatedColumns else { return !check.isOfSide }
            return plan.grouping?.aggregates.contains { spec in
                guard spec.function.countsRepeats else { return false }
                // A lookup keeps each source row once: counting the rows that have a looked-up
                // value counts source rows, which no repeat distorts.
                if case .repeatedLookup = check, spec.function == .countValues { return false }
                guard let argument = spec.argument else { return columns.contains(0) }
                var reads = false
                argument.forEachColumn { if columns.contains($0) { reads = true } }
                return reads
            } ?? false
        }
        return checks
    }

    /// One check per population attribute the plan reads, with how it divides by it: a
    /// divisor that reads it through a `sum` divides by a group's sum, any other by a country's figure.
    private func populationChecks(for plan: QueryPlan) -> [CaveatCheck] {
        var stage = plan.outputs.map(\.expr) + plan.order.map(\.expr) + [plan.pivot?.cell].compactMap { $0 }
        if let having = plan.having { stage.append(having) }
        let divisors = stage.flatMap(\.divisors)
        let perCountry = divisors.flatMap { plan.sourceExpressions(of: $0, throughSums: false) }
        let summedBases = divisors.flatMap { plan.sourceExpressions(of: $0, throughSums: true) }
        let read = [plan.filter].compactMap { $0 } + stage.flatMap { plan.sourceExpressions(of: $0) }
        let summed = (plan.grouping?.aggregates ?? []).filter { $0.function == .sum }.compactMap(\.argument)
        var checks: [CaveatCheck] = []
        for value in read.flatMap(\.populations).compactMap(\.countryAttribute) {
            guard case .column(let country, _) = value.country, case .column(let time, _)? = value.year else { continue }
            let facts = value.facts
            let attribute = BoundExpr.countryAttribute(.column(country, .text), facts, year: .column(time, .integer))
            let reads = { (expressions: [BoundExpr]) in expressions.contains { $0.populations.contains(attribute) } }
            let division: PopulationDivision = reads(perCountry) ? .perCountry : reads(summedBases) ? .summed : .none
            let check = CaveatCheck.population(country: country, time: time, facts: facts, division: division, summed: reads(summed))
            if !checks.contains(check) { checks.append(check) }
        }
        return checks
    }

    /// The first measure the grouping sums or averages: what a mix of units or categories distorts.
    private func summedMeasure(_ grouping: Aggregate) -> Int? {
        grouping.aggregates.lazy.compactMap { spec -> Int? in
            guard spec.function == .sum || spec.function == .avg, let index = spec.argument?.columnIndex else { return nil }
            return self.isMeasure(index) ? index : nil
        }.first
    }
}

extension BoundExpr {
    /// The right sides of every division inside the expression.
    var divisors: [BoundExpr] {
        var found: [BoundExpr] = []
        visit { if case .arithmetic(.divide, _, let divisor, _) = $0 { found.append(divisor) } }
        return found
    }

    /// Every population attribute inside the expression.
    var populations: [BoundExpr] {
        var found: [BoundExpr] = []
        visit { if $0.countryAttribute?.facts.attribute == .population { found.append($0) } }
        return found
    }
}

extension QueryPlan {
    /// The source-level expressions a stage expression reads: itself when the query is not
    /// grouped, else the keys and the aggregates' arguments and conditions it refers to. With
    /// `throughSums`, only those read through a `sum` (true) or only the others (false).
    func sourceExpressions(of expr: BoundExpr, throughSums: Bool? = nil) -> [BoundExpr] {
        guard let grouping else { return throughSums == true ? [] : [expr] }
        var found: [BoundExpr] = []
        expr.forEachColumn { index in
            if index < grouping.keys.count {
                if throughSums != true { found.append(grouping.keys[index]) }
            } else if index - grouping.keys.count < grouping.aggregates.count {
                let spec = grouping.aggregates[index - grouping.keys.count]
                if throughSums == nil || throughSums == (spec.function == .sum) { found += [spec.argument, spec.condition].compactMap { $0 } }
            }
        }
        return found
    }
}
