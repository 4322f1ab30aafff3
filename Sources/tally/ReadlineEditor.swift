#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CReadline
import TallyCore

/// Completes the word ending at a byte offset of a line: where that word starts, and the candidates.
typealias CompletionProvider = (_ line: String, _ cursor: Int) -> (wordStart: Int, candidates: [String])

/// What the readline callbacks (plain C functions, which cannot capture) work with.
nonisolated(unsafe) private var readlineState = ReadlineState()

/// State shared with readline's C callbacks.
private struct ReadlineState {
    /// The line the line handler received; set once per `readLine`.
    var result: LineInput?
    /// Completes a word for tab completion.
    var provider: CompletionProvider?
    /// The matches the generator hands to readline one by one.
    var matches: [String] = []
    /// The next match to hand out.
    var nextMatch = 0
}

/// Receives a finished line (nil on Ctrl-D) and stops readline from drawing the next prompt.
private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    if let line {
        readlineState.result = .line(String(cString: line))
        free(line)
    } else {
        readlineState.result = .endOfInput
    }
    rl_callback_handler_remove()
}

/// Hands readline the prepared matches one at a time, as copies it frees.
private func matchGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { readlineState.nextMatch = 0 }
    guard readlineState.nextMatch < readlineState.matches.count else { return nil }
    let match = readlineState.matches[readlineState.nextMatch]
    readlineState.nextMatch += 1
    return strdup(match)
}

/// Readline's completion entry: asks the provider, then lines its answer up with the word
/// readline is replacing (which starts after a quote, where the provider's word starts at it).
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    tally_readline_completion_over()
    guard let provider = readlineState.provider, let buffer = tally_readline_line() else { return nil }
    let line = String(cString: buffer)
    let (wordStart, candidates) = provider(line, Int(tally_readline_point()))
    let bytes = Array(line.utf8)
    let readlineStart = min(max(Int(start), 0), bytes.count)
    let providerStart = min(max(wordStart, 0), bytes.count)
    readlineState.matches = candidates.compactMap { candidate in
        if readlineStart >= providerStart {
            let skipped = String(decoding: bytes[providerStart..<readlineStart], as: UTF8.self)
            guard candidate.lowercased().hasPrefix(skipped.lowercased()) else { return nil }
            return String(decoding: candidate.utf8.dropFirst(skipped.utf8.count), as: UTF8.self)
        }
        return String(decoding: bytes[readlineStart..<providerStart], as: UTF8.self) + candidate
    }
    guard !readlineState.matches.isEmpty else { return nil }
    return rl_completion_matches(text, matchGenerator)
}

/// The line editor of the interactive prompt, on GNU readline: editing (`~/.inputrc`, vi mode),
/// history across sessions, tab completion, Ctrl-C to drop the line being typed.
///
/// Uses readline's callback interface and waits for input with `poll`, so that Ctrl-C (which
/// sets `interrupt`, see `InterruptHandler`) wakes it without readline's own signal handlers.
final class ReadlineEditor: LineEditor {
    /// Most history entries kept in memory and in the file.
    static let historyLimit: Int32 = 1000

    /// The history file, if any.
    private let historyPath: String?
    /// Set by Ctrl-C.
    private let interrupt: CancellationFlag
    /// The last entry added, so a repeated statement is kept once.
    private var lastEntry: String?

    /// Sets up readline: completion through `provider`, history read from `historyPath`.
    init(historyPath: String?, interrupt: CancellationFlag, provider: @escaping CompletionProvider) {
        self.historyPath = historyPath
        self.interrupt = interrupt
        readlineState.provider = provider
        tally_readline_configure(strdup("tally"), attemptCompletion, strdup(" \t\n\"'`(),;=<>!+-*/"))
        rl_variable_bind("completion-ignore-case", "on")
        using_history()
        stifle_history(Self.historyLimit)
        if let historyPath {
            for entry in HistoryFile.recentEntries(path: historyPath, limit: Int(Self.historyLimit)) { add_history(entry) }
        }
    }

    func readLine(prompt: String) -> LineInput {
        readlineState.result = nil
        guard !InterruptHandler.terminationRequested else { return .endOfInput }
        rl_callback_handler_install(prompt, lineHandler)
        defer { rl_callback_handler_remove() }
        while true {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if InterruptHandler.terminationRequested {
                rl_callback_sigcleanup()
                return .endOfInput
            }
            if interrupt.isCancelled {
                interrupt.reset()
                dropLine()
                return .interrupted
            }
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            rl_callback_read_char()
            if let result = readlineState.result { return result }
        }
    }

    /// Forgets the line being typed and moves to a fresh line, as a shell does after Ctrl-C.
    /// `^C` is written while the cursor is still at the end of the line: leaving readline's
    /// terminal mode may return the cursor to the start of the line.
    private func dropLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        tally_readline_point_to_end()
        rl_redisplay()
        _ = write(STDOUT_FILENO, "^C", 2)
        rl_replace_line("", 0)
        rl_callback_handler_remove()
        _ = write(STDOUT_FILENO, "\n", 1)
    }

    func addHistory(_ entry: String) {
        guard entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
    }

    func saveHistory(output: StandardOutput) {
        guard let historyPath else { return }
        var status = write_history(historyPath)
        if status == 0 { status = history_truncate_file(historyPath, Self.historyLimit) }
        guard status != 0 else { return }
        let reason = strerror(status).map { String(cString: $0) } ?? "error \(status)"
        output.standardError("warning: cannot save the history to \(historyPath): \(reason)\n")
    }
}
