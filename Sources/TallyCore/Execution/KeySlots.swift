/// The key of each row of two tables as a small integer, the same integer on both sides when
/// the keys are equal by value: what `HashJoin` matches on. Text keys are decided once per
/// dictionary code, whole numbers by their offset in the other side's range (or one hash per
/// row when the range is wide), decimals by their bits; no row is boxed into a `Value`.
///
/// A slot is `-1` for a row whose key is missing or that no row of the other side has.
struct KeySlots {
    /// The slot of each row of the left (source) side.
    var left: [Int32]
    /// The slot of each row of the right (other) side.
    var right: [Int32]
    /// Slots are in `0..<count`.
    var count: Int

    /// The widest dense table of slots tried before hashing.
    static let denseLimit = 1 << 24

    /// The slots of one key column pair. `leftKeys`/`rightKeys` give, for text, the key each
    /// dictionary entry stands for (a country's resolved code); nil means the text itself.
    /// Numbers compare by value (`2017` matches `2017.0`); text never matches a number.
    static func of(_ pair: JoinKeyColumns, context: ExecutionContext) throws(Diagnostic) -> KeySlots {
        switch (pair.left.data, pair.right.data) {
        case (.text(let leftCodes, let leftDictionary), .text(let rightCodes, let rightDictionary)):
            let rightKeys = pair.rightKeys ?? rightDictionary.values
            let leftKeys = pair.leftKeys ?? leftDictionary.values
            var slotOfKey: [String: Int32] = [:]
            let rightSlotOfCode = rightKeys.map { slot(of: $0, in: &slotOfKey) }
            let leftSlotOfCode = leftKeys.map { slotOfKey[$0] ?? -1 }
            return KeySlots(
                left: try perCode(leftCodes, pair.left.validity, leftSlotOfCode, context),
                right: try perCode(rightCodes, pair.right.validity, rightSlotOfCode, context),
                count: slotOfKey.count)
        case (.integer(let leftValues), .integer(let rightValues)):
            return try integers(leftValues, pair.left.validity, rightValues, pair.right.validity, context)
        case (.boolean(let leftValues), .boolean(let rightValues)):
            return KeySlots(
                left: try mapped(leftValues, pair.left.validity, context) { $0 ? 1 : 0 },
                right: try mapped(rightValues, pair.right.validity, context) { $0 ? 1 : 0 },
                count: 2)
        default:
            return try hashed(pair.left.doubles, pair.left.validity, pair.right.doubles, pair.right.validity, context)
        }
    }

    /// Slots of a text column from the slot of each dictionary code.
    private static func perCode(
        _ codes: [UInt32], _ validity: ValidityMask?, _ slotOfCode: [Int32], _ context: ExecutionContext
    ) throws(Diagnostic) -> [Int32] {
        try mapped(codes, validity, context) { slotOfCode[Int($0)] }
    }

    /// `slot(value)` for every row, `-1` where the row is missing.
    private static func mapped<Element>(
        _ values: [Element], _ validity: ValidityMask?, _ context: ExecutionContext, _ slot: (Element) -> Int32
    ) throws(Diagnostic) -> [Int32] {
        var result = [Int32](repeating: -1, count: values.count)
        for start in stride(from: 0, to: values.count, by: ExecutionContext.batchSize) {
            try context.checkCancelled()
            for i in start..<min(start + ExecutionContext.batchSize, values.count) where validity?.isValid(i) ?? true {
                result[i] = slot(values[i])
            }
        }
        return result
    }

