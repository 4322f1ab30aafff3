@testable import TallyCore

/// Parses `text` and renders its statements as S-expressions, one per line, and its diagnostics rendered.
func parsed(_ text: String, mode: Parser.Mode = .script) -> String {
    let result = Parser.parse(SourceFile(name: "<test>", text: text), mode: mode)
    let statements = result.statements.map(SExpression.of).joined(separator: "\n")
    let errors = result.diagnostics.map { DiagnosticRenderer().render($0, in: SourceFile(name: "<test>", text: text)) }
    return errors.isEmpty ? statements : errors.joined()
}

/// Parses `text` and renders every diagnostic as the user would see it.
func rendered(_ text: String, mode: Parser.Mode = .script, name: String = "<prompt>") -> String {
    let source = SourceFile(name: name, text: text)
    let result = Parser.parse(source, mode: mode)
    return result.diagnostics.map { DiagnosticRenderer().render($0, in: source) }.joined()
}

/// The diagnostic codes of parsing `text`.
func codes(_ text: String, mode: Parser.Mode = .script) -> [String] {
    Parser.parse(SourceFile(name: "<test>", text: text), mode: mode).diagnostics.map(\.code)
}

/// The one statement of `text`, or nil when it does not parse to exactly one.
func statement(_ text: String) -> Statement? {
    let result = Parser.parse(SourceFile(name: "<test>", text: text), mode: .script)
    guard result.diagnostics.isEmpty, result.statements.count == 1 else { return nil }
    return result.statements.first
}
