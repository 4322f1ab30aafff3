/// Builds a text column's dictionary straight from field bytes: a hash of the bytes gives the code.
///
/// Distinct values are copied once into an arena; an open-addressing table of codes (linear probing,
/// kept under half full, each slot holding the code and 32 bits of the hash) finds them again without
/// building a `String`. Codes are handed out in first-seen order.
struct TextDictionaryBuilder {
    private var arena: [UInt8] = []
    /// Where each value ends in the arena; value `i` starts where value `i - 1` ends.
    private var ends: [Int] = []
    /// Per slot: 0 when free, else the high 32 bits of the hash and the code + 1 in the low 32 bits.
    private var slots: [UInt64]
    private var mask: Int
    /// The memory the finished dictionary's strings will take (see `memoryBytes`).
    private var stringBytes = 0

    /// Slots of a table's first allocation.
    private static let initialSlots = 64

    /// An empty builder; its table is allocated with the first value (most chunks of a wide file
    /// never hold text).
    init() {
        slots = []
        mask = 0
    }

    /// Number of distinct values so far.
    var count: Int { ends.count }

    /// The memory the builder holds, plus what the finished dictionary's strings will take: 16 bytes
    /// each, and the value's bytes with a header when it is too long to be stored inline.
    var memoryBytes: Int {
        MemoryBudget.heapBytes(arena) &+ MemoryBudget.heapBytes(ends) &+ MemoryBudget.heapBytes(slots) &+ stringBytes
    }

    /// Forgets every value, keeping the memory for reuse.
    mutating func removeAll() {
        guard !ends.isEmpty else { return }
        arena.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        stringBytes = 0
    }

    /// The code of the `length` bytes at `start` of `bytes`, adding them when new.
    @inline(__always)
    mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> UInt32 {
        code(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<(start &+ length)]))
    }

    /// The code of `key`, adding it when new.
    mutating func code(_ key: UnsafeRawBufferPointer) -> UInt32 {
        if slots.isEmpty {
            slots = Array(repeating: 0, count: Self.initialSlots)
            mask = Self.initialSlots &- 1
        }
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            if stored & 0xFFFF_FFFF_0000_0000 == tag {
                let code = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) &- 1
                if equals(code, key) { return UInt32(truncatingIfNeeded: code) }
            }
            slot = (slot &+ 1) & mask
        }
        let code = ends.count
        arena.append(contentsOf: key)
        ends.append(arena.count)
        stringBytes &+= key.count > 15 ? 16 &+ MemoryBudget.arrayOverhead &+ key.count : 16
        slots[slot] = tag | UInt64(code &+ 1)
        if ends.count &* 2 > slots.count { grow() }
        return UInt32(truncatingIfNeeded: code)
    }

    /// Calls `body` with the bytes of each value, in code order.
    func forEachValue(_ body: (UnsafeRawBufferPointer) -> Void) {
        arena.withUnsafeBytes { buffer in
            var from = 0
            for end in ends {
                body(UnsafeRawBufferPointer(rebasing: buffer[from..<end]))
                from = end
            }
        }
    }

    /// The dictionary of the values seen, in first-seen order; never empty, since missing rows
    /// hold code 0.
    func dictionary() -> TextDictionary {
        var values: [String] = []
        values.reserveCapacity(count)
        forEachValue { values.append(String(decoding: $0, as: UTF8.self)) }
        return TextDictionary(values.isEmpty ? [""] : values)
    }

    private func equals(_ code: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let from = code == 0 ? 0 : ends[code &- 1]
        guard ends[code] &- from == key.count else { return false }
        return arena.withUnsafeBytes { buffer in
            Self.equalBytes(UnsafeRawBufferPointer(rebasing: buffer[from..<(from &+ key.count)]), key)
        }
    }

    /// Whether two buffers of the same length hold the same bytes, compared eight at a time.
    private static func equalBytes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        let count = left.count
        guard count > 0, let a = left.baseAddress, let b = right.baseAddress else { return true }
        if count >= 8 {
            var index = 0
            while index &+ 8 < count {
                if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                    return false
                }
                index &+= 8
            }
            let last = count &- 8
            return a.loadUnaligned(fromByteOffset: last, as: UInt64.self) == b.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        }
        return shortWord(a, count) == shortWord(b, count)
    }

    private mutating func grow() {
        let capacity = slots.count &* 2
        var grown = [UInt64](repeating: 0, count: capacity)
        let newMask = capacity &- 1
        arena.withUnsafeBytes { buffer in
            var from = 0
            for (code, end) in ends.enumerated() {
                let hash = Self.hash(UnsafeRawBufferPointer(rebasing: buffer[from..<end]))
                var slot = Int(truncatingIfNeeded: hash) & newMask
                while grown[slot] != 0 { slot = (slot &+ 1) & newMask }
                grown[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(code &+ 1)
                from = end
            }
        }
        slots = grown
        mask = newMask
    }

    /// Up to seven bytes packed into one word (their order kept, so equal words mean equal bytes).
    @inline(__always)
    private static func shortWord(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
        if count >= 4 {
            let low = UInt64(base.loadUnaligned(as: UInt32.self))
            let high = UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            return low | high &<< 32
        }
        guard count > 0 else { return 0 }
        let first = UInt64(base.load(as: UInt8.self))
        let middle = UInt64(base.load(fromByteOffset: count &>> 1, as: UInt8.self))
        let last = UInt64(base.load(fromByteOffset: count &- 1, as: UInt8.self))
        return first | middle &<< 8 | last &<< 16
    }

    /// A fast 64-bit hash of `key`: eight bytes at a time (the last word overlapping), multiply-mixed.
    @inline(__always)
    private static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        let count = key.count
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        guard let base = key.baseAddress, count > 0 else { return mix(state) }
        if count < 8 { return mix(state ^ shortWord(base, count)) }
        var index = 0
        while index &+ 8 < count {
            state = mix(state ^ base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index &+= 8
        }
        return mix(state ^ base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x &>> 32
        x = x &* 0xD6E8_FEB8_6659_FD93
        x ^= x &>> 32
        return x
    }
}
