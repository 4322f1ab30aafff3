/// `country in EU`: whether each row's country belongs to a group, in the row's year when the
/// group changes over time (`year` is then the time column).
struct CountryGroupMembership: DomainExpression {
    let country: BoundExpr
    let group: CountryGroupTest
    let year: BoundExpr?

    var operands: [BoundExpr] { [country] + (year.map { [$0] } ?? []) }

    func replacingOperands(_ operands: [BoundExpr]) -> CountryGroupMembership {
        CountryGroupMembership(country: operands.first ?? country, group: group, year: operands.count > 1 ? operands[1] : nil)
    }

    var type: ValueType { .boolean }
    var written: String { "in \(group.name)" }

    /// Decided once per code: the years each stored value is a member, and whether it is today.
    func codeRanges(_ dictionary: TextDictionary) -> CodeRanges? {
        var first = [Int64](repeating: .max, count: dictionary.count)
        var last = [Int64](repeating: .min, count: dictionary.count)
        var today = [Bool](repeating: false, count: dictionary.count)
        for (code, value) in dictionary.values.enumerated() {
            guard let range = group.members[value] else { continue }
            today[code] = range.contains(nil)
            if let until = range.until, until == .min { continue }
            first[code] = range.from ?? .min
            last[code] = range.until.map { $0 - 1 } ?? .max
        }
        return CodeRanges(first: first, last: last, withoutInteger: today)
    }

    /// Missing where the country or the year is missing; false for a column that is not text.
    func evaluate(_ operands: [Column], count: Int) -> Column {
        guard let countries = operands.first, case .text(let codes, let dictionary) = countries.data,
              let members = codeRanges(dictionary) else {
            return Column(name: "", data: .boolean([Bool](repeating: false, count: count)), validity: ValidityMask(count: count, allValid: false))
        }
        var result = [Bool](repeating: false, count: count)
        guard operands.count > 1 else {
            for i in 0..<count { result[i] = members.withoutInteger[Int(codes[i])] }
            return Column(name: "", data: .boolean(result), validity: countries.validity)
        }
        let years = operands[1]
        guard case .integer(let yearValues) = years.data else {
            return Column(name: "", data: .boolean(result), validity: ValidityMask(count: count, allValid: false))
        }
        var validity = countries.validity ?? ValidityMask(count: count)
        for i in 0..<count {
            if years.isValid(i) { result[i] = members.contains(code: Int(codes[i]), yearValues[i]) } else { validity.set(i, valid: false) }
        }
        return Column(name: "", data: .boolean(result), validity: validity.missingCount == 0 ? nil : validity)
    }

    /// Explicit code lists, one per span of years (EU membership changes over time):
    /// `(destination IN ('AUT', …) AND year >= 1995) OR …`, NULL where the country or year is.
    func sql(_ operands: [SQLOperand], dialect: SQLDialect) throws(Diagnostic) -> String {
        guard let value = operands.first else { return "NULL" }
        let yearSQL = operands.count > 1 ? operands[1] : nil
        var groups: [(range: CountryGroupTest.YearRange, codes: [String])] = []
        for (code, range) in group.members where yearSQL != nil || range.contains(nil) {
            let key = yearSQL == nil ? CountryGroupTest.YearRange(from: nil, until: nil) : range
            if let position = groups.firstIndex(where: { $0.range == key }) {
                groups[position].codes.append(code)
            } else {
                groups.append((key, [code]))
            }
        }
        groups.sort { ($0.range.from ?? .min, $0.range.until ?? .max) < ($1.range.from ?? .min, $1.range.until ?? .max) }
        var alternatives: [String] = []
        for (range, members) in groups {
            let codes = members.sorted(by: codePointLess).map(dialect.string).joined(separator: ", ")
            var parts = ["\(value.sql) IN (\(codes))"]
            if let yearSQL, let from = range.from { parts.append("\(yearSQL.sql) >= \(from)") }
            if let yearSQL, let until = range.until { parts.append("\(yearSQL.sql) < \(until)") }
            alternatives.append(parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " AND ") + ")")
        }
        let membership = alternatives.isEmpty ? "FALSE" : "(" + alternatives.joined(separator: " OR ") + ")"
        let missing = operands.filter(\.mayBeMissing).map { "\($0.sql) IS NULL" }
        guard !missing.isEmpty else { return membership }
        return "(CASE WHEN \(missing.joined(separator: " OR ")) THEN NULL ELSE \(membership) END)"
    }
}

extension BoundExpr {
    /// Membership of `country` in a group, in the row's `year` when given.
    static func inCountryGroup(_ country: BoundExpr, _ group: CountryGroupTest, year: BoundExpr?) -> BoundExpr {
        .domain(DomainTerm(CountryGroupMembership(country: country, group: group, year: year)))
    }
}
