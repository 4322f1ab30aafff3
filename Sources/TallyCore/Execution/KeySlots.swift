/// The key of each row of two tables as a small integer, the same integer on both sides when
/// the keys are equal by value: what `HashJoin` matches on. Text keys are decided once per
/// dictionary code, whole numbers by their offset in the other side's range (or one hash per
/// row when the range is wide), decimals by their bits; no row is boxed into a `Value`.
///
/// The other side's slots are made once; the source side's are written a batch of rows at a
/// time while the join probes, so a 10M-row source never holds a slot array of its own.
/// A slot is `-1` for a row whose key is missing or that no row of the other side has.
struct KeySlots {
    /// Writes the slot of each source row of a range into a buffer of the range's length.
    typealias Writer = (_ rows: Range<Int>, _ slots: UnsafeMutableBufferPointer<Int32>) -> Void

    /// The slots of the source side's rows, a range at a time; safe to call from several threads.
    var left: Writer
    /// The source side's row count.
    var leftCount: Int
    /// The slot of each row of the right (other) side.
    var right: [Int32]
    /// Slots are in `0..<count`.
    var count: Int

    /// The widest dense table of slots tried before hashing.
    static let denseLimit = 1 << 24

    /// The slots of one key column pair. `leftKeys`/`rightKeys` give, for text, the key each
    /// dictionary entry stands for (a country's resolved code); nil means the text itself.
    /// Numbers compare by value (`2017` matches `2017.0`); text never matches a number.
    static func of(_ pair: JoinKeyColumns) -> KeySlots {
        switch (pair.left.data, pair.right.data) {
        case (.text(let leftCodes, let leftDictionary), .text(let rightCodes, let rightDictionary)):
            let rightKeys = pair.rightKeys ?? rightDictionary.values
            let leftKeys = pair.leftKeys ?? leftDictionary.values
            var slotOfKey: [String: Int32] = [:]
            let rightSlotOfCode = rightKeys.map { slot(of: $0, in: &slotOfKey) }
            let leftSlotOfCode = leftKeys.map { slotOfKey[$0] ?? -1 }
            return KeySlots(
                left: { rows, slots in write(leftCodes, pair.left.validity, rows, into: slots) { leftSlotOfCode[Int($0)] } },
                leftCount: leftCodes.count,
                right: whole(rightCodes, pair.right.validity) { rightSlotOfCode[Int($0)] },
                count: slotOfKey.count)
        case (.integer(let leftValues), .integer(let rightValues)):
            return integers(leftValues, pair.left.validity, rightValues, pair.right.validity)
        case (.boolean(let leftValues), .boolean(let rightValues)):
            return KeySlots(
                left: { rows, slots in write(leftValues, pair.left.validity, rows, into: slots) { $0 ? 1 : 0 } },
                leftCount: leftValues.count,
                right: whole(rightValues, pair.right.validity) { $0 ? 1 : 0 },
                count: 2)
        default:
            let left = pair.left.doubles, right = pair.right.doubles, leftValidity = pair.left.validity, rightValidity = pair.right.validity
            return hashed(
                left.count, { i in leftValidity?.isValid(i) ?? true ? bits(left[i]) : nil },
                right.count, { i in rightValidity?.isValid(i) ?? true ? bits(right[i]) : nil })
        }
    }

    /// Writes `slot(value)` for each row of `rows` into `slots`, `-1` where the row is missing.
    @inline(__always)
    private static func write<Element>(
        _ values: [Element], _ validity: ValidityMask?, _ rows: Range<Int>, into slots: UnsafeMutableBufferPointer<Int32>,
        _ slot: (Element) -> Int32
    ) {
        values.withUnsafeBufferPointer { values in
            ValidityMask.withWords(validity) { words in
                for (k, row) in rows.enumerated() {
                    slots[k] = ValidityMask.isValid(words, row) ? slot(values[row]) : -1
                }
            }
        }
    }

