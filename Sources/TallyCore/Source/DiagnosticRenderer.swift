/// Draws a `Diagnostic` as text: the message, the location, the source line and a caret run.
///
/// ```
/// error: unknown column 'orign' in applicants
///  --> workshop.tally:3:18
///   |
/// 3 | applicants where orign = RU
///   |                  ^^^^^ did you mean 'origin'?
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the output with ANSI escapes.
    public var colored: Bool

    /// Creates a renderer.
    public init(colored: Bool = false) { self.colored = colored }

    /// Renders `diagnostic`, whose span (if any) points into `source`. Ends with a newline.
    public func render(_ diagnostic: Diagnostic, in source: SourceFile?) -> String {
        var out = paint("\(diagnostic.severity.rawValue):", style: diagnostic.severity == .error ? "1;31" : (diagnostic.severity == .warning ? "1;33" : "1;36"))
        out += paint(" \(diagnostic.message)", style: "1") + "\n"
        if let location = diagnostic.fileLocation {
            out += paint(" --> ", style: "34") + "\(location.path):\(location.line):\(location.column)\n"
        } else if let span = diagnostic.span, let source {
            out += drawSnippet(span: span, label: diagnostic.label, in: source)
        } else if let label = diagnostic.label {
            out += "  = \(label)\n"
        }
        for line in diagnostic.help {
            out += paint("  = help: ", style: "34") + line + "\n"
        }
        return out
    }

    private func drawSnippet(span: SourceSpan, label: String?, in source: SourceFile) -> String {
        let line = source.line(of: span.start)
        let column = source.column(of: span.start)
        let lineText = String(decoding: source.lineBytes(line), as: UTF8.self)
        let gutter = String(source.displayLine(line))
        let pad = String(repeating: " ", count: gutter.count)
        var out = pad + paint("--> ", style: "34") + "\(source.name):\(source.displayLine(line)):\(column)\n"
        out += pad + paint(" |", style: "34") + "\n"
        out += paint("\(gutter) |", style: "34") + " \(lineText)\n"
        let lineStart = source.lineStarts[line - 1]
        let lineEnd = lineStart + source.lineBytes(line).count
        let caretEnd = min(span.end, lineEnd)
        let width = max(1, DisplayWidth.of(source.bytes[min(span.start, caretEnd)..<caretEnd]))
        let carets = String(repeating: "^", count: width)
        var caretLine = pad + paint(" |", style: "34") + " " + String(repeating: " ", count: column - 1)
        caretLine += paint(carets, style: "1;31")
        if let label { caretLine += " " + label }
        out += caretLine + "\n"
        return out
    }

    private func paint(_ text: String, style: String) -> String {
        colored ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}
