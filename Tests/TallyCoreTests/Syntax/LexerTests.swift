import Testing
@testable import TallyCore

@Suite struct LexerTests {
    /// Kinds and texts of the tokens of `text`, without the final `.end`.
    func lex(_ text: String) -> [String] {
        var lexer = Lexer(SourceFile(name: "<test>", text: text))
        return lexer.tokenize().dropLast().map { token in
            switch token.kind {
            case .word: return token.keyword.map { "kw:\($0.rawValue)" } ?? "id:\(token.text)"
            case .quotedName: return "name:\(token.text)"
            case .string: return "str:\(token.text)"
            case .number: return "num:\(token.text)"
            case .newline: return "nl"
            case .invalid: return "invalid:\(token.text)"
            default: return token.text
            }
        }
    }

    @Test func wordsAndKeywords() {
        #expect(lex("applicants WHERE Origin") == ["id:applicants", "kw:where", "id:Origin"])
        #expect(lex("_x1 year kind unit") == ["id:_x1", "id:year", "id:kind", "id:unit"])
        #expect(lex("Türkiye São_Paulo") == ["id:Türkiye", "id:São_Paulo"])
        #expect(lex("Group BY Sort by") == ["kw:group", "kw:by", "kw:sort", "kw:by"])
    }

    @Test func backquotedNames() {
        #expect(lex("`Country of asylum` `count` `a``b`") == ["name:Country of asylum", "name:count", "name:a`b"])
    }

    @Test func strings() {
        #expect(lex("'it''s' \"say \"\"hi\"\"\" ''") == ["str:it's", "str:say \"hi\"", "str:"])
        #expect(lex("'two\nlines'") == ["str:two\nlines"])
        #expect(lex("'Türkiye'") == ["str:Türkiye"])
    }

    @Test func numbers() {
        #expect(lex("2012 2.5 1e3 1E-2 1_000 .5 08123") == ["num:2012", "num:2.5", "num:1e3", "num:1E-2", "num:1000", "num:.5", "num:08123"])
        #expect(lex("year -3") == ["id:year", "-", "num:3"])
        #expect(lex("12abc") == ["invalid:12abc"])
        #expect(lex("2.x") == ["invalid:2.x"])
    }

    @Test func operators() {
        #expect(lex("= == != <> < <= > >= + - * / ( ) , ; %") == [
            "=", "==", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/", "(", ")", ",", ";", "%",
        ])
        var lexer = Lexer(SourceFile(name: "<test>", text: "== <>"))
        #expect(lexer.tokenize().map(\.kind) == [.equal, .notEqual, .end])
    }

    @Test func commentsAndNewlines() {
        #expect(lex("a -- comment\nb # another\n\nc") == ["id:a", "nl", "id:b", "nl", "nl", "id:c"])
        #expect(lex("a\r\nb") == ["id:a", "nl", "id:b"])
        #expect(lex("x--3") == ["id:x"])
    }

    @Test func spansAreByteOffsets() {
        var lexer = Lexer(SourceFile(name: "<test>", text: "name = 'Türkiye' and x"))
        let spans = lexer.tokenize().map(\.span)
        #expect(spans == [
            SourceSpan(start: 0, end: 4), SourceSpan(start: 5, end: 6), SourceSpan(start: 7, end: 17),
            SourceSpan(start: 18, end: 21), SourceSpan(start: 22, end: 23), SourceSpan(start: 23, end: 23),
        ])
    }

    @Test func badInputBecomesInvalidTokens() {
        var lexer = Lexer(SourceFile(name: "<test>", text: "a $ b ! 'open"))
        let tokens = lexer.tokenize()
        #expect(tokens.map(\.kind) == [.word, .invalid, .word, .invalid, .invalid, .end])
        #expect(lexer.diagnostics.map(\.code) == ["invalid-character", "invalid-character", "unterminated-string"])
    }

    @Test func unterminatedStringSpanEndsAtItsLine() {
        var lexer = Lexer(SourceFile(name: "<test>", text: "x = 'ab\ncd"))
        _ = lexer.tokenize()
        #expect(lexer.diagnostics.first?.span == SourceSpan(start: 4, end: 7))
    }

    @Test func neverTrapsOnOddBytes() {
        for text in ["\u{0}", "é", "\u{301}", "日本", "`", "'", "\"", ".", "1e", "1e+", "🙂", "a\u{0}b"] {
            var lexer = Lexer(SourceFile(name: "<test>", text: text))
            #expect(lexer.tokenize().last?.kind == .end)
        }
    }

    /// A lexer that stops at its first problem gives the tokens and the one diagnostic a full reading
    /// gives up to that problem, then the end; on clean text it reads everything.
    @Test(arguments: [
        "t where x = 1 & y ! z", "a 'open", "12abc then `` and more", "where (x\n@ 1\n|", "`` first", "clean text = 1\n",
    ])
    func stoppingAtTheFirstProblem(text: String) {
        var full = Lexer(SourceFile(name: "<test>", text: text))
        let all = full.tokenize()
        var stopping = Lexer(SourceFile(name: "<test>", text: text), stopsAtProblem: true)
        let read = stopping.tokenize()
        let upTo = all.firstIndex { $0.kind == .invalid }.map { $0 + 1 } ?? all.count
        #expect(Array(read.dropLast()) == Array(all.prefix(upTo)).filter { $0.kind != .end })
        #expect(read.last?.kind == .end)
        #expect(stopping.diagnostics == Array(full.diagnostics.prefix(1)))
    }

    @Test func keywordTable() {
        #expect(Keyword.lookup(Array("SINCE".utf8)) == .since)
        #expect(Keyword.lookup(Array("sinceX".utf8)) == nil)
        #expect(Keyword.lookup(Array("año".utf8)) == nil)
        for keyword in Keyword.allCases {
            #expect(Keyword.lookup(Array(keyword.rawValue.utf8)) == keyword)
            #expect(Keyword.lookup(Array(keyword.rawValue.uppercased().utf8)) == keyword)
            #expect(Keyword.lookup(Array((keyword.rawValue + "s").utf8)) == nil)
            #expect(Keyword.lookup(Array((keyword.rawValue + "\u{0}").utf8)) == nil)
        }
        #expect(Keyword.lookup(Array("".utf8)) == nil)
        #expect(Keyword.lookup(Array("datasetsx".utf8)) == nil)
        #expect(Keyword.lookup(Array("wher".utf8)) == nil)
        #expect(Keyword.where.role == .clause)
        #expect(Keyword.let.role == .statement)
        #expect(Keyword.count.role == .item)
        #expect(Keyword.statementWords == ["let", "load", "export", "datasets", "describe", "explain", "help", "set", "check", "sql", "cite", "run", "drop", "reset", "record", "quit", "exit"])
    }
}
