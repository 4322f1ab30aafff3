/// Builds a text column's dictionary straight from field bytes: a hash of the bytes gives the code.
///
/// Distinct values are copied once into an arena; an open-addressing table of codes (linear probing,
/// kept under half full) finds them again. Codes are handed out in first-seen order.
struct TextDictionaryBuilder {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [UInt32]
    private var mask: Int

    /// An empty builder.
    init() {
        slots = Array(repeating: 0, count: 64)
        mask = 63
    }

    /// Number of distinct values so far.
    var count: Int { hashes.count }

    /// The code of the `length` bytes at `start`, adding them when new.
    mutating func code(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> UInt32 {
        let key = UnsafeBufferPointer(rebasing: bytes[start..<(start &+ length)])
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let code = Int(stored &- 1)
            if hashes[code] == hash, equals(code, key) { return stored &- 1 }
            slot = (slot &+ 1) & mask
        }
        let code = UInt32(truncatingIfNeeded: hashes.count)
        hashes.append(hash)
        arena.append(contentsOf: key)
        offsets.append(arena.count)
        slots[slot] = code &+ 1
        if hashes.count &* 2 > slots.count { grow() }
        return code
    }

    /// The dictionary of the values seen, in first-seen order; never empty, since missing rows
    /// hold code 0.
    func dictionary() -> TextDictionary {
        var values: [String] = []
        values.reserveCapacity(count)
        arena.withUnsafeBufferPointer { buffer in
            for code in 0..<count {
                let slice = UnsafeBufferPointer(rebasing: buffer[offsets[code]..<offsets[code + 1]])
                values.append(String(decoding: slice, as: UTF8.self))
            }
        }
        return TextDictionary(values.isEmpty ? [""] : values)
    }

    private func equals(_ code: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = offsets[code]
        guard offsets[code + 1] &- from == key.count else { return false }
        return arena.withUnsafeBufferPointer { buffer in
            UnsafeBufferPointer(rebasing: buffer[from..<(from &+ key.count)]).elementsEqual(key)
        }
    }

    private mutating func grow() {
        let capacity = slots.count &* 2
        slots = Array(repeating: 0, count: capacity)
        mask = capacity &- 1
        for code in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while slots[slot] != 0 { slot = (slot &+ 1) & mask }
            slots[slot] = UInt32(truncatingIfNeeded: code &+ 1)
        }
    }

    /// A fast 64-bit hash of `key`: eight bytes at a time, multiply-mixed.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return mix(state) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index &+ 8 <= key.count {
            state = mix(state ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index &+= 8
        }
        if index < key.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < key.count {
                tail |= UInt64(key[index]) &<< shift
                shift &+= 8
                index &+= 1
            }
            state = mix(state ^ tail)
        }
        return mix(state)
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
