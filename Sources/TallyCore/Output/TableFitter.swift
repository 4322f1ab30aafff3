/// Decides which columns of a box table are drawn, and how wide, so that the table fits a width.
///
/// Text columns wider than `shrinkFloor` may be narrowed (their cells cut at a word with `…`)
/// before anything is hidden. When that is not enough, columns are hidden one at a time: columns
/// that repeat another first, then text columns, widest first, then the other columns from the right. Protected columns (the
/// row's names and the headline number, e.g. `change_pct` of a `change`) are never hidden.
struct TableFitter {
    /// One column as the fitter sees it.
    struct Column {
        /// Its natural width: the widest of its header and cells.
        var width: Int
        /// The width of its header, below which it is never narrowed.
        var headerWidth: Int
        /// Text may be narrowed and is hidden first; numbers are never cut.
        var isText: Bool
        /// Never hidden.
        var isProtected: Bool
        /// Says again what another column says (`origin_name` beside `origin`): hidden first.
        var isRepeat = false
    }

    /// The outcome: the columns drawn, in order, with their widths, and the columns hidden.
    struct Fit: Equatable {
        /// Indexes of the columns drawn, in table order.
        var shown: [Int]
        /// The width of each drawn column, parallel to `shown`.
        var widths: [Int]
        /// Indexes of the hidden columns, in table order.
        var hidden: [Int]

        /// The width the drawn columns take, borders included.
        var drawnWidth: Int { widths.reduce(0, +) + 3 * shown.count + 1 }
    }

    /// A text column is not narrowed below this many cells (or its header's width).
    static let shrinkFloor = 16

    /// The columns of the table.
    let columns: [Column]

    /// The fit within `width` cells (borders included); `reserved` cells are kept free beside
    /// the table (the bars of `chart`). Without a width everything is drawn at natural width.
    func fit(width: Int?, reserved: Int = 0) -> Fit {
        let all = Array(columns.indices)
        guard let width else { return Fit(shown: all, widths: columns.map(\.width), hidden: []) }
        var shown = all
        while true {
            let room = width - reserved - (3 * shown.count + 1)
            if let widths = widths(of: shown, within: room) { return Fit(shown: shown, widths: widths, hidden: hidden(besides: shown)) }
            guard let next = nextToHide(among: shown) else {
                return Fit(shown: shown, widths: shown.map { minimum(columns[$0]) }, hidden: hidden(besides: shown))
            }
            shown.removeAll { $0 == next }
        }
    }

    /// Widths for `shown` within `room` cells: natural widths when they fit, else the widest
    /// text columns narrowed in turn, never below their minimum; nil when even that is too wide.
    private func widths(of shown: [Int], within room: Int) -> [Int]? {
        var widths = shown.map { columns[$0].width }
        guard shown.map({ minimum(columns[$0]) }).reduce(0, +) <= room else { return nil }
        var excess = widths.reduce(0, +) - room
        while excess > 0 {
            let candidates = widths.indices.filter { widths[$0] > minimum(columns[shown[$0]]) }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return nil }
            let secondWidest = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let floor = max(minimum(columns[shown[widest]]), secondWidest, widths[widest] - excess)
            let cut = max(widths[widest] - floor, 1)
            widths[widest] -= cut
            excess -= cut
        }
        return widths
    }

    /// The narrowest a column may be drawn.
    private func minimum(_ column: Column) -> Int {
        column.isText ? min(column.width, max(column.headerWidth, TableFitter.shrinkFloor)) : column.width
    }

    /// The column to hide next: the widest unprotected repeat, else the widest unprotected text
    /// column, else the rightmost unprotected other column; nil when every column left is protected.
    private func nextToHide(among shown: [Int]) -> Int? {
        let open = shown.filter { !columns[$0].isProtected }
        let widest = { (candidates: [Int]) in candidates.max(by: { columns[$0].width < columns[$1].width }) }
        if let repeated = widest(open.filter { columns[$0].isRepeat }) { return repeated }
        if let text = widest(open.filter { columns[$0].isText }) { return text }
        return open.last
    }

    /// The columns not in `shown`.
    private func hidden(besides shown: [Int]) -> [Int] {
        columns.indices.filter { !shown.contains($0) }
    }
}
