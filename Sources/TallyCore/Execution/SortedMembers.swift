/// The members of an `in (…)` list of one number type, sorted so that a value is looked up by
/// binary search: no hashing and no boxing per row.
struct SortedMembers<Number: Comparable> {
    private let members: [Number]

    /// The members among `values` that `number` reads as this type.
    init(_ values: [Value], _ number: (Value) -> Number?) {
        members = values.compactMap(number).sorted()
    }

    /// Whether `value` is a member.
    @inline(__always)
    func contains(_ value: Number) -> Bool {
        var low = 0, high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < members.count && members[low] == value
    }
}

extension Value {
    /// The whole number this value holds, if it is one.
    var integerMember: Int64? { if case .integer(let v) = self { return v } else { return nil } }
    /// The day number of the date this value holds, if it is one (every date fits 32 bits).
    var dayMember: Int32? { if case .calendar(let v, .date) = self { return Int32(exactly: v) } else { return nil } }
    /// The decimal this value holds, if it is one.
    var decimalMember: Double? { if case .decimal(let v) = self { return v } else { return nil } }
}
