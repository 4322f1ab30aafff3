extension String {
    /// The text with every Unicode scalar for which `replacement` gives a text replaced by that
    /// text. It works on scalars, not characters: a quote or a line break followed by a combining
    /// mark is one character to Swift, but still a quote or a line break to whatever reads the
    /// text (tally's lexer, a CSV reader, an SQL engine), so escaping by character lets it through.
    func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if let replaced = replacement(scalar) { result.append(contentsOf: replaced.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }

    /// The text with every `scalar` doubled, as CSV, SQL and tally's strings escape their quote.
    func doubling(_ scalar: Unicode.Scalar) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        return replacingScalars { $0 == scalar ? String(scalar) + String(scalar) : nil }
    }
}
