/// A file format written a row at a time (CSV, TSV, JSON, Markdown): a header, one piece per row,
/// a footer. Rows can be written as they are made, with a check for cancellation between them.
protocol RowRenderer {
    /// What comes before the first row.
    func header(_ table: Table) -> String
    /// One row, with whatever follows it (a line end, a separator).
    func row(_ row: Int, of table: Table) -> String
    /// What comes after the last row.
    func footer(_ table: Table) -> String
}

extension RowRenderer {
    func footer(_ table: Table) -> String { "" }

    /// The whole table as one text.
    func render(_ table: Table) -> String {
        var out = header(table)
        for row in 0..<table.rowCount { out += self.row(row, of: table) }
        return out + footer(table)
    }

    /// Writes the table to `output` row by row; `output` checks for cancellation as it fills.
    func write(_ table: Table, to output: inout FileWriter.Output) throws(Diagnostic) {
        try output.append(header(table))
        for row in 0..<table.rowCount { try output.append(self.row(row, of: table)) }
        try output.append(footer(table))
    }
}
