extension Column {
    /// A text column from plain values (nil is missing), dictionary-encoded.
    public static func text(_ name: String, _ values: [String?]) -> Column {
        var codes: [UInt32] = [], dictionary: [String] = [], index: [String: UInt32] = [:]
        var validity = ValidityMask(count: values.count)
        codes.reserveCapacity(values.count)
        for (row, value) in values.enumerated() {
            guard let value else { codes.append(0); validity.set(row, valid: false); continue }
            if let code = index[value] { codes.append(code); continue }
            let code = UInt32(truncatingIfNeeded: dictionary.count)
            index[value] = code
            dictionary.append(value)
            codes.append(code)
        }
        if dictionary.isEmpty { dictionary.append("") }
        return Column(name: name, data: .text(codes: codes, dictionary: TextDictionary(dictionary)),
                      validity: validity.missingCount == 0 ? nil : validity)
    }

    /// An integer column from plain values (nil is missing).
    public static func integers(_ name: String, _ values: [Int64?]) -> Column {
        var validity = ValidityMask(count: values.count)
        for (row, value) in values.enumerated() where value == nil { validity.set(row, valid: false) }
        return Column(name: name, data: .integer(values.map { $0 ?? 0 }), validity: validity.missingCount == 0 ? nil : validity)
    }

    /// A decimal column from plain values (nil is missing).
    public static func decimals(_ name: String, _ values: [Double?]) -> Column {
        var column = decimals(count: values.count) { values[$0] }
        column.name = name
        return column
    }

    /// A decimal column of `value(i)` for each of `count` rows, missing where it is nil.
    static func decimals(count: Int, _ value: (Int) -> Double?) -> Column {
        var result = [Double](repeating: 0, count: count)
        var validity = ValidityMask(count: count)
        for i in 0..<count {
            if let v = value(i) { result[i] = v } else { validity.set(i, valid: false) }
        }
        return Column(name: "", data: .decimal(result), validity: validity.missingCount == 0 ? nil : validity)
    }
}
