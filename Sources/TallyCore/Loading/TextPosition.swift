/// A 1-based line and column in a file's bytes, computed only when an error is reported.
struct TextPosition: Equatable {
    /// 1-based line: one more than the line feeds before the offset.
    var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    var column: Int

    /// The position of byte `offset` in `bytes`; an offset past the end is placed after the last byte.
    static func locate(offset: Int, in bytes: [UInt8]) -> TextPosition {
        let end = max(0, min(offset, bytes.count))
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        var column = 1
        for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        return TextPosition(line: line, column: column)
    }
}
