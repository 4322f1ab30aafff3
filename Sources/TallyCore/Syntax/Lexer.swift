/// Turns the bytes of a source into tokens (section 1 of the language design).
///
/// Works on UTF-8 bytes. Comments (`--` and `#` to the end of the line) and blanks are dropped;
/// line ends become `.newline` tokens because they can end a statement. Anything unreadable
/// becomes an `.invalid` token plus a diagnostic, so the lexer never fails and never traps.
public struct Lexer {
    /// The bytes being read.
    private let bytes: [UInt8]
    /// Whether reading ends at the first problem (every later token is `.end`).
    private let stopsAtProblem: Bool
    /// The offset of the next byte.
    private var position = 0
    /// Problems found so far, in source order.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a lexer over `source`. With `stopsAtProblem`, for callers that only ask whether the text
    /// reads cleanly, reading ends at the first problem: the tokens up to it and its `.invalid` token are
    /// those a full reading gives, and whatever follows it is neither read nor reported.
    public init(_ source: SourceFile, stopsAtProblem: Bool = false) {
        self.bytes = source.bytes
        self.stopsAtProblem = stopsAtProblem
    }

    /// Reads every token, ending with one `.end` token.
    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// Reads the next token.
    public mutating func next() -> Token {
        if stopsAtProblem, !diagnostics.isEmpty { return Token(.end, span: .point(bytes.count), text: "") }
        skipBlanksAndComments()
        guard let byte = peek() else { return Token(.end, span: .point(bytes.count), text: "") }
        let start = position
        switch byte {
        case UInt8(ascii: "\n"):
            position += 1
            return Token(.newline, span: SourceSpan(start: start, end: position), text: "\n")
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return quoted(.string, closing: byte)
        case UInt8(ascii: "`"):
            return quoted(.quotedName, closing: byte)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number()
        case UInt8(ascii: "."):
            if let after = peek(1), Lexer.isDigit(after) { return number() }
            position += 1
            return Token(.dot, span: SourceSpan(start: start, end: position), text: ".")
        default:
            if Lexer.isWordStart(byte) || (byte >= 0x80 && isLetter(at: start)) { return word() }
            return punctuation(byte)
        }
    }

    // MARK: - Blanks and comments

