/// How many terminal cells text takes: combining marks take none, East Asian wide
/// characters and most emoji take two, everything else one.
public enum DisplayWidth {
    /// Display width of UTF-8 bytes (invalid bytes count one cell each).
    public static func of<Bytes: Collection>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        of(String(decoding: bytes, as: UTF8.self))
    }

    /// Display width of a string.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// Display width of one scalar.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }  // printable ASCII, without the property lookup
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
            || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
            || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
            || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD)
    }

    /// Pads `text` with spaces to `width` display cells, on the left when `alignRight`.
    public static func pad(_ text: String, to width: Int, alignRight: Bool) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let fill = spaces(missing)
        return alignRight ? fill + text : text + fill
    }

    /// `count` spaces (none for a count below one), written byte by byte: padding is drawn for
    /// every cell of a table, and repeating a character appends it one at a time.
    public static func spaces(_ count: Int) -> String {
        let count = max(count, 0)
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: UInt8(ascii: " "))
            return count
        }
    }

    /// Cuts `text` to at most `width` cells, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width >= 1 else { return "" }
        var result = "", used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

extension DisplayWidth {
    /// Cuts `text` to at most `width` cells like `truncate`, but at the last space when one
    /// falls in the second half, so that a cut list or sentence ends at a whole word:
    /// `new (6,933), appeal (1,698), …` becomes `new (6,933), …`.
    public static func truncateAtWord(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        guard cut != text, let space = cut.lastIndex(of: " ") else { return cut }
        var word = cut[..<space]
        let endsItem = word.last == "," || word.last == ";"
        while let last = word.last, last == "," || last == ";" || last == " " { word = word.dropLast() }
        let shorter = String(word) + (endsItem ? ", …" : " …")
        return !word.isEmpty && of(shorter) <= width && of(String(word)) * 2 >= width ? shorter : cut
    }
}

extension DisplayWidth {
    /// The end of `text` that fits in `width` cells (whole characters).
    public static func tail(_ text: String, to width: Int) -> String {
        var kept: [Character] = [], used = 0
        for character in text.reversed() {
            let cells = of(String(character))
            if used + cells > width { break }
            kept.append(character)
            used += cells
        }
        return String(kept.reversed())
    }
}
