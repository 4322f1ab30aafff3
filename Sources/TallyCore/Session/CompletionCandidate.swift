/// Something the completer may offer, before it is matched against the word being typed.
enum CompletionCandidate: Equatable {
    /// A keyword (or a two-word keyword such as `group by`).
    case keyword(String)
    /// A dataset name.
    case dataset(String)
    /// A column name.
    case column(String)
    /// A scalar function's name, offered only once a letter of it is typed (so an empty word
    /// lists the columns alone).
    case function(String)
    /// A value of a column.
    case value(String)
    /// A country, by its name and aliases, then its codes: a name or alias typed in full, else the
    /// first spelling that fits, is offered, so each country is offered once (`Geo` gives
    /// `Georgia`, not also `GEO`).
    case country(names: [String], codes: [String])

    /// How the candidate is written to replace `partial`, or nil when it does not match it.
    /// Matching is a case-insensitive prefix test on the name or value itself, so a value that
    /// needs quotes still matches an unquoted prefix. `prefix` is `partial.text.lowercased()`,
    /// lowered once for all the candidates of a completion.
    func rendered(matching partial: CompletionToken, lowered prefix: String) -> String? {
        switch (self, partial.kind) {
        case (.keyword(let word), .word):
            return Self.lowered(word, startsWith: prefix) ? word : nil
        case (.function(let name), .word):
            return !prefix.isEmpty && name.hasPrefix(prefix) ? name : nil
        case (.dataset(let name), .word), (.column(let name), .word):
            guard Self.lowered(name, startsWith: prefix) else { return nil }
            return Self.isPlainWord(name) ? name : "`" + name + "`"
        case (.dataset(let name), .quotedName), (.column(let name), .quotedName):
            return Self.lowered(name, startsWith: prefix) ? "`" + name + "`" : nil
        case (.value(let value), .word):
            guard Self.lowered(value, startsWith: prefix) else { return nil }
            return Self.isPlainWord(value) && !["and", "or", "not"].contains(value.lowercased())
                ? value : Self.quote(value, with: "\"")
        case (.value(let value), .string):
            return Self.lowered(value, startsWith: prefix) ? Self.quote(value, with: partial.quote) : nil
        case (.country(let names, let codes), _):
            let exact = names.first { $0.lowercased() == prefix }
            return ((exact.map { [$0] } ?? []) + names + codes).lazy
                .compactMap { CompletionCandidate.value($0).rendered(matching: partial, lowered: prefix) }.first
        default:
            return nil
        }
    }

    /// Whether `text.lowercased().hasPrefix(prefix)`, for a `prefix` already lower-cased; when the
    /// bytes compared are plain ASCII (one character each: no line-feed pair, no combining mark after
    /// them) it compares them, lowering as it goes, without building the lower-cased copy.
    static func lowered(_ text: String, startsWith prefix: String) -> Bool {
        guard !prefix.isEmpty else { return true }
        var textBytes = text.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard expected < 0x80, expected != UInt8(ascii: "\r"), let byte = textBytes.next(), byte < 0x80 else {
                return text.lowercased().hasPrefix(prefix)
            }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if lower != expected { return false }
        }
        if let next = textBytes.next(), next >= 0x80 { return text.lowercased().hasPrefix(prefix) }
        return true
    }

    /// Whether `text` can be typed bare: an ASCII letter or `_`, then letters, digits and `_`.
    static func isPlainWord(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return text.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }

    /// Whether `byte` is an ASCII letter.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// `text` between `quote`s, with any quote inside doubled.
    static func quote(_ text: String, with quote: Character) -> String {
        var result = String(quote)
        for character in text {
            result.append(character)
            if character == quote { result.append(quote) }
        }
        result.append(quote)
        return result
    }
}
