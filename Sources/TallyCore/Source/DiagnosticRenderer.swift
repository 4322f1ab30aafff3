/// Draws a `Diagnostic` as text: the message, the location, the source line and a caret run.
///
/// ```
/// error: unknown column 'orign' in applicants
///  --> workshop.tally:3:18
///   |
/// 3 | applicants where orign = RU
///   |                  ^^^^^ did you mean 'origin'?
/// ```
///
/// Given a width, the message and help lines wrap at words with a hanging indent, and a source
/// line too long to fit is shown as a window around the span, cut with `…`, so that the caret
/// stays under its word. Control characters in any part are shown as escapes (`TerminalText`).
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the output with ANSI escapes.
    public var colored: Bool
    /// The width to fit, when known.
    public var width: Int?

    /// Creates a renderer.
    public init(colored: Bool = false, width: Int? = nil) {
        self.colored = colored
        self.width = width
    }

    /// Renders `diagnostic`, whose span (if any) points into `source`. Ends with a newline.
    public func render(_ diagnostic: Diagnostic, in source: SourceFile?) -> String {
        let prefix = "\(diagnostic.severity.rawValue): "
        let message = TextWrapper.lines(TerminalText.visible(diagnostic.message), width: width, firstColumn: prefix.count, indent: prefix.count)
        var out = paint(String(prefix.dropLast()), style: diagnostic.severity == .error ? "1;31" : (diagnostic.severity == .warning ? "1;33" : "1;36"))
        out += paint(" " + message.joined(separator: "\n"), style: "1") + "\n"
        if let location = diagnostic.fileLocation {
            out += paint(" --> ", style: "34") + TerminalText.visible("\(location.path):\(location.line):\(location.column)") + "\n"
        } else if let span = diagnostic.span, let source {
            out += drawSnippet(span: span, label: diagnostic.label.map { TerminalText.visible($0) }, in: source)
        } else if let label = diagnostic.label {
            out += TextWrapper.paragraph("  = ", TerminalText.visible(label), width: width)
        }
        for line in diagnostic.help {
            let wrapped = TextWrapper.lines(TerminalText.visible(line), width: width, firstColumn: 10, indent: 10)
            out += paint("  = help: ", style: "34") + wrapped.joined(separator: "\n") + "\n"
        }
        return out
    }

    private func drawSnippet(span: SourceSpan, label: String?, in source: SourceFile) -> String {
        let line = source.line(of: span.start)
        let lineStart = source.lineStarts[line - 1]
        let lineBytes = source.lineBytes(line)
        let lineEnd = lineStart + lineBytes.count
        let start = min(max(span.start, lineStart), lineEnd)
        let caretEnd = max(min(span.end, lineEnd), start)
        let piece = { (from: Int, to: Int) in Self.shown(source.bytes[from..<to]) }
        let window = SnippetWindow(
            before: piece(lineStart, start), span: piece(start, caretEnd), after: piece(caretEnd, lineEnd),
            room: width.map { $0 - String(source.displayLine(line)).count - 3 }, labelWidth: label.map { DisplayWidth.of($0) + 1 } ?? 0)
        let gutter = String(source.displayLine(line))
        let pad = DisplayWidth.spaces(gutter.count)
        var out = pad + paint("--> ", style: "34") + TerminalText.visible(source.name) + ":\(source.displayLine(line)):\(source.column(of: span.start))\n"
        out += pad + paint(" |", style: "34") + "\n"
        out += paint("\(gutter) |", style: "34") + " \(window.line)\n"
        var caretLine = pad + paint(" |", style: "34") + " " + DisplayWidth.spaces(window.caretColumn)
        caretLine += paint(String(repeating: "^", count: window.caretWidth), style: "1;31")
        if let label { caretLine += " " + label }
        out += caretLine + "\n"
        return out
    }

    /// Source bytes as shown in a snippet: a tab as one space (so the caret lines up), other
    /// control characters as escapes. A tab is one byte that is never part of a longer UTF-8
    /// sequence, so it is replaced before the bytes are read as text.
    private static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        let text = bytes.contains(UInt8(ascii: "\t"))
            ? String(decoding: bytes.map { $0 == UInt8(ascii: "\t") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            : String(decoding: bytes, as: UTF8.self)
        return TerminalText.visible(text)
    }

    private func paint(_ text: String, style: String) -> String {
        colored ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}

/// The part of a source line a snippet shows: all of it when it fits, else a window around
/// the span, each cut side marked with `…`, with room left for the caret's label when possible.
struct SnippetWindow {
    /// The text shown on the source line.
    let line: String
    /// Cells before the first caret.
    let caretColumn: Int
    /// How many carets (at least one).
    let caretWidth: Int

    /// The window over `before`, `span` and `after` (the line split at the span) for `room`
    /// cells (nil: no limit); `labelWidth` cells follow the carets.
    init(before: String, span: String, after: String, room: Int?, labelWidth: Int) {
        let beforeWidth = DisplayWidth.of(before), spanWidth = DisplayWidth.of(span), afterWidth = DisplayWidth.of(after)
        guard let room, room >= TextWrapper.minimumRoom, beforeWidth + spanWidth + afterWidth > room else {
            line = before + span + after
            caretColumn = beforeWidth
            caretWidth = max(1, spanWidth)
            return
        }
        let shownSpan = DisplayWidth.truncate(span, to: room - 2)
        let shownSpanWidth = DisplayWidth.of(shownSpan)
        let context = max(room / 4, min(room - shownSpanWidth - labelWidth, room * 2 / 3))
        let left = beforeWidth <= min(context, room - shownSpanWidth) ? before : "…" + DisplayWidth.tail(before, to: min(context, room - shownSpanWidth) - 1)
        let rest = room - DisplayWidth.of(left) - shownSpanWidth
        let right = afterWidth <= rest ? after : DisplayWidth.truncate(after, to: max(rest, 0))
        line = left + shownSpan + right
        caretColumn = DisplayWidth.of(left)
        caretWidth = max(1, shownSpanWidth)
    }
}
