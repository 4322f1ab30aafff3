/// The transcript `record "file.tally"` writes: each statement run, with what it wrote under it as
/// comment lines, so that `run "file.tally"` replays the session. A statement that failed is
/// written as comments too, so that the replay does not stop at it.
///
/// The whole file is written again after each statement (a session's transcript is small), so it
/// is complete whenever the session ends.
final class Transcript {
    /// The file being written.
    let path: String
    /// The statements written so far, failed ones left out.
    private(set) var statements = 0
    /// The transcript so far.
    private var text: String
    /// The most lines of one statement's output that are kept.
    static let maxOutputLines = 100

    /// Starts a transcript in `path`, writing its first line at once so that a path that cannot be
    /// written is an error now rather than later.
    init(path: String) throws(Diagnostic) {
        self.path = path
        text = "-- A tally session, each result under its statement. Replay it with: run \"\(path)\"\n"
        try FileWriter.write(text, to: path)
    }

    /// Adds `statement` and its `output` (both streams, as shown).
    func add(_ statement: String, output: String, succeeded: Bool) throws(Diagnostic) {
        var entry = "\n"
        if succeeded {
            entry += statement + "\n"
            statements += 1
        } else {
            entry += "-- failed, so the replay leaves it out:\n" + Self.commented(statement.split(separator: "\n", omittingEmptySubsequences: false))
        }
        var lines = Self.withoutEscapes(output).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        if lines.count > Self.maxOutputLines {
            let more = lines.count - Self.maxOutputLines
            lines = lines.prefix(Self.maxOutputLines) + ["… \(NumberFormat.grouped(Int64(more))) more line\(more == 1 ? "" : "s")"]
        }
        entry += Self.commented(lines)
        text += entry
        try FileWriter.write(text, to: path)
    }

    /// `lines` as comment lines.
    private static func commented<Line: StringProtocol>(_ lines: [Line]) -> String {
        lines.map { $0.isEmpty ? "--\n" : "-- \($0)\n" }.joined()
    }

    /// `text` without the terminal's colour escapes (`ESC [ … letter`).
    private static func withoutEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var plain = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                plain.unicodeScalars.append(scalar)
                continue
            }
            guard scalars.next() == "[" else { continue }
            while let inside = scalars.next(), !(0x40...0x7E).contains(inside.value) {}
        }
        return plain
    }
}
