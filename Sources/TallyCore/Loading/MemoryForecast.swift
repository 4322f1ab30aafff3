/// The memory a load will hold when it ends, projected after every block from what it holds so far,
/// and the check that stops the load as soon as that projection exceeds the budget.
///
/// The rows still to come are estimated from the bytes still to come, at the rate rows came so far.
/// Each column then costs its bytes per row (by its type, see `ColumnAccumulator.bytesPerRow`) for
/// every row, and its dictionary, grown over the rows to come at the rate it grew over the last block
/// (so a column of a few categories stops growing and a column of identifiers keeps growing). Added
/// to that is what the pass holds besides its columns: the block, the parts' chunks and a stream held
/// whole. Columns that change type later are caught by the checks after later blocks.
struct MemoryForecast {
    /// The budget, in megabytes.
    let budgetMegabytes: Int64
    /// The rows when the last projection was made.
    private var previousRows = 0
    /// Each column's dictionary bytes when the last projection was made.
    private var previousDictionaryBytes: [Int] = []

    /// A forecast checked against `budgetMegabytes`.
    init(budgetMegabytes: Int64) {
        self.budgetMegabytes = budgetMegabytes
    }

    /// The bytes the load will hold at its end: `columns` after `rows` rows read from `consumedBytes`
    /// of the data's `totalBytes` (nil when unknown: nothing more is projected), with `otherBytes`
    /// held besides the columns.
    mutating func projectedBytes(
        columns: [ColumnAccumulator], rows: Int, consumedBytes: Int, totalBytes: Int?, otherBytes: Int
    ) -> Int64 {
        var expectedRows = Double(rows)
        if let totalBytes, consumedBytes > 0, totalBytes > consumedBytes {
            expectedRows = Double(rows) * Double(totalBytes) / Double(consumedBytes)
        }
        let rowsToCome = expectedRows - Double(rows)
        let newRows = Double(max(1, rows &- previousRows))
        var total = Double(otherBytes)
        var dictionaries: [Int] = []
        dictionaries.reserveCapacity(columns.count)
        for (index, column) in columns.enumerated() {
            let dictionary = column.dictionaryBytes
            dictionaries.append(dictionary)
            let before = index < previousDictionaryBytes.count ? previousDictionaryBytes[index] : 0
            let growthPerRow = Double(max(0, dictionary &- before)) / newRows
            total += max(Double(column.valueBytes), column.bytesPerRow * expectedRows)
            total += Double(dictionary) + growthPerRow * rowsToCome
        }
        previousRows = rows
        previousDictionaryBytes = dictionaries
        return total < 9.0e18 ? Int64(total) : Int64.max
    }

    /// Throws `overBudget` when the load, as `projectedBytes` sees it, would exceed the budget.
    mutating func check(
        columns: [ColumnAccumulator], rows: Int, consumedBytes: Int, totalBytes: Int?, otherBytes: Int
    ) throws(LoadError) {
        let needed = projectedBytes(
            columns: columns, rows: rows, consumedBytes: consumedBytes, totalBytes: totalBytes, otherBytes: otherBytes)
        if needed > MemoryBudget.bytes(megabytes: budgetMegabytes) {
            throw .overBudget(neededBytes: needed, budgetMegabytes: budgetMegabytes, isStream: false)
        }
    }
}
