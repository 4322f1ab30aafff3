/// SVG elements written as text, every piece of text XML-escaped.
struct SVGCanvas {
    /// The elements drawn so far, in painting order.
    private(set) var elements: [String] = []

    /// A text; `anchor` is `start`, `middle` or `end`; `rotate` turns it about its position.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double, weight: String = "normal", anchor: String = "start",
        fill: String = "#111", rotate: Double? = nil
    ) {
        let turn = rotate.map { " transform=\"rotate(\(SVGCanvas.number($0)) \(SVGCanvas.number(x)) \(SVGCanvas.number(y)))\"" } ?? ""
        elements.append(
            "<text x=\"\(SVGCanvas.number(x))\" y=\"\(SVGCanvas.number(y))\" font-size=\"\(SVGCanvas.number(size))\" font-weight=\"\(weight)\" "
                + "text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(turn)>\(SVGCanvas.escaped(content))</text>")
    }

    /// A bar.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        elements.append(
            "<rect class=\"bar\" x=\"\(SVGCanvas.number(x))\" y=\"\(SVGCanvas.number(y))\" width=\"\(SVGCanvas.number(width))\" "
                + "height=\"\(SVGCanvas.number(height))\" fill=\"\(fill)\"/>")
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String) {
        elements.append(
            "<line x1=\"\(SVGCanvas.number(x1))\" y1=\"\(SVGCanvas.number(y1))\" x2=\"\(SVGCanvas.number(x2))\" y2=\"\(SVGCanvas.number(y2))\" "
                + "stroke=\"\(stroke)\" stroke-width=\"1\"/>")
    }

    /// A line through points.
    mutating func polyline(_ points: [(Double, Double)], stroke: String) {
        let list = points.map { "\(SVGCanvas.number($0.0)),\(SVGCanvas.number($0.1))" }.joined(separator: " ")
        elements.append("<polyline class=\"series\" points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\"/>")
    }

    /// A point of a line.
    mutating func circle(cx: Double, cy: Double, r: Double, fill: String) {
        elements.append("<circle class=\"point\" cx=\"\(SVGCanvas.number(cx))\" cy=\"\(SVGCanvas.number(cy))\" r=\"\(SVGCanvas.number(r))\" fill=\"\(fill)\"/>")
    }

    /// The whole document, with `<title>` and `<desc>`.
    func document(width: Double, height: Double, title: String, description: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGCanvas.number(width))\" height=\"\(SVGCanvas.number(height))\" "
        out += "viewBox=\"0 0 \(SVGCanvas.number(width)) \(SVGCanvas.number(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
        out += "<title>\(SVGCanvas.escaped(title))</title>\n"
        out += "<desc>\(SVGCanvas.escaped(description))</desc>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
        for element in elements { out += element + "\n" }
        return out + "</svg>\n"
    }

    /// Text with control characters shown as escapes (`TerminalText`; XML cannot hold most of
    /// them) and `& < > " '` written as XML entities.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in TerminalText.visible(text) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int64(tenths / 10)) : String(tenths / 10)
    }

    /// The average width of a character as a fraction of the font size (DejaVu Sans, the
    /// widest of the fonts the document names), for laying out text before it is drawn.
    static let characterWidth = 0.6

    /// `text` broken at spaces into lines of at most about `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
