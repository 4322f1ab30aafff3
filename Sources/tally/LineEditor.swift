/// What reading one line at the prompt gave.
enum LineInput: Equatable {
    /// A line, without its line end.
    case line(String)
    /// Ctrl-C was pressed while typing: drop what was typed.
    case interrupted
    /// Ctrl-D or the end of standard input.
    case endOfInput
}

/// Reads the lines of the interactive prompt and keeps their history.
protocol LineEditor: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: String) -> LineInput
    /// Adds a whole statement (possibly several lines) to the history as one entry.
    func addHistory(_ entry: String)
    /// Saves the history; a failure is one warning line on `output`, never an error.
    func saveHistory(output: StandardOutput)
}
