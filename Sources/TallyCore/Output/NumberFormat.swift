/// How numbers are written: plain for data formats, grouped for tables.
public enum NumberFormat {
    /// Shortest text that reads back as the same double (`0.1`, `2.5`, `1e+20`); empty for NaN.
    public static func plain(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value)) + ".0"
        }
        return String(value)
    }

    /// A count with its noun, singular for one: `1 row`, `12,615 rows`.
    public static func counted(_ count: Int, _ noun: String) -> String {
        "\(grouped(Int64(count))) \(count == 1 ? noun : noun + "s")"
    }

    /// An integer with thousands separators: `12,615`.
    public static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A decimal to `places` places, with thousands separators when `separators`: `38.72`, `1,234.50`.
    public static func fixed(_ value: Double, places: Int = 2, separators: Bool = true) -> String {
        if value.isNaN { return "" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if abs(value) >= 1e15 { return String(value) }
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        let wholeText = separators ? grouped(whole) : String(whole)
        var text = wholeText
        if places > 0 {
            let fractionDigits = String(fraction)
            text += "." + String(repeating: "0", count: max(0, places - fractionDigits.count)) + fractionDigits
        }
        let isZero = scaled == 0
        return value < 0 && !isZero ? "-" + text : text
    }
}
