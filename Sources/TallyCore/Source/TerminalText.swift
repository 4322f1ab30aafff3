/// Text from data or users made safe to print on a terminal: control characters (C0, DEL, C1)
/// are shown as visible escapes (`\e` for ESC, `\u{7}` for BEL) so that a cell cannot set the
/// title, clear the screen or draw a fake result, and the bidirectional embedding, override and
/// isolate controls (U+202A–202E, U+2066–2069) are shown the same way, so that they cannot
/// reorder what follows them.
public enum TerminalText {
    /// `text` with every control character written as a visible escape; unchanged (and not
    /// copied) when it holds none. With `keepingLines`, line feeds and tabs stay as they are
    /// (a statement of several lines).
    public static func visible(_ text: String, keepingLines: Bool = false) -> String {
        let escaped = { (scalar: Unicode.Scalar) in needsEscape(scalar) && !(keepingLines && (scalar == "\n" || scalar == "\t")) }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value == 0x1B {
                out += "\\e"
            } else if escaped(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` is shown as an escape: C0 and C1 controls, DEL, and the bidirectional
    /// embedding, override and isolate controls.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
