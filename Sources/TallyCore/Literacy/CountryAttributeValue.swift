/// `destination.region`, `destination.population`: an attribute of each row's country, in the
/// row's year for `population` (`year` is then the time column).
struct CountryAttributeValue: DomainExpression {
    let country: BoundExpr
    let facts: CountryFacts
    let year: BoundExpr?

    var operands: [BoundExpr] { [country] + (year.map { [$0] } ?? []) }

    func replacingOperands(_ operands: [BoundExpr]) -> CountryAttributeValue {
        CountryAttributeValue(country: operands.first ?? country, facts: facts, year: operands.count > 1 ? operands[1] : nil)
    }

    var type: ValueType { facts.attribute.type }
    var written: String { facts.written }
    var joinsTable: Bool { true }
    var joinedTable: AttributeTable? { facts.table }

    /// Decided once per dictionary code of the country column; missing where the country, the
    /// year or the attribute is missing, never 0.
    func evaluate(_ operands: [Column], count: Int) -> Column {
        guard let countries = operands.first, case .text(let codes, let dictionary) = countries.data else {
            return .constant(.missing, type: type, count: count)
        }
        var validity = countries.validity ?? ValidityMask(count: count)
        guard facts.attribute == .population else {
            var texts: [String] = []
            var textCodes: [String: UInt32] = [:]
            let mapped = dictionary.values.map { value -> UInt32? in
                guard let text = facts.texts[value] else { return nil }
                if let code = textCodes[text] { return code }
                let code = UInt32(truncatingIfNeeded: texts.count)
                textCodes[text] = code
                texts.append(text)
                return code
            }
            var result = [UInt32](repeating: 0, count: count)
            for i in 0..<count {
                if let code = mapped[Int(codes[i])] { result[i] = code } else { validity.set(i, valid: false) }
            }
            if texts.isEmpty { texts = [""] }
            return Column(name: "", data: .text(codes: result, dictionary: TextDictionary(texts)), validity: validity.missingCount == 0 ? nil : validity)
        }
        let series = dictionary.values.map { facts.populations[$0] }
        var result = [Int64](repeating: 0, count: count)
        guard operands.count > 1, case .integer(let yearValues) = operands[1].data else {
            return .constant(.missing, type: .integer, count: count)
        }
        let years = operands[1]
        for i in 0..<count {
            if years.isValid(i), let population = series[Int(codes[i])]?.population(in: yearValues[i]) {
                result[i] = population
            } else {
                validity.set(i, valid: false)
            }
        }
        return Column(name: "", data: .integer(result), validity: validity.missingCount == 0 ? nil : validity)
    }
}

extension BoundExpr {
    /// The attribute `facts` of `country`, in the row's `year` when given.
    static func countryAttribute(_ country: BoundExpr, _ facts: CountryFacts, year: BoundExpr?) -> BoundExpr {
        .domain(DomainTerm(CountryAttributeValue(country: country, facts: facts, year: year)))
    }

    /// The country attribute this expression is, nil when it is none.
    var countryAttribute: CountryAttributeValue? {
        if case .domain(let term) = self { term.expression as? CountryAttributeValue } else { nil }
    }
}
