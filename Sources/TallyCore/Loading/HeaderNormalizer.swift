/// Turns header cells into column names that are identifiers of the query language.
///
/// Rules: letters (of any script) are lower-cased and ASCII digits kept; every run of other characters
/// (spaces, punctuation, `_` itself) becomes one `_`; leading and trailing `_` are trimmed; a name that
/// starts with a digit gets a leading `_` (`2019` → `_2019`), since identifiers start with a letter or
/// `_`; a header that leaves nothing is named `column_N` after its 1-based position; a name already
/// taken gets `_2`, `_3`, … (the first free suffix). The header as written stays in `Column.originalName`.
enum HeaderNormalizer {
    /// The normalized names of `headers`, distinct and in the same order.
    static func normalize(_ headers: [String]) -> [String] {
        var taken = Set<String>()
        var names: [String] = []
        names.reserveCapacity(headers.count)
        for (index, header) in headers.enumerated() {
            var base = identifier(from: header)
            if base.isEmpty { base = "column_\(index + 1)" }
            var name = base
            var suffix = 2
            while taken.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            taken.insert(name)
            names.append(name)
        }
        return names
    }

    /// One header as an identifier, before empty names and duplicates are handled.
    static func identifier(from header: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingUnderscore = false
        for scalar in header.unicodeScalars {
            let isLetter = scalar.properties.isAlphabetic
            let isDigit = (0x30...0x39).contains(scalar.value)
            guard isLetter || isDigit else {
                pendingUnderscore = true
                continue
            }
            if pendingUnderscore, !scalars.isEmpty { scalars.append("_") }
            pendingUnderscore = false
            if isLetter {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        var name = String(scalars)
        if let first = name.unicodeScalars.first, (0x30...0x39).contains(first.value) { name = "_" + name }
        return name
    }
}
