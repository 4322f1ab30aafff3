/// A token as the completer sees it: a light reading of the line typed so far, which tolerates
/// unfinished strings and never fails.
struct CompletionToken: Equatable {
    /// What kind of text a token is.
    enum Kind: Equatable {
        /// A keyword, identifier or number.
        case word
        /// A quoted string; `text` is its content.
        case string
        /// A backquoted name; `text` is its content.
        case quotedName
        /// Punctuation or an operator.
        case symbol
    }

    /// The kind.
    let kind: Kind
    /// The text (the content, for strings and backquoted names).
    let text: String
    /// Byte offset of the token's first byte (its opening quote, if any) in the line.
    let start: Int
    /// The opening quote of a string (`'` or `"`).
    let quote: Character
    /// The lower-cased text of a word; nil for other kinds. Lowered once: the completer asks for it
    /// of every token, often more than once.
    let word: String?

    /// A token of `kind` reading `text` from byte `start` (opened by `quote`, for a string).
    init(kind: Kind, text: String, start: Int, quote: Character = "\"") {
        self.kind = kind
        self.text = text
        self.start = start
        self.quote = quote
        word = kind == .word ? Completer.lowercased(text) : nil
    }

    /// The name a word or backquoted name stands for; empty for other kinds.
    var name: String { kind == .word || kind == .quotedName ? text : "" }

    /// Whether this is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}

/// Splits the text before the cursor into complete tokens and the partial word at the cursor.
enum CompletionTokenizer {
    /// The tokens before the cursor, and the (possibly empty) word being typed.
    struct Tokens {
        /// Tokens that end before the word being typed.
        var complete: [CompletionToken]
        /// The word being typed: a `.word`, or an unclosed `.string` or `.quotedName`.
        var partial: CompletionToken
    }

    /// Reads `line` up to byte offset `cursor`; nil when the cursor is inside a comment.
    static func tokenize(prefixOf line: String, cursor: Int) -> Tokens? {
        let bytes = Array(line.utf8.prefix(max(0, cursor)))
        let end = bytes.count
        var tokens: [CompletionToken] = []
        var index = 0
        while index < end {
            let byte = bytes[index]
            let start = index
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if byte == UInt8(ascii: "#") || (byte == UInt8(ascii: "-") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "-")) {
                guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return nil }
                index = newline + 1
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                let (content, closedAt) = quoted(bytes, from: index)
                let kind: CompletionToken.Kind = byte == UInt8(ascii: "`") ? .quotedName : .string
                let token = CompletionToken(kind: kind, text: content, start: start, quote: Character(Unicode.Scalar(byte)))
                guard let closedAt else { return Tokens(complete: tokens, partial: token) }
                tokens.append(token)
                index = closedAt + 1
            } else if isWordByte(byte) {
                while index < end && isWordByte(bytes[index]) { index += 1 }
                let token = CompletionToken(kind: .word, text: String(decoding: bytes[start..<index], as: UTF8.self), start: start)
                if index == end { return Tokens(complete: tokens, partial: token) }
                tokens.append(token)
            } else {
                index += index + 1 < end && isTwoByteOperator(byte, bytes[index + 1]) ? 2 : 1
                tokens.append(CompletionToken(kind: .symbol, text: String(decoding: bytes[start..<index], as: UTF8.self), start: start))
            }
        }
        return Tokens(complete: tokens, partial: CompletionToken(kind: .word, text: "", start: end))
    }

    /// The content of the quoted text opening at `start` (a doubled quote is one quote) and the
    /// offset of its closing quote, nil when it is still open.
    private static func quoted(_ bytes: [UInt8], from start: Int) -> (String, Int?) {
        let quote = bytes[start]
        var content: [UInt8] = []
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == quote {
                guard index + 1 < bytes.count, bytes[index + 1] == quote else {
                    return (String(decoding: content, as: UTF8.self), index)
                }
                index += 1
            }
            content.append(bytes[index])
            index += 1
        }
        return (String(decoding: content, as: UTF8.self), nil)
    }

    /// Whether `byte` belongs in a word: ASCII letters, digits, `_`, `.`, and any non-ASCII byte.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Whether the two bytes form one operator (`==`, `!=`, `<>`, `<=`, `>=`).
    private static func isTwoByteOperator(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first, second) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")), (UInt8(ascii: "!"), UInt8(ascii: "=")),
             (UInt8(ascii: "<"), UInt8(ascii: ">")), (UInt8(ascii: "<"), UInt8(ascii: "=")),
             (UInt8(ascii: ">"), UInt8(ascii: "=")):
            return true
        default:
            return false
        }
    }
}
