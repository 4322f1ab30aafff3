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
    /// The matches of the completion being made, lined up with readline's word.
    var matches: [String] = []
    /// How many matches of the last completion were left out of the list readline shows.
    var unlisted = 0
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
    let typed = text.map { String(cString: $0) } ?? ""
    return cappedMatches(typed: typed, listed: ReadlineEditor.listedMatches)
}

/// The matches in readline's form, a malloc'd array readline frees: the text to put in place of the
/// word (the longest prefix every match shares, compared ignoring ASCII case, never shorter than
/// `typed`), then at most `listed` matches, then NULL. Readline would sort, compare and print every
/// match, and a column can hold millions of values: a long list is cut, and `displayMatches` says
/// how many were left out.
private func cappedMatches(typed: String, listed: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let matches = readlineState.matches
    let shown = matches.count > listed ? Array(matches.prefix(listed)) : matches
    readlineState.unlisted = matches.count &- shown.count
    var common = matches.count == 1 ? matches[0] : sharedPrefix(of: matches, typed: typed)
    if common.utf8.count < typed.utf8.count { common = typed }
    let slots = shown.count &+ 2
    guard let raw = malloc(slots &* MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else { return nil }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: slots)
    array[0] = strdup(common)
    if shown.count > 1 {
        for (index, match) in shown.enumerated() { array[index &+ 1] = strdup(match) }
        array[slots &- 1] = nil
    } else {
        array[1] = nil
    }
    return array
}

/// The longest prefix all `matches` share, comparing ASCII letters ignoring case, cut at a character
/// boundary; spelled as the first match that starts with `typed` as typed, else as the first (as
/// readline keeps what the user typed).
private func sharedPrefix(of matches: [String], typed: String) -> String {
    guard let first = matches.first else { return "" }
    let spelling = Array((matches.first { $0.hasPrefix(typed) } ?? first).utf8)
    var length = spelling.count
    for match in matches {
        var same = 0
        for byte in match.utf8.prefix(length) {
            guard asciiLowercase(byte) == asciiLowercase(spelling[same]) else { break }
            same &+= 1
        }
        length = same
        if length == 0 { break }
    }
    while length > 0, length < spelling.count, spelling[length] & 0xC0 == 0x80 { length &-= 1 }
    return String(decoding: spelling.prefix(length), as: UTF8.self)
}

/// `byte` with ASCII capitals made small.
private func asciiLowercase(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
}

/// Shows the list readline asks for, then how many matches it leaves out, and redraws the line.
private func displayMatches(_ matches: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ count: Int32, _ longest: Int32) {
    rl_display_match_list(matches, count, longest)
    let unlisted = readlineState.unlisted
    if unlisted > 0 {
        let note = "(and \(NumberFormat.grouped(Int64(unlisted))) more; type more of the word to narrow them)\r\n"
        tally_readline_print(note)
    }
    rl_forced_update_display()
}

/// The line editor of the interactive prompt, on GNU readline: editing (`~/.inputrc`, vi mode),
/// history across sessions, tab completion, Ctrl-C to drop the line being typed.
///
/// Uses readline's callback interface and waits for input with `poll`, in slices, so that Ctrl-C
/// (which sets `interrupt`, see `InterruptHandler`) is seen without readline's own signal handlers,
/// also when it came while a key was handled (a long completion, which gives up when it sees it).
final class ReadlineEditor: LineEditor {
    /// Most history entries kept in memory and in the file.
    static let historyLimit: Int32 = 1000
    /// Most completion matches listed; the rest are counted.
    static let listedMatches = 500
    /// How long one wait for a key lasts before the Ctrl-C flag is looked at again, in milliseconds.
    static let waitSlice: Int32 = 100

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
        tally_readline_configure(strdup("tally"), attemptCompletion, displayMatches, strdup(" \t\n\"'`(),;=<>!+-*/"))
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
            let ready = interrupt.isCancelled ? 0 : poll(&descriptor, 1, Self.waitSlice)
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
            if ready == 0 { continue }
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
