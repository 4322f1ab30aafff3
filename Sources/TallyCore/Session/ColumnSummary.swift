/// What `describe` says of a column's values: how many distinct, and their range (numbers)
/// or most frequent values (text).
struct ColumnSummary {
    /// Distinct present values.
    let distinctCount: Int
    /// `2000 – 2025` or `new (6,933), appeal (1,698), …`.
    let text: String

    init(_ column: Column) {
        switch column.data {
        case .text(let codes, let dictionary):
            var counts = [Int](repeating: 0, count: dictionary.count)
            for (row, code) in codes.enumerated() where column.isValid(row) { counts[Int(code)] += 1 }
            let present = counts.indices.filter { counts[$0] > 0 }
            distinctCount = present.count
            let top = present.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }.prefix(3)
            let listed = top.map { "\(dictionary.values[$0]) (\(NumberFormat.grouped(Int64(counts[$0]))))" }
            text = listed.joined(separator: ", ") + (present.count > 3 ? ", …" : "")
        case .days:
            self = ColumnSummary(column.widened)
        case .integer(let values):
            let present = values.indices.filter { column.isValid($0) }.map { values[$0] }
            distinctCount = Set(present).count
            let written = { (value: Int64) in column.calendarType.map { CalendarText.format(value, as: $0) } ?? String(value) }
            text = present.min().map { "\(written($0)) – \(written(present.max() ?? $0))" } ?? ""
        case .decimal(let values):
            let present = values.indices.filter { column.isValid($0) }.map { values[$0] }
            distinctCount = Set(present).count
            text = present.min().map { "\(NumberFormat.plain($0)) – \(NumberFormat.plain(present.max() ?? $0))" } ?? ""
        case .boolean(let values):
            let present = values.indices.filter { column.isValid($0) }.map { values[$0] }
            distinctCount = Set(present).count
            let trues = present.filter { $0 }.count
            text = present.isEmpty ? "" : "true (\(trues)), false (\(present.count - trues))"
        }
    }
}
