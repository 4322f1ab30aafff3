extension Column {
    /// Each value as a percent of the sum of the present values, as `share` computes it; missing
    /// where the value is missing or the sum is 0.
    var percentsOfSum: Column {
        let numbers = doubles
        var sum = 0.0
        for i in 0..<count where isValid(i) { sum += numbers[i] }
        var result = [Double](repeating: 0, count: count)
        var validity = ValidityMask(count: count)
        for i in 0..<count {
            if isValid(i) && sum != 0 { result[i] = numbers[i] / sum * 100 } else { validity.set(i, valid: false) }
        }
        return Column(name: name, data: .decimal(result), validity: validity.missingCount == 0 ? nil : validity)
    }
}
