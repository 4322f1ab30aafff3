/// Breaks prose into lines that fit a width, at spaces, measured in display cells
/// (`DisplayWidth`), with a hanging indent: every line after the first starts with `indent`
/// spaces. A word longer than a line stays whole on a line of its own. Help, warnings,
/// `explain`, notes and the vertical layout all wrap through here.
public enum TextWrapper {
    /// `text` (one paragraph) as lines of at most `width` cells, the first of which starts
    /// after `firstColumn` cells already printed (a prefix such as `warning: `) and the others
    /// indented by `indent` spaces. Without a width, or with too little room to wrap into,
    /// the text is one line. The lines carry no newline.
    public static func lines(_ text: String, width: Int?, firstColumn: Int = 0, indent: Int = 0) -> [String] {
        guard let width, width - indent >= minimumRoom, DisplayWidth.of(text) + firstColumn > width else { return [text] }
        var lines: [String] = []
        var current = "", used = firstColumn, hasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = DisplayWidth.of(String(word))
            if hasWord, !word.isEmpty, used + 1 + wordWidth > width {
                lines.append(current)
                current = String(repeating: " ", count: indent)
                used = indent
                hasWord = false
            }
            if hasWord {
                current += " "
                used += 1
            }
            current += word
            used += wordWidth
            hasWord = true
        }
        lines.append(current)
        return lines
    }

    /// `prefix` followed by `text` wrapped to `width` with continuation lines indented by
    /// `indent` (the prefix's width when nil), joined with newlines, ending with one.
    public static func paragraph(_ prefix: String, _ text: String, width: Int?, indent: Int? = nil) -> String {
        let prefixWidth = DisplayWidth.of(prefix)
        return prefix + lines(text, width: width, firstColumn: prefixWidth, indent: indent ?? prefixWidth).joined(separator: "\n") + "\n"
    }

    /// Lines of prose (help, `explain`, notes, provenance) made safe and fitted: control
    /// characters shown as escapes (`TerminalText`), then each line wrapped to `width` with a
    /// hanging indent under its text: after a list marker (`1. `, `- `) or a leading label
    /// (`topics: `, `note: `), else two cells in from the line's own indent. Ends with a newline when `text` does.
    public static func prose(_ text: String, width: Int?) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let visible = TerminalText.visible(String(line))
            let body = visible.drop { $0 == " " }
            let leading = visible.count - body.count
            let marker = listMarker(of: body)
            let prefix = String(repeating: " ", count: leading) + marker
            let indent = leading + (marker.isEmpty ? 2 : marker.count)
            return prefix + Self.lines(String(body.dropFirst(marker.count)), width: width, firstColumn: prefix.count, indent: indent)
                .joined(separator: "\n")
        }
        return lines.joined(separator: "\n")
    }

    /// `- `, `12. ` or a one-word label such as `topics: ` at the start of `text`, else empty.
    private static func listMarker(of text: Substring) -> String {
        if text.hasPrefix("- ") { return "- " }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") { return digits + ". " }
        let word = text.prefix { $0.isLetter || $0 == "_" || $0 == "-" }
        guard !word.isEmpty, word.count <= maximumLabel, text.dropFirst(word.count).hasPrefix(": ") else { return "" }
        return word + ": "
    }

    /// The longest word taken as a label to hang continuation lines after.
    static let maximumLabel = 12

    /// Below this many cells of room a line is not wrapped: breaking it would not help.
    static let minimumRoom = 20
}
