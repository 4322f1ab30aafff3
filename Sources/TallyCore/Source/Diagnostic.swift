/// One message for the user: an error, a warning or a note, with where it happened.
///
/// Every stage (lexer, parser, binder, loader, executor) reports through this one type;
/// `DiagnosticRenderer` draws it with the source line and a caret.
public struct Diagnostic: Error, Sendable, Equatable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable {
        case error, warning, note
    }

    /// A place in a data file (not in the statement being run), e.g. a bad CSV field.
    public struct FileLocation: Sendable, Equatable {
        /// The file's path as the user wrote it.
        public var path: String
        /// 1-based line.
        public var line: Int
        /// 1-based column, in characters.
        public var column: Int

        /// Creates a location.
        public init(path: String, line: Int, column: Int) {
            self.path = path
            self.line = line
            self.column = column
        }
    }

    /// Error, warning or note.
    public var severity: Severity
    /// A stable, kebab-case identifier such as `unknown-column`, for tests and documentation.
    public var code: String
    /// The one-line message.
    public var message: String
    /// Where in the statement's source, if anywhere.
    public var span: SourceSpan?
    /// Text drawn after the caret run, such as `did you mean 'origin'?`.
    public var label: String?
    /// Where in a data file, for loader errors.
    public var fileLocation: FileLocation?
    /// Further lines of explanation, each drawn as `= help: …`.
    public var help: [String]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, code: String, message: String, span: SourceSpan? = nil,
        label: String? = nil, fileLocation: FileLocation? = nil, help: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.label = label
        self.fileLocation = fileLocation
        self.help = help
    }

    /// An error diagnostic.
    public static func error(
        _ code: String, _ message: String, at span: SourceSpan? = nil, label: String? = nil,
        help: [String] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, span: span, label: label, help: help)
    }

    /// A warning diagnostic.
    public static func warning(
        _ code: String, _ message: String, at span: SourceSpan? = nil, label: String? = nil,
        help: [String] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, span: span, label: label, help: help)
    }

    /// A note diagnostic (information, not a problem).
    public static func note(_ code: String, _ message: String, help: [String] = []) -> Diagnostic {
        Diagnostic(.note, code: code, message: message, help: help)
    }
}

/// A group of diagnostics thrown together, e.g. every syntax error of a script.
public struct DiagnosticList: Error, Sendable {
    /// The diagnostics, in source order.
    public var diagnostics: [Diagnostic]

    /// Creates a list.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
