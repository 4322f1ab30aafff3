/// Renders a `ResultSet` in one of the five formats.
public struct ResultRenderer {
    /// The format.
    public var format: OutputFormat
    /// Rows printed in table format before `… N more rows` (the prompt); nil prints all.
    public var rowLimit: Int?
    /// Terminal width for table format.
    public var width: Int?
    /// ANSI colour for table format.
    public var colored: Bool

    /// Creates a renderer.
    public init(format: OutputFormat, rowLimit: Int? = nil, width: Int? = nil, colored: Bool = false) {
        self.format = format
        self.rowLimit = rowLimit
        self.width = width
        self.colored = colored
    }

    /// The result as text, ending with a newline.
    public func render(_ result: ResultSet) -> String {
        switch format {
        case .table: return BoxTableRenderer(rowLimit: rowLimit, width: width, colored: colored).render(result)
        case .csv, .tsv, .json, .markdown: return rowRenderer?.render(result.table) ?? ""
        }
    }

    /// The renderer of a file format written row by row (nil for the table format).
    var rowRenderer: RowRenderer? {
        switch format {
        case .table: return nil
        case .csv: return DelimitedRenderer(delimiter: ",")
        case .tsv: return DelimitedRenderer(delimiter: "\t")
        case .json: return JSONRenderer()
        case .markdown: return MarkdownRenderer()
        }
    }
}
