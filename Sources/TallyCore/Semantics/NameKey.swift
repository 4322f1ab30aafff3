/// A name or code prepared for loose matching: folded text and its words.
///
/// `text` is the folded form (`TextFolding`) with surrounding spaces trimmed, runs of spaces
/// collapsed and typographic apostrophes made plain, so `" Côte  d’Ivoire"` and
/// `"cote d'ivoire"` have equal texts. `words` are the runs of letters and digits of `text`
/// (`"Guinea-Bissau"` → `guinea`, `bissau`; `"Dem. People's Rep."` → `dem`, `people`, `s`, `rep`).
struct NameKey: Sendable, Equatable {
    /// The normalized, folded text.
    let text: String
    /// The runs of letters and digits, in order.
    let words: [String]

    /// Prepares `raw` for matching.
    init(_ raw: String) {
        var normalized = String.UnicodeScalarView()
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in TextFolding.fold(raw).unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace {
                pendingSpace = !normalized.isEmpty
            } else {
                if pendingSpace { normalized.append(" ") }
                pendingSpace = false
                normalized.append(NameKey.isApostrophe(scalar) ? "'" : scalar)
            }
            if properties.isAlphabetic || properties.numericType != nil {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        self.text = String(normalized)
        self.words = words
    }

    /// Number of letters and digits.
    var letterCount: Int { words.reduce(0) { $0 &+ $1.unicodeScalars.count } }

    /// Whether the words of `query` are prefixes of consecutive words of this key, the first
    /// starting at any word (`great brit` fits "United Kingdom of Great Britain…").
    func hasWordPrefix(_ query: NameKey) -> Bool {
        let count = query.words.count
        guard count > 0, count <= words.count else { return false }
        for start in 0...(words.count - count) {
            var matches = true
            for (offset, queryWord) in query.words.enumerated() where !words[start + offset].hasPrefix(queryWord) {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    /// Whether `scalar` is an apostrophe look-alike (’ ‘ ʼ) that should compare as `'`.
    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}"
    }
}
