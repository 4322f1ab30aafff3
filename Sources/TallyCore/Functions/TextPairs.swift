/// Joins two text columns (`s || t`) once per distinct pair of dictionary codes.
enum TextPairs {
    /// Pairs beyond this many possible combinations are looked up by hash rather than in a table.
    static let tableLimit = 1 << 22

    /// Each row's left text followed by its right text; missing when either is.
    static func joined(_ left: Column, _ right: Column, count: Int) -> Column {
        guard case .text(let a, let leftWords) = left.data, case .text(let b, let rightWords) = right.data else {
            return .constant(.missing, type: .text, count: count)
        }
        var builder = TextCodes()
        var codes = [UInt32](repeating: 0, count: count)
        var validity = ValidityMask(count: count)
        let width = rightWords.count
        if leftWords.count * width <= tableLimit {
            var table = [UInt32](repeating: .max, count: leftWords.count * width)
            for i in 0..<count {
                guard left.bothValid(right, i) else { validity.set(i, valid: false); continue }
                let slot = Int(a[i]) * width + Int(b[i])
                if table[slot] == .max { table[slot] = builder.code(for: leftWords.values[Int(a[i])] + rightWords.values[Int(b[i])]) }
                codes[i] = table[slot]
            }
        } else {
            var seen: [UInt64: UInt32] = [:]
            for i in 0..<count {
                guard left.bothValid(right, i) else { validity.set(i, valid: false); continue }
                let key = UInt64(a[i]) << 32 | UInt64(b[i])
                if let code = seen[key] { codes[i] = code; continue }
                let code = builder.code(for: leftWords.values[Int(a[i])] + rightWords.values[Int(b[i])])
                seen[key] = code
                codes[i] = code
            }
        }
        return Column(name: "", data: .text(codes: codes, dictionary: builder.dictionary),
                      validity: validity.missingCount == 0 ? nil : validity)
    }
}
