/// The line editor for a standard input that is not a terminal (`tally -i < file`):
/// no prompt, no editing, no history.
final class PlainLineEditor: LineEditor {
    /// Creates the editor.
    init() {}

    func readLine(prompt: String) -> LineInput {
        Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .endOfInput
    }

    func addHistory(_ entry: String) {}

    func saveHistory(output: StandardOutput) {}
}