    /// `slot(value)` for every row of a whole (other) side, `-1` where the row is missing.
    @inline(__always)
    private static func whole<Element>(_ values: [Element], _ validity: ValidityMask?, _ slot: (Element) -> Int32) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            write(values, validity, 0..<values.count, into: buffer, slot)
            initialized = values.count
        }
    }

    /// Whole numbers: offsets into the right side's range when it is narrow, else hashed.
    private static func integers(_ left: [Int64], _ leftValidity: ValidityMask?, _ right: [Int64], _ rightValidity: ValidityMask?) -> KeySlots {
        var low = Int64.max, high = Int64.min
        for i in right.indices where rightValidity?.isValid(i) ?? true {
            low = min(low, right[i])
            high = max(high, right[i])
        }
        guard low <= high else {
            return KeySlots(left: { _, slots in slots.update(repeating: -1) }, leftCount: left.count,
                            right: [Int32](repeating: -1, count: right.count), count: 0)
        }
        let (width, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, width < Int64(min(denseLimit, max(4 * right.count, 1 << 16))) else {
            return hashed(
                left.count, { i in leftValidity?.isValid(i) ?? true ? UInt64(bitPattern: left[i]) : nil },
                right.count, { i in rightValidity?.isValid(i) ?? true ? UInt64(bitPattern: right[i]) : nil })
        }
        /// The offset of `value` in the right side's range, -1 outside it.
        @inline(__always)
        func slot(_ value: Int64) -> Int32 { value < low || value > high ? -1 : Int32(truncatingIfNeeded: value &- low) }
        return KeySlots(
            left: { rows, slots in write(left, leftValidity, rows, into: slots) { slot($0) } }, leftCount: left.count,
            right: whole(right, rightValidity) { slot($0) },
            count: Int(width) + 1)
    }

    /// Numbers by value through a hash of their bits: decimals, a whole number beside a decimal,
    /// and whole numbers spread too widely for a dense table (hashed as integers, so that numbers
    /// beyond 2^53 never collide). `leftKey` and `rightKey` give a row's bits, nil when it has no
    /// key (missing, or not a number).
    private static func hashed(
        _ leftCount: Int, _ leftKey: @escaping @Sendable (Int) -> UInt64?, _ rightCount: Int, _ rightKey: (Int) -> UInt64?
    ) -> KeySlots {
        var slotOfBits: [UInt64: Int32] = [:]
        var rightSlots = [Int32](repeating: -1, count: rightCount)
        for i in 0..<rightCount {
            if let key = rightKey(i) { rightSlots[i] = slot(of: key, in: &slotOfBits) }
        }
        let leftSlots: Writer = { [slotOfBits] rows, slots in
            for (k, i) in rows.enumerated() {
                slots[k] = leftKey(i).flatMap { slotOfBits[$0] } ?? -1
            }
        }
        return KeySlots(left: leftSlots, leftCount: leftCount, right: rightSlots, count: slotOfBits.count)
    }

    /// A decimal's bits as a key: equal numbers have equal bits (`-0` is `0`); NaN is no key.
    private static func bits(_ value: Double) -> UInt64? {
        value.isNaN ? nil : value == 0 ? 0 : value.bitPattern
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
    func combined(with other: KeySlots) -> KeySlots {
        let (first, second) = (left, other.left)
        var rightSlots = [Int32](repeating: -1, count: right.count)
        let (width, overflow) = count.multipliedReportingOverflow(by: other.count)
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
            let secondCount = other.count
            return KeySlots(
                left: { rows, slots in KeySlots.pairSlots(first, second, rows, into: slots) { slotOfPair[Int($0) * secondCount + Int($1)] } },
                leftCount: leftCount,
                right: rightSlots, count: Int(next))
        }
        var slotOfPair: [Int64: Int32] = [:]
        func pair(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }
        for i in right.indices where right[i] >= 0 && other.right[i] >= 0 {
            rightSlots[i] = KeySlots.slot(of: pair(right[i], other.right[i]), in: &slotOfPair)
        }
        return KeySlots(
            left: { rows, slots in KeySlots.pairSlots(first, second, rows, into: slots) { slotOfPair[pair($0, $1)] ?? -1 } },
            leftCount: leftCount,
            right: rightSlots, count: slotOfPair.count)
    }
}

extension KeySlots {
    /// Writes the slot of each row's pair of slots (`first`'s and `second`'s) into `slots`, -1
    /// where either is.
    @inline(__always)
    fileprivate static func pairSlots(
        _ first: Writer, _ second: Writer, _ rows: Range<Int>, into slots: UnsafeMutableBufferPointer<Int32>,
        _ slotOfPair: (Int32, Int32) -> Int32
    ) {
        first(rows, slots)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: rows.count) { seconds in
            second(rows, seconds)
            for k in 0..<rows.count {
                slots[k] = slots[k] >= 0 && seconds[k] >= 0 ? slotOfPair(slots[k], seconds[k]) : -1
            }
        }
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
