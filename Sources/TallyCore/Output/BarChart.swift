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
            let scale = Double(width) / largest
            return values.map { value in value.map { positive($0, scale: scale, room: width) } ?? "" }
        }
        let scale = Double(width - 1) / (largest - smallest)
        let left = min(max(Int((-smallest * scale).rounded(.up)), 1), width - 1)
        let right = width - 1 - left
        return values.map { value in
            guard let value, value.isFinite else { return String(repeating: " ", count: left) + axis }
            if value >= 0 { return String(repeating: " ", count: left) + axis + positive(value, scale: scale, room: right) }
            let halves = min(Int((-value * scale * 2).rounded()), left * 2)
            let cells = halves / 2 + halves % 2
            let bar = (halves % 2 == 1 ? "▐" : "") + String(repeating: "█", count: halves / 2)
            return String(repeating: " ", count: left - cells) + bar + axis
        }
    }

    /// A bar for a value of at least 0, in eighths; a value above 0 always shows at least `▏`.
    private static func positive(_ value: Double, scale: Double, room: Int) -> String {
        guard value.isFinite, value > 0, room > 0 else { return "" }
        let units = max(min(Int((value * scale * 8).rounded()), room * 8), 1)
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// A sparkline: one level per value from the smallest to the largest; missing values are spaces.
    static func sparkline(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: values.count) }
        return values.map { value in
            guard let value, value.isFinite else { return " " }
            guard high > low else { return levels[levels.count / 2] }
            let level = Int(((value - low) / (high - low) * Double(levels.count - 1)).rounded())
            return levels[min(max(level, 0), levels.count - 1)]
        }.joined()
    }
}
