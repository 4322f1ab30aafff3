extension Column {
    /// This column with `other`'s values after its own; both have the same type. Text from two
    /// dictionaries is recoded once per dictionary entry into one dictionary.
    func appending(_ other: Column) -> Column {
        let validity: ValidityMask?
        if self.validity == nil && other.validity == nil {
            validity = nil
        } else {
            var mask = ValidityMask(count: count + other.count)
            for i in 0..<count where !isValid(i) { mask.set(i, valid: false) }
            for i in 0..<other.count where !other.isValid(i) { mask.set(count + i, valid: false) }
            validity = mask
        }
        let data: ColumnData
        switch (self.data, other.data) {
        case (.integer(let a), .integer(let b)): data = .integer(a + b)
        case (.decimal(let a), .decimal(let b)): data = .decimal(a + b)
        case (.integer(let a), .decimal(let b)): data = .decimal(a.map(Double.init) + b)
        case (.decimal(let a), .integer(let b)): data = .decimal(a + b.map(Double.init))
        case (.boolean(let a), .boolean(let b)): data = .boolean(a + b)
        case (.text(let a, let first), .text(let b, let second)) where first === second:
            data = .text(codes: a + b, dictionary: first)
        case (.text(let a, let first), .text(let b, let second)):
            var values = first.values
            var codeOf = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, UInt32(truncatingIfNeeded: $0)) })
            let recoded = second.values.map { value -> UInt32 in
                if let code = codeOf[value] { return code }
                let code = UInt32(truncatingIfNeeded: values.count)
                codeOf[value] = code
                values.append(value)
                return code
            }
            data = .text(codes: a + b.map { recoded[Int($0)] }, dictionary: TextDictionary(values))
        default:
            data = self.data
        }
        return Column(name: name, originalName: originalName, data: data, validity: validity)
    }
}
