extension Column {
    /// This text column with `transform` applied once per dictionary entry and the rows re-coded
    /// into a dictionary of the distinct results; a nil result is missing. Not text: all missing.
    func mappedText(_ transform: (String) -> String?) -> Column {
        guard case .text(let codes, let dictionary) = data else { return .constant(.missing, type: .text, count: count) }
        var builder = TextCodes()
        var remap = [UInt32](repeating: 0, count: dictionary.count)
        var present = [Bool](repeating: true, count: dictionary.count)
        for (code, value) in dictionary.values.enumerated() {
            if let mapped = transform(value) { remap[code] = builder.code(for: mapped) } else { present[code] = false }
        }
        var validity = self.validity ?? ValidityMask(count: codes.count)
        let result = codes.map { remap[Int($0)] }
        if present.contains(false) {
            for i in codes.indices where !present[Int(codes[i])] { validity.set(i, valid: false) }
        }
        return Column(name: "", data: .text(codes: result, dictionary: builder.dictionary),
                      validity: validity.missingCount == 0 ? nil : validity)
    }

    /// This text column's values measured once per dictionary entry (`length`).
    func mappedInteger(_ measure: (String) -> Int64) -> Column {
        guard case .text(let codes, let dictionary) = data else { return .constant(.missing, type: .integer, count: count) }
        let measured = dictionary.values.map(measure)
        return Column(name: "", data: .integer(codes.map { measured[Int($0)] }), validity: validity)
    }

    /// The values written as CSV writes them, as a text column: numbers once per distinct value.
    func writtenAsText(count rows: Int) -> Column {
        var builder = TextCodes()
        var codes = [UInt32](repeating: 0, count: rows)
        switch data {
        case .text:
            return self
        case .days:
            return widened.writtenAsText(count: rows)
        case .boolean(let flags):
            let no = builder.code(for: "false"), yes = builder.code(for: "true")
            for i in flags.indices { codes[i] = flags[i] ? yes : no }
        case .integer(let values):
            var seen: [Int64: UInt32] = [:]
            for i in values.indices where isValid(i) {
                if let code = seen[values[i]] { codes[i] = code; continue }
                let code = builder.code(for: (calendarType.map { Value.calendar(values[i], $0) } ?? .integer(values[i])).description)
                seen[values[i]] = code
                codes[i] = code
            }
        case .decimal(let values):
            var seen: [UInt64: UInt32] = [:]
            for i in values.indices where isValid(i) {
                let bits = values[i].bitPattern
                if let code = seen[bits] { codes[i] = code; continue }
                let code = builder.code(for: Value.decimal(values[i]).description)
                seen[bits] = code
                codes[i] = code
            }
        }
        return Column(name: "", data: .text(codes: codes, dictionary: builder.dictionary), validity: validity)
    }
}

/// Builds a text dictionary from values met one at a time, each distinct value given a code once.
struct TextCodes {
    private var values: [String] = []
    private var index: [String: UInt32] = [:]

    /// The code of `value`, added when new.
    mutating func code(for value: String) -> UInt32 {
        if let code = index[value] { return code }
        let code = UInt32(truncatingIfNeeded: values.count)
        index[value] = code
        values.append(value)
        return code
    }

    /// The dictionary of the values met (one empty value when none, as columns need one).
    var dictionary: TextDictionary { TextDictionary(values.isEmpty ? [""] : values) }
}

extension Column {
    /// A part or bucket of this date or datetime column, computed from each row's day number and
    /// typed `type` (a calendar type, or `integer` for `year`, `month_number`, …).
    func calendarPart(_ type: ValueType, _ part: (Int64) -> Int64) -> Column {
        switch data {
        case .integer(let values): return calendarPart(of: values, perDay: calendarType == .datetime, type, part)
        case .days(let values): return calendarPart(ofDays: values, type, part)
        default: return .constant(.missing, type: type, count: count)
        }
    }

    /// `part` of each present day of `values`, worked out once per day in the column's range
    /// (dates span a few thousand days, not millions), then looked up per row.
    private func calendarPart(ofDays values: [Int32], _ type: ValueType, _ part: (Int64) -> Int64) -> Column {
        var low = Int32.max, high = Int32.min
        for i in values.indices where isValid(i) {
            low = Swift.min(low, values[i])
            high = Swift.max(high, values[i])
        }
        guard low <= high, Int64(high) - Int64(low) < Column.dayTableLimit else { return calendarPart(of: values, perDay: false, type, part) }
        let table = (Int64(low)...Int64(high)).map(part)
        var result = [Int64](repeating: 0, count: values.count)
        table.withUnsafeBufferPointer { table in
            for i in values.indices where isValid(i) { result[i] = table[Int(values[i] &- low)] }
        }
        return Column(name: "", data: .integer(result), validity: validity, calendarType: type.isCalendar ? type : nil)
    }

    /// The widest range of days whose parts are worked out once per day.
    static let dayTableLimit: Int64 = 1 << 20

    /// `part` of each present value of `values`, day numbers or (`perDay`) seconds.
    private func calendarPart<Stored: FixedWidthInteger & SignedInteger>(
        of values: [Stored], perDay: Bool, _ type: ValueType, _ part: (Int64) -> Int64
    ) -> Column {
        var result = [Int64](repeating: 0, count: values.count)
        for i in values.indices where isValid(i) {
            let value = Int64(values[i])
            result[i] = part(perDay ? CivilCalendar.floorDivide(value, CivilCalendar.secondsPerDay) : value)
        }
        return Column(name: "", data: .integer(result), validity: validity, calendarType: type.isCalendar ? type : nil)
    }
}
