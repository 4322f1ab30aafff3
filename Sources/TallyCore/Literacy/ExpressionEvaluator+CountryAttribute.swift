extension ExpressionEvaluator {
    /// A country attribute of each row's country (in the row's year, for `population`), decided
    /// once per dictionary code of the country column; missing where the country, the year or
    /// the attribute is missing, never 0.
    func attribute(_ countries: Column, _ facts: CountryFacts, years: Column?) -> Column {
        guard case .text(let codes, let dictionary) = countries.data else {
            return .constant(.missing, type: facts.attribute.type, count: count)
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
        guard let years, case .integer(let yearValues) = years.data else {
            return .constant(.missing, type: .integer, count: count)
        }
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
