/// A piece of text that tally reads: a script, a `-e` argument, a line typed at the prompt.
///
/// Holds the text as UTF-8 bytes plus the offsets where lines start, so that a `SourceSpan`
/// can be turned into a line, a column and the text of its line when an error is drawn.
public struct SourceFile: Sendable {
    /// The stored parts, shared by copies: a source is one reference wide, so the parser's deep
    /// recursion carries no copies of it.
    private final class Storage: Sendable {
        let name: String
        let text: String
        let bytes: [UInt8]
        let lineStarts: [Int]
        let path: String?
        let firstLine: Int

        init(name: String, text: String, bytes: [UInt8], lineStarts: [Int], path: String?, firstLine: Int) {
            self.name = name
            self.text = text
            self.bytes = bytes
            self.lineStarts = lineStarts
            self.path = path
            self.firstLine = firstLine
        }
    }

    private let storage: Storage

    /// Display name: a script path, `<command line>`, `<prompt>` or `<stdin>`.
    public var name: String { storage.name }
    /// The full text.
    public var text: String { storage.text }
    /// The text as UTF-8 bytes; spans index into this.
    public var bytes: [UInt8] { storage.bytes }
    /// Byte offset of the first byte of every line.
    public var lineStarts: [Int] { storage.lineStarts }
    /// The file the text was read from, when it was: `run` finds scripts relative to its folder.
    public var path: String? { storage.path }
    /// The line the text starts on in what it was read from (a piece of standard input), for messages.
    public var firstLine: Int { storage.firstLine }

    /// Creates a source from its display name and text, the path of the file it was read from, and
    /// the line of its input it starts on.
    public init(name: String, text: String, path: String? = nil, firstLine: Int = 1) {
        let bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        storage = Storage(name: name, text: text, bytes: bytes, lineStarts: starts, path: path, firstLine: firstLine)
    }

    /// The 1-based line that holds byte `offset`.
    public func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The line number messages show for 1-based `line` of the text: its line in the whole input.
    public func displayLine(_ line: Int) -> Int {
        line &+ firstLine &- 1
    }

    /// The bytes of 1-based `line`, without its line end.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return bytes[start..<end]
    }

    /// The 1-based column of byte `offset`, counted in display cells (a wide character counts two).
    public func column(of offset: Int) -> Int {
        let line = self.line(of: offset)
        let start = lineStarts[line - 1]
        let clamped = min(max(offset, start), bytes.count)
        return DisplayWidth.of(bytes[start..<clamped]) + 1
    }

    /// The source text covered by `span`.
    public func text(of span: SourceSpan) -> String {
        let start = min(max(span.start, 0), bytes.count)
        let end = min(max(span.end, start), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
