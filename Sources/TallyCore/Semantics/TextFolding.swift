/// Folds text for loose comparison: lower case, no diacritics (`Türkiye` → `turkiye`).
///
/// Letters of the Latin-1 Supplement and Latin Extended-A blocks map to their plain ASCII
/// base through a table (`ß` → `ss`, `Æ` → `ae`, `Ł` → `l`); combining marks (Unicode general
/// category nonspacing mark) are dropped, so a decomposed `e` + U+0301 folds like `é`; every
/// other scalar is lowercased. Plain ASCII text takes a fast path with no table look-ups.
public enum TextFolding {
    /// `s` lowercased with its diacritics removed.
    public static func fold(_ s: String) -> String {
        var isASCII = true
        var hasUpper = false
        for byte in s.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        if isASCII {
            guard hasUpper else { return s }
            return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            appendFolded(scalar, to: &result)
        }
        return String(result)
    }

    /// Appends the folded form of one scalar.
    private static func appendFolded(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            result.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value) | 0x20) : scalar)
            return
        }
        if value >= latinTableStart && value < latinTableStart + UInt32(latinTable.count) {
            let replacement = latinTable[Int(value - latinTableStart)]
            if !replacement.isEmpty {
                result.append(contentsOf: replacement.unicodeScalars)
                return
            }
        }
        if scalar.properties.generalCategory == .nonspacingMark { return }
        result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }

    /// The first scalar covered by `latinTable` (À, U+00C0).
    private static let latinTableStart: UInt32 = 0xC0

    /// The ASCII base of each scalar from U+00C0 to U+017F; empty for the two signs (× ÷)
    /// that are not letters.
    private static let latinTable: [String] = [
        // U+00C0 À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        // U+00D0 Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
        // U+00E0 à á â ã ä å æ ç è é ê ë ì í î ï
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        // U+00F0 ð ñ ò ó ô õ ö ÷ ø ù ú û ü ý þ ÿ
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        // U+0100 Ā ā Ă ă Ą ą Ć ć Ĉ ĉ Ċ ċ Č č Ď ď
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
        // U+0110 Đ đ Ē ē Ĕ ĕ Ė ė Ę ę Ě ě Ĝ ĝ Ğ ğ
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
        // U+0120 Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ Ĩ ĩ Ī ī Ĭ ĭ Į į
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
        // U+0130 İ ı Ĳ ĳ Ĵ ĵ Ķ ķ ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
        // U+0140 ŀ Ł ł Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
        // U+0150 Ő ő Œ œ Ŕ ŕ Ŗ ŗ Ř ř Ś ś Ŝ ŝ Ş ş
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
        // U+0160 Š š Ţ ţ Ť ť Ŧ ŧ Ũ ũ Ū ū Ŭ ŭ Ů ů
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
        // U+0170 Ű ű Ų ų Ŵ ŵ Ŷ ŷ Ÿ Ź ź Ż ż Ž ž ſ
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
    ]
}
