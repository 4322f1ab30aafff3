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
    /// Writes country columns as short names in table format; nil keeps the codes.
    public var countryNames: CountryDirectory?
    /// Boxes, or one block per row, in table format.
    public var layout: TableLayout

    /// Creates a renderer.
    public init(
        format: OutputFormat, rowLimit: Int? = nil, width: Int? = nil, colored: Bool = false,
        countryNames: CountryDirectory? = nil, layout: TableLayout = .table
    ) {
        self.format = format
        self.rowLimit = rowLimit
        self.width = width
        self.colored = colored
        self.countryNames = countryNames
        self.layout = layout
    }

    /// The result as text, ending with a newline.
    public func render(_ result: ResultSet) -> String {
        switch format {
        case .table:
            let shown = result.showingCountryNames(from: countryNames)
            switch layout {
            case .table: return BoxTableRenderer(rowLimit: rowLimit, width: width, colored: colored).render(shown)
            case .vertical: return VerticalRenderer(rowLimit: rowLimit, width: width, colored: colored).render(shown)
            }
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
