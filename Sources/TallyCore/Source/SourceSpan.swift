/// A half-open range of UTF-8 byte offsets into one `SourceFile`.
///
/// Spans are cheap to copy and carry no line information: line and column are computed
/// from the source only when a diagnostic is drawn.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// Offset of the first byte.
    public var start: Int
    /// Offset one past the last byte.
    public var end: Int

    /// Creates a span covering `start..<end`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty span at `offset`, used for "expected something here" errors.
    public static func point(_ offset: Int) -> SourceSpan { SourceSpan(start: offset, end: offset) }

    /// The smallest span covering both `self` and `other`.
    public func merged(with other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    /// Whether `other` lies within this span.
    public func contains(_ other: SourceSpan) -> Bool { start <= other.start && other.end <= end }

    /// Number of bytes covered.
    public var length: Int { end - start }

    public var description: String { "\(start)..<\(end)" }
}
