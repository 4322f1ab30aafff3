/// Checks that a file's bytes are text: not compressed or archived, no NUL bytes, valid UTF-8.
enum TextValidator {
    /// Why the start of a file is not text, or nil when it may be: gzip or zip magic, UTF-16 text (a
    /// UTF-16 byte-order mark, or a NUL byte beside the first character), or a NUL byte.
    static func binaryKind(of bytes: [UInt8]) -> String? {
        if bytes.count >= 2, bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF || (bytes[0] == 0) != (bytes[1] == 0) {
            return "it looks like UTF-16 text; convert it to UTF-8, e.g. with `iconv -f UTF-16 -t UTF-8 FILE > NEW`"
        }
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            return "it looks like gzip-compressed data"
        }
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
            return "it looks like a zip archive, such as an .xlsx workbook"
        }
        if bytes.contains(0) { return nulBytes }
        return nil
    }

    /// How much of the start of a file `binaryKind` looks at: 64 KiB.
    static let headBytes = 1 << 16

    /// The wording for a file holding NUL bytes.
    static let nulBytes = "it contains NUL bytes"

    /// Throws when `bytes` hold a NUL byte or are not valid UTF-8, at the first byte of the first bad sequence.
    ///
    /// Eight ASCII bytes at a time on the fast path; multi-byte sequences are checked per RFC 3629
    /// (no overlong forms, no surrogates, nothing above U+10FFFF).
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) throws(LoadError) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            if index &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let hasHighBit = word & 0x8080_8080_8080_8080 != 0
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                if !hasHighBit && !hasZero {
                    index &+= 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                if lead == 0 { throw .nulByte(offset: index) }
                index &+= 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: throw .invalidUTF8(offset: index)
            }
            for step in 1..<length {
                let position = index &+ step
                guard position < count else { throw .invalidUTF8(offset: index) }
                let byte = base[position]
                let (lower, upper) = step == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= lower, byte <= upper else { throw .invalidUTF8(offset: index) }
            }
            index &+= length
        }
    }
}
