/// Builds a column whose row `i` is taken from one of several columns of one type (`coalesce`,
/// `if`): numbers widened to the result type, text re-coded once per distinct value.
struct ColumnPicker {
    /// The columns to take from.
    let choices: [Column]
    /// The result's type.
    let type: ValueType
    /// Number of rows.
    let count: Int

    /// The column whose row `i` is row `i` of `choices[choose(i)]`, missing where `choose` gives
    /// nil or the chosen value is missing.
    func pick(_ choose: (Int) -> Int?) -> Column {
        var validity = ValidityMask(count: count)
        var chosen = [Int](repeating: -1, count: count)
        for i in 0..<count {
            if let index = choose(i), choices[index].isValid(i) { chosen[i] = index } else { validity.set(i, valid: false) }
        }
        let mask = validity.missingCount == 0 ? nil : validity
        switch type {
        case .text:
            var builder = TextCodes()
            var remaps: [[UInt32]] = choices.map { choice in
                if case .text(_, let dictionary) = choice.data { return [UInt32](repeating: .max, count: dictionary.count) }
                return []
            }
            var codes = [UInt32](repeating: 0, count: count)
            for i in 0..<count where chosen[i] >= 0 {
                guard case .text(let source, let dictionary) = choices[chosen[i]].data else { continue }
                let code = Int(source[i])
                if remaps[chosen[i]][code] == .max { remaps[chosen[i]][code] = builder.code(for: dictionary.values[code]) }
                codes[i] = remaps[chosen[i]][code]
            }
            return Column(name: "", data: .text(codes: codes, dictionary: builder.dictionary), validity: mask)
        case .boolean:
            var result = [Bool](repeating: false, count: count)
            for i in 0..<count where chosen[i] >= 0 {
                if case .boolean(let flags) = choices[chosen[i]].data { result[i] = flags[i] }
            }
            return Column(name: "", data: .boolean(result), validity: mask)
        case .decimal:
            let values = choices.map(\.doubles)
            var result = [Double](repeating: 0, count: count)
            for i in 0..<count where chosen[i] >= 0 { result[i] = values[chosen[i]][i] }
            return Column(name: "", data: .decimal(result), validity: mask)
        default:
            let widened = choices.map(\.widened)
            var result = [Int64](repeating: 0, count: count)
            for i in 0..<count where chosen[i] >= 0 {
                if case .integer(let values) = widened[chosen[i]].data { result[i] = values[i] }
            }
            return Column(name: "", data: .integer(result), validity: mask, calendarType: type.isCalendar ? type : nil)
        }
    }
}
