/// Reads one field's bytes as tally's type inference sees them, without building a `String` for numbers.
///
/// A number is an optional sign, digits, an optional fraction and an optional exponent (`12`, `-3.5`,
/// `.5`, `2.`, `1e3`); `nan`, `inf` and hexadecimal are not numbers. A number whose integer part starts
/// with `0` followed by a digit (`08123`) is not a number either, so codes keep their zeros. Integers are
/// read directly from the bytes with overflow detection; those beyond 64 bits, and decimals, become
/// correctly rounded doubles (an exact fast path for up to 15 digits and powers of ten up to 22, else
/// the standard library's parser). A decimal too large for a double (`1e400`) is text. A field of exactly
/// ten bytes `YYYY-MM-DD` that is a valid date is read straight into its day number, so a column of
/// ISO dates never goes through the text dictionary.
enum FieldClassifier {
    /// What a field holds.
    enum Class: Equatable {
        /// A 64-bit integer.
        case integer(Int64)
        /// A decimal, or an integer beyond 64 bits.
        case decimal(Double)
        /// `true` or `false`, in any case.
        case boolean(Bool)
        /// An ISO 8601 date `YYYY-MM-DD`, as its day number (see `CivilCalendar`).
        case date(Int32)
        /// `NA`, `N/A` or `null`, in any case: missing in an otherwise numeric column.
        case missingToken
        /// Anything else.
        case text
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// The class of the `length` bytes at `start` of `bytes` (a non-empty, unescaped value).
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Class {
        let end = start &+ length
        guard length > 0, start >= 0, end <= bytes.count else { return .text }
        let first = bytes[start]
        if length == 10, bytes[start &+ 4] == 0x2D, bytes[start &+ 7] == 0x2D {
            return date(bytes, start: start)
        }
        if first >= 0x30 && first <= 0x39 || first == 0x2D || first == 0x2B || first == 0x2E {
            return number(bytes, start: start, end: end)
        }
        return word(bytes, start: start, length: length)
    }

    /// `true`, `false` or a missing-value token, else text.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Class {
        func matches(_ expected: StaticString) -> Bool {
            guard expected.utf8CodeUnitCount == length else { return false }
            let pointer = expected.utf8Start
            for offset in 0..<length where bytes[start &+ offset] | 0x20 != pointer[offset] | 0x20 {
                return false
            }
            return true
        }
        if matches("true") { return .boolean(true) }
        if matches("false") { return .boolean(false) }
        if matches("na") || matches("null") { return .missingToken }
        if length == 3, bytes[start + 1] == 0x2F, bytes[start] | 0x20 == 0x6E, bytes[start + 2] | 0x20 == 0x61 {
            return .missingToken
        }
        return .text
    }

    /// The day number of 1 January of each year 0–10000 (year 0 stands in for 1, never read): with
    /// `daysBeforeMonth`, an ISO date's day number is two lookups and a sum.
    private static let januaryFirsts: [Int32] = (0...10_000).map { year in
        Int32(truncatingIfNeeded: CivilCalendar.days(year: Int64(max(year, 1)), month: 1, day: 1))
    }
    /// The days of a common year before each month (1–12), and the year's length at 13.
    private static let daysBeforeMonth: [Int32] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]

    /// The ten bytes at `start` (dashes at 4 and 7 already seen) as a date, else text: an invalid
    /// date such as `1900-02-29` is text, as `CalendarText.moment` would have it.
    private static func date(_ bytes: UnsafeBufferPointer<UInt8>, start: Int) -> Class {
        func digits(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start &+ offset..<start &+ offset &+ count {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int(digit)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              year >= 1, month >= 1, month <= 12, day >= 1 else { return .text }
        let january = januaryFirsts[year]
        let leap = januaryFirsts[year &+ 1] &- january == 366
        let length = daysBeforeMonth[month &+ 1] &- daysBeforeMonth[month] &+ (leap && month == 2 ? 1 : 0)
        guard Int32(day) <= length else { return .text }
        return .date(january &+ daysBeforeMonth[month] &+ (leap && month > 2 ? 1 : 0) &+ Int32(day) &- 1)
    }

    /// A number spanning exactly `start..<end`, else text.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Class {
        var index = start
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B {
            negative = bytes[index] == 0x2D
            index &+= 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var overflowed = false
        let integerStart = index
        while index < end, bytes[index] &- 0x30 < 10 {
            accumulate(bytes[index] &- 0x30, into: &mantissa, digits: &significantDigits, overflowed: &overflowed)
            index &+= 1
        }
        let integerDigits = index &- integerStart
        if integerDigits >= 2, bytes[integerStart] == 0x30 { return .text }
        var fractionDigits = 0
        var isInteger = true
        if index < end, bytes[index] == 0x2E {
            isInteger = false
            index &+= 1
            let fractionStart = index
            while index < end, bytes[index] &- 0x30 < 10 {
                accumulate(bytes[index] &- 0x30, into: &mantissa, digits: &significantDigits, overflowed: &overflowed)
                index &+= 1
            }
            fractionDigits = index &- fractionStart
        }
        if integerDigits == 0 && fractionDigits == 0 { return .text }
        var exponent = 0
        if index < end, bytes[index] | 0x20 == 0x65 {
            isInteger = false
            index &+= 1
            var negativeExponent = false
            if index < end, bytes[index] == 0x2D || bytes[index] == 0x2B {
                negativeExponent = bytes[index] == 0x2D
                index &+= 1
            }
            let exponentStart = index
            while index < end, bytes[index] &- 0x30 < 10 {
                if exponent < 100_000 { exponent = exponent &* 10 &+ Int(bytes[index] &- 0x30) }
                index &+= 1
            }
            if index == exponentStart { return .text }
            if negativeExponent { exponent = -exponent }
        }
        if index != end { return .text }
        if isInteger, !overflowed {
            if negative, mantissa <= UInt64(Int64.max) &+ 1 { return .integer(Int64(bitPattern: 0 &- mantissa)) }
            if !negative, mantissa <= UInt64(Int64.max) { return .integer(Int64(mantissa)) }
        }
        let scale = exponent &- fractionDigits
        if !overflowed, significantDigits <= 15, scale >= -22, scale <= 22 {
            let magnitude = Double(mantissa)
            let value = scale < 0 ? magnitude / exactPowersOfTen[-scale] : magnitude * exactPowersOfTen[scale]
            return .decimal(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return .text }
        return .decimal(value)
    }

    /// Adds one digit to the mantissa, noting when it no longer fits in 64 bits.
    @inline(__always)
    private static func accumulate(_ digit: UInt8, into mantissa: inout UInt64, digits: inout Int, overflowed: inout Bool) {
        if mantissa == 0 && digit == 0 { return }
        digits &+= 1
        if overflowed { return }
        let (times, multiplyOverflow) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, addOverflow) = times.addingReportingOverflow(UInt64(digit))
        if multiplyOverflow || addOverflow { overflowed = true } else { mantissa = sum }
    }
}
