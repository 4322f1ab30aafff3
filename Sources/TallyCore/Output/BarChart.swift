/// Bars and sparklines drawn with block characters, for `chart` in table format.
///
/// Positive bars grow right in eighths of a cell (`▏▎▍▌▋▊▉█`). When some values are negative
/// an axis `│` splits the width in proportion to the largest values on each side, on one
/// scale, and negative bars grow left from it in halves of a cell (`▐█`), the finest step
/// whose glyph hugs the axis.
enum BarChart {
    /// Partial cells from one to seven eighths, left-aligned.
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Sparkline levels, lowest first.
    static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The axis between negative and positive bars.
    static let axis = "│"

    /// One bar per value, each at most `width` cells wide; missing values get no bar.
    static func bars(_ values: [Double?], width: Int) -> [String] {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        let largest = max(0, present.max() ?? 0), smallest = min(0, present.min() ?? 0)
        let width = max(width, 3)
        guard largest > 0 || smallest < 0 else { return values.map { _ in "" } }
        if smallest == 0 {
            return values.map { value in value.map { positive($0 / largest, room: width) } ?? "" }
        }
        let range = largest - smallest
        let left = steps(-smallest / range * Double(width - 1), rounding: .up, within: 1...(width - 1))
        let right = width - 1 - left
        return values.map { value in
            guard let value, value.isFinite else { return String(repeating: " ", count: left) + axis }
            if value >= 0 { return String(repeating: " ", count: left) + axis + positive(value / largest, room: right) }
            let halves = steps(value / smallest * Double(left) * 2, rounding: .toNearestOrAwayFromZero, within: 0...(left * 2))
            let cells = halves / 2 + halves % 2
            let bar = (halves % 2 == 1 ? "▐" : "") + String(repeating: "█", count: halves / 2)
            return String(repeating: " ", count: left - cells) + bar + axis
        }
    }

    /// A bar for a fraction (0 to 1) of `room` cells, in eighths; above 0 it shows at least `▏`.
    private static func positive(_ fraction: Double, room: Int) -> String {
        guard fraction.isFinite, fraction > 0, room > 0 else { return "" }
        let units = steps(fraction * Double(room) * 8, rounding: .toNearestOrAwayFromZero, within: 1...(room * 8))
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// `value` rounded to a whole number of steps and kept within `bounds` (non-numbers: the low bound).
    static func steps(_ value: Double, rounding rule: FloatingPointRoundingRule, within bounds: ClosedRange<Int>) -> Int {
        guard value.isFinite else { return bounds.lowerBound }
        let rounded = value.rounded(rule)
        if rounded <= Double(bounds.lowerBound) { return bounds.lowerBound }
        if rounded >= Double(bounds.upperBound) { return bounds.upperBound }
        return Int(rounded)
    }

    /// A sparkline: one level per value from the smallest to the largest; missing values are spaces.
    static func sparkline(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: values.count) }
        return values.map { value in
            guard let value, value.isFinite else { return " " }
            guard high > low else { return levels[levels.count / 2] }
            let fraction = (value - low) / (high - low)
            return levels[steps(fraction * Double(levels.count - 1), rounding: .toNearestOrAwayFromZero, within: 0...(levels.count - 1))]
        }.joined()
    }
}
