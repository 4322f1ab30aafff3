/// A test on a text column, and on an integer column beside it, decided once per dictionary code:
/// per code, the span of integers for which a row passes (`destination in EU` keeps a row when the
/// year lies in its country's years of membership), so rows are tested on raw codes and integers
/// without building a string per row.
public struct CodeRanges: Sendable {
    /// Per code, the first integer that passes (`Int64.max` when none does).
    public let first: [Int64]
    /// Per code, the last integer that passes (`Int64.min` when none does).
    public let last: [Int64]
    /// Per code, whether it passes when the test reads no integer column.
    public let withoutInteger: [Bool]

    /// Creates the ranges; the three arrays have one entry per dictionary code.
    public init(first: [Int64], last: [Int64], withoutInteger: [Bool]) {
        self.first = first
        self.last = last
        self.withoutInteger = withoutInteger
    }

    /// Whether a row of `code` with `integer` passes.
    @inline(__always)
    func contains(code: Int, _ integer: Int64) -> Bool {
        first[code] <= integer && integer <= last[code]
    }
}

/// A text column and an integer column tested against `CodeRanges`, for `RowFilter`.
struct CodeRangeTest: RowTest {
    let codes: UnsafeBufferPointer<UInt32>
    let integers: UnsafeBufferPointer<Int64>
    let integerValidity: UnsafeBufferPointer<UInt64>?
    let first: UnsafeBufferPointer<Int64>
    let last: UnsafeBufferPointer<Int64>

    @inline(__always)
    func passes(_ row: Int) -> Bool {
        let code = Int(codes[row]), integer = integers[row]
        return ValidityMask.isValid(integerValidity, row) && first[code] <= integer && integer <= last[code]
    }
}
