/// What an execution carries along: the cancellation flag and the warnings raised by data
/// (a division by zero), reported once each under the result.
final class ExecutionContext {
    let cancellation: CancellationFlag?
    private(set) var warnings: [Diagnostic] = []
    private var warned = Set<String>()

    /// The rows of the table being shown, while its columns are computed: caveats about single
    /// rows (a gap before a growth) are given for these only; nil while nothing is shown.
    var shownRows: Set<Int>?

    init(cancellation: CancellationFlag?) { self.cancellation = cancellation }

    /// Rows processed between cancellation checks.
    static let batchSize = 2048

    /// Throws when the user asked to cancel.
    func checkCancelled() throws(Diagnostic) {
        if cancellation?.isCancelled == true {
            throw .error("cancelled", "query cancelled")
        }
    }

    /// `checkCancelled` once every `batchSize` rows: for loops that visit rows one at a time.
    func checkCancelled(atRow row: Int) throws(Diagnostic) {
        if row % Self.batchSize == 0 { try checkCancelled() }
    }

    /// Records a warning once per code.
    func warn(_ diagnostic: Diagnostic) {
        if warned.insert(diagnostic.code).inserted { warnings.append(diagnostic) }
    }
}