    /// Whole numbers: offsets into the right side's range when it is narrow, else hashed.
    private static func integers(
        _ left: [Int64], _ leftValidity: ValidityMask?, _ right: [Int64], _ rightValidity: ValidityMask?,
        _ context: ExecutionContext
    ) throws(Diagnostic) -> KeySlots {
        var low = Int64.max, high = Int64.min
        for i in right.indices where rightValidity?.isValid(i) ?? true {
            low = min(low, right[i])
            high = max(high, right[i])
        }
        guard low <= high else {
            return KeySlots(left: [Int32](repeating: -1, count: left.count), right: [Int32](repeating: -1, count: right.count), count: 0)
        }
        let (width, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, width < Int64(min(denseLimit, max(4 * right.count, 1 << 16))) else {
            return try hashed(left.map(Double.init), leftValidity, right.map(Double.init), rightValidity, context, exact: (left, right))
        }
        func slot(_ value: Int64) -> Int32 {
            value < low || value > high ? -1 : Int32(truncatingIfNeeded: value &- low)
        }
        return KeySlots(
            left: try mapped(left, leftValidity, context, slot),
            right: try mapped(right, rightValidity, context, slot),
            count: Int(width) + 1)
    }

    /// Numbers by value through a hash of their bits: decimals, a whole number beside a decimal,
    /// and whole numbers spread too widely for a dense table (`exact` keeps them as integers, so
    /// that numbers beyond 2^53 never collide).
    private static func hashed(
        _ left: [Double], _ leftValidity: ValidityMask?, _ right: [Double], _ rightValidity: ValidityMask?,
        _ context: ExecutionContext, exact: ([Int64], [Int64])? = nil
    ) throws(Diagnostic) -> KeySlots {
        func bits(_ values: [Double], _ integers: [Int64]?, _ i: Int) -> UInt64 {
            if let integers { return UInt64(bitPattern: integers[i]) }
            let value = values[i]
            return value == 0 ? 0 : value.bitPattern
        }
        var slotOfBits: [UInt64: Int32] = [:]
        var rightSlots = [Int32](repeating: -1, count: right.count)
        for i in right.indices where (rightValidity?.isValid(i) ?? true) && !right[i].isNaN {
            rightSlots[i] = slot(of: bits(right, exact?.1, i), in: &slotOfBits)
        }
        var leftSlots = [Int32](repeating: -1, count: left.count)
        for i in left.indices where (leftValidity?.isValid(i) ?? true) && !left[i].isNaN {
            try context.checkCancelled(atRow: i)
            leftSlots[i] = slotOfBits[bits(left, exact?.0, i)] ?? -1
        }
        return KeySlots(left: leftSlots, right: rightSlots, count: slotOfBits.count)
    }

    /// The slot of `key`, numbering keys in the order they are first seen.
    private static func slot<Key: Hashable>(of key: Key, in slots: inout [Key: Int32]) -> Int32 {
        if let slot = slots[key] { return slot }
        let slot = Int32(truncatingIfNeeded: slots.count)
        slots[key] = slot
        return slot
    }

    /// The slots of two keys together: one slot per pair of slots that the right side has, so
    /// the count stays at most the right side's row count however many keys are combined.
    func combined(with other: KeySlots, context: ExecutionContext) throws(Diagnostic) -> KeySlots {
        let (width, overflow) = count.multipliedReportingOverflow(by: other.count)
        var rightSlots = [Int32](repeating: -1, count: right.count)
        var leftSlots = [Int32](repeating: -1, count: left.count)
        if !overflow, width <= KeySlots.denseLimit {
            var slotOfPair = [Int32](repeating: -1, count: width)
            var next: Int32 = 0
            for i in right.indices where right[i] >= 0 && other.right[i] >= 0 {
                let pair = Int(right[i]) * other.count + Int(other.right[i])
                if slotOfPair[pair] < 0 {
                    slotOfPair[pair] = next
                    next += 1
                }
                rightSlots[i] = slotOfPair[pair]
            }
            for i in left.indices where left[i] >= 0 && other.left[i] >= 0 {
                try context.checkCancelled(atRow: i)
                leftSlots[i] = slotOfPair[Int(left[i]) * other.count + Int(other.left[i])]
            }
            return KeySlots(left: leftSlots, right: rightSlots, count: Int(next))
        }
        var slotOfPair: [Int64: Int32] = [:]
        func pair(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }
        for i in right.indices where right[i] >= 0 && other.right[i] >= 0 {
            rightSlots[i] = KeySlots.slot(of: pair(right[i], other.right[i]), in: &slotOfPair)
        }
        for i in left.indices where left[i] >= 0 && other.left[i] >= 0 {
            try context.checkCancelled(atRow: i)
            leftSlots[i] = slotOfPair[pair(left[i], other.left[i])] ?? -1
        }
        return KeySlots(left: leftSlots, right: rightSlots, count: slotOfPair.count)
    }
}

/// One key of a join: a column of each side and, for text, the key each dictionary entry
/// stands for on each side (nil: the text itself).
struct JoinKeyColumns {
    /// The source's key column.
    var left: Column
    /// The other side's key column.
    var right: Column
    /// For a text key, the key of each entry of the left column's dictionary.
    var leftKeys: [String]?
    /// For a text key, the key of each entry of the right column's dictionary.
    var rightKeys: [String]?
}