    private mutating func skipBlanksAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == UInt8(ascii: "#") || (byte == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-")) {
                while let inComment = peek(), inComment != UInt8(ascii: "\n") { position += 1 }
            } else {
                return
            }
        }
    }

    // MARK: - Words

    private mutating func word() -> Token {
        let start = position
        while let byte = peek() {
            if Lexer.isWordStart(byte) || Lexer.isDigit(byte) {
                position += 1
            } else if byte >= 0x80, isLetter(at: position) || isDigitScalar(at: position) {
                position += Lexer.scalarLength(byte)
            } else {
                break
            }
        }
        let slice = bytes[start..<position]
        return Token(
            .word, span: SourceSpan(start: start, end: position), text: String(decoding: slice, as: UTF8.self),
            keyword: Keyword.lookup(slice))
    }

    // MARK: - Strings and backquoted names

    /// Reads `'…'`, `"…"` or `` `…` ``; a doubled closing quote inside stands for one.
    private mutating func quoted(_ kind: Token.Kind, closing: UInt8) -> Token {
        let start = position
        position += 1
        var value: [UInt8] = []
        while let byte = peek() {
            position += 1
            if byte == closing {
                if peek() == closing {
                    value.append(byte)
                    position += 1
                    continue
                }
                let text = String(decoding: value, as: UTF8.self)
                let span = SourceSpan(start: start, end: position)
                if kind == .quotedName && text.isEmpty {
                    report("empty-name", "a backquoted name cannot be empty", span, label: "write a name between the backquotes")
                    return Token(.invalid, span: span, text: "``")
                }
                return Token(kind, span: span, text: text)
            }
            value.append(byte)
        }
        let quote = String(UnicodeScalar(closing))
        let what = kind == .string ? "string" : "backquoted name"
        let lineEnd = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        report(
            kind == .string ? "unterminated-string" : "unterminated-name", "unterminated \(what)",
            SourceSpan(start: start, end: lineEnd), label: "the closing \(quote) is missing")
        return Token(.invalid, span: SourceSpan(start: start, end: position), text: quote)
    }

    // MARK: - Numbers

    /// Reads `2012`, `2.5`, `.5`, `1e3`, `1_000`; a number running into letters is one invalid token.
    private mutating func number() -> Token {
        let start = position
        var digits: [UInt8] = []
        readDigits(into: &digits)
        if peek() == UInt8(ascii: "."), let after = peek(1), Lexer.isDigit(after) {
            digits.append(UInt8(ascii: "."))
            position += 1
            readDigits(into: &digits)
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var lookahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { lookahead = 2 }
            if let first = peek(lookahead), Lexer.isDigit(first) {
                digits.append(contentsOf: bytes[position..<(position + lookahead)])
                position += lookahead
                readDigits(into: &digits)
            }
        }
        if let byte = peek(), Lexer.isWordStart(byte) || byte == UInt8(ascii: ".") || byte >= 0x80 {
            while let more = peek(), Lexer.isWordStart(more) || Lexer.isDigit(more) || more == UInt8(ascii: ".") || more >= 0x80 {
                position += 1
            }
            let span = SourceSpan(start: start, end: position)
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            report("invalid-number", "invalid number '\(text)'", span, label: "a number is digits with an optional fraction and exponent")
            return Token(.invalid, span: span, text: text)
        }
        return Token(.number, span: SourceSpan(start: start, end: position), text: String(decoding: digits, as: UTF8.self))
    }

    private mutating func readDigits(into digits: inout [UInt8]) {
        while let byte = peek(), Lexer.isDigit(byte) || byte == UInt8(ascii: "_") {
            if byte != UInt8(ascii: "_") { digits.append(byte) }
            position += 1
        }
    }

    // MARK: - Operators and punctuation

    private mutating func punctuation(_ byte: UInt8) -> Token {
        let start = position
        let second = peek(1)
        /// The token `text` (ASCII, so its bytes are the source's) starting here, of `kind`.
        func make(_ kind: Token.Kind, _ text: String) -> Token {
            position += text.utf8.count
            return Token(kind, span: SourceSpan(start: start, end: position), text: text)
        }
        switch byte {
        case UInt8(ascii: ";"): return make(.semicolon, ";")
        case UInt8(ascii: ","): return make(.comma, ",")
        case UInt8(ascii: "("): return make(.leftParen, "(")
        case UInt8(ascii: ")"): return make(.rightParen, ")")
        case UInt8(ascii: "+"): return make(.plus, "+")
        case UInt8(ascii: "-"): return make(.minus, "-")
        case UInt8(ascii: "*"): return make(.star, "*")
        case UInt8(ascii: "/"): return make(.slash, "/")
        case UInt8(ascii: "%"): return make(.percent, "%")
        case UInt8(ascii: "="): return second == UInt8(ascii: "=") ? make(.equal, "==") : make(.equal, "=")
        case UInt8(ascii: "!"):
            if second == UInt8(ascii: "=") { return make(.notEqual, "!=") }
            return invalid(start: start, length: 1, label: "write '!=' to compare, or 'not'")
        case UInt8(ascii: "<"):
            if second == UInt8(ascii: "=") { return make(.lessOrEqual, "<=") }
            if second == UInt8(ascii: ">") { return make(.notEqual, "<>") }
            return make(.less, "<")
        case UInt8(ascii: ">"): return second == UInt8(ascii: "=") ? make(.greaterOrEqual, ">=") : make(.greater, ">")
        case UInt8(ascii: "&"): return invalid(start: start, length: second == byte ? 2 : 1, label: "write 'and'")
        case UInt8(ascii: "|"):
            if second == byte { return make(.concat, "||") }
            return invalid(start: start, length: 1, label: "write 'or', or '||' to join text")
        default: return invalid(start: start, length: Lexer.scalarLength(byte))
        }
    }

    private mutating func invalid(start: Int, length: Int, label: String? = nil) -> Token {
        position = min(start + length, bytes.count)
        let span = SourceSpan(start: start, end: position)
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        report("invalid-character", "unexpected character '\(text)'", span, label: label)
        return Token(.invalid, span: span, text: text)
    }

    private mutating func report(_ code: String, _ message: String, _ span: SourceSpan, label: String? = nil) {
        diagnostics.append(.error(code, message, at: span, label: label))
    }

    // MARK: - Bytes

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let index = position + ahead
        return index < bytes.count ? bytes[index] : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// ASCII letters and `_`.
    private static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    /// The length of the UTF-8 sequence a leading byte opens (1 for a stray continuation byte).
    private static func scalarLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }

    /// The non-ASCII scalar starting at `offset`, if it is complete.
    private func scalar(at offset: Int) -> Unicode.Scalar? {
        let end = offset + Lexer.scalarLength(bytes[offset])
        guard end <= bytes.count else { return nil }
        var sequence = bytes[offset..<end].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&sequence) else { return nil }
        return scalar
    }

    /// Whether a letter (or a combining mark, as in a decomposed `ü`) starts at `offset`.
    private func isLetter(at offset: Int) -> Bool {
        guard let scalar = scalar(at: offset) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    private func isDigitScalar(at offset: Int) -> Bool {
        scalar(at: offset)?.properties.numericType != nil
    }
}
