/// A layout of dates written in text, such as `DD/MM/YYYY`: `YYYY` is a four-digit year, `MM`
/// and `DD` a month and a day of one or two digits; any other character must be there as written.
public struct DateLayout: Sendable {
    /// The layout as written.
    public let text: String
    /// Its parts in order.
    let parts: [Part]

    /// A part of a layout: a number (`YYYY` four digits; `MM`, `DD` one or two, as many as there
    /// are) or a character that must be there as written.
    enum Part: Hashable {
        case year, month, day
        case literal(UInt8)
    }

    /// The layout `text`, or nil when it lacks a year, month or day, or repeats one.
    public init?(_ text: String) {
        var parts: [Part] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let rest = bytes[index...]
            if rest.starts(with: "YYYY".utf8) { parts.append(.year); index += 4 }
            else if rest.starts(with: "MM".utf8) { parts.append(.month); index += 2 }
            else if rest.starts(with: "DD".utf8) { parts.append(.day); index += 2 }
            else { parts.append(.literal(bytes[index])); index += 1 }
        }
        for needed in [Part.year, .month, .day] where parts.filter({ $0 == needed }).count != 1 { return nil }
        self.text = text
        self.parts = parts
    }

    /// Layouts worth suggesting for a column of dates that are not ISO.
    static let common = ["DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY", "DD-MM-YYYY", "MM-DD-YYYY", "YYYY/MM/DD"].compactMap(DateLayout.init)

    /// The day number of `value` read in this layout, or nil when it does not fit or is no date.
    public func days(_ value: String) -> Int64? {
        var year: Int64?, month: Int64?, day: Int64?
        let bytes = Array(value.utf8)
        var index = 0
        for part in parts {
            switch part {
            case .literal(let byte):
                guard index < bytes.count, bytes[index] == byte else { return nil }
                index += 1
            case .year, .month, .day:
                let width = part == .year ? 4 : 2
                var number: Int64 = 0, digits = 0
                while digits < width, index < bytes.count, bytes[index] &- 0x30 < 10 {
                    number = number * 10 + Int64(bytes[index] &- 0x30)
                    index += 1
                    digits += 1
                }
                guard digits == width || (part != .year && digits >= 1) else { return nil }
                switch part {
                case .year: year = number
                case .month: month = number
                default: day = number
                }
            }
        }
        guard index == bytes.count, let year, let month, let day, CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }
}
