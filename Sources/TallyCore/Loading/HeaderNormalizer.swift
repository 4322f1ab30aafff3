/// Turns header cells into column names that are identifiers of the query language.
///
/// Rules: letters (of any script) are lower-cased and ASCII digits kept; every run of other characters
/// (spaces, punctuation, `_` itself) becomes one `_`; leading and trailing `_` are trimmed; a name that
/// starts with a digit gets a leading `_` (`2019` → `_2019`), since identifiers start with a letter or
/// `_`; a header that leaves nothing is named `column_N` after its 1-based position; each name is given
/// first to the first header that makes it, and a later header that makes the same name gets `_2`,
/// `_3`, … (the first suffix no header makes and no earlier duplicate took, so `a,a,a_2` becomes
/// `a`, `a_3`, `a_2`). Both steps take time in proportion to the header's length. The header as written stays in `Column.originalName`.
enum HeaderNormalizer {
    /// The normalized names of `headers`, distinct and in the same order.
    static func normalize(_ headers: [String]) -> [String] {
        var names = headers.enumerated().map { index, header in
            let base = identifier(from: header)
            return base.isEmpty ? "column_\(index + 1)" : base
        }
        var taken = Set(names)
        var firstHolder = Set<String>()
        var nextSuffix: [String: Int] = [:]
        for index in names.indices where !firstHolder.insert(names[index]).inserted {
            let base = names[index]
            var suffix = nextSuffix[base] ?? 2
            while taken.contains("\(base)_\(suffix)") { suffix += 1 }
            names[index] = "\(base)_\(suffix)"
            taken.insert(names[index])
            nextSuffix[base] = suffix + 1
        }
        return names
    }

    /// One header as an identifier, before empty names and duplicates are handled.
    static func identifier(from header: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(header.utf8.count + 1)
        var pendingUnderscore = false
        for scalar in header.unicodeScalars {
            let isDigit = (0x30...0x39).contains(scalar.value)
            let isLetter = scalar.isASCII ? (0x41...0x5A).contains(scalar.value & 0xDF) : scalar.properties.isAlphabetic  // 0xDF: upper case
            guard isLetter || isDigit else {
                pendingUnderscore = true
                continue
            }
            if pendingUnderscore, !bytes.isEmpty { bytes.append(UInt8(ascii: "_")) }
            if bytes.isEmpty, isDigit { bytes.append(UInt8(ascii: "_")) }
            pendingUnderscore = false
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value) | (isLetter ? 0x20 : 0))
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars { UTF8.encode(lowered) { bytes.append($0) } }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
