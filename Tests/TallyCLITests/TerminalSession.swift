import Foundation

/// tally running under a pseudo-terminal in a private tmux server, driven by keystrokes and read
/// back from the screen, for end-to-end tests of the interactive prompt.
///
/// The program runs inside `sh`, which prints `[exit STATUS]` when it ends and keeps the pane
/// open, so tests can read the exit status and the last screen.
final class TerminalSession {
    /// The tmux server's socket name, private to this session.
    private let socket = "tally-test-" + UUID().uuidString
    /// The tmux session name.
    private let name = "tally"

    /// Starts `tally arguments` in a terminal of `width`×`height` with `environment` set.
    init(arguments: [String] = [], environment: [String: String] = [:], width: Int = 120, height: Int = 40) throws {
        var variables = ["NO_COLOR": "1", "TERM": "xterm-256color", "INPUTRC": "/dev/null"]
        for (key, value) in environment { variables[key] = value }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuoted($0.value))" }
        let command = (["env"] + assignments + [Self.shellQuoted(TallyBinary.path)] + arguments.map(Self.shellQuoted))
            .joined(separator: " ") + "; echo \"[exit $?]\"; sleep 600"
        try tmux(["new-session", "-d", "-x", String(width), "-y", String(height), "-s", name, command], readOutput: false)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// Closes the terminal, as closing its window does: the programs in it get SIGHUP.
    func hangUp() throws {
        try tmux(["kill-session", "-t", name])
    }

    /// Sends keys as tmux names them (`Enter`, `Tab`, `C-c`, `C-d`, `Up`) or literal text.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Sends `text` literally (no key names).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", "--", text])
    }

    /// The screen's text, trailing blank lines removed (empty when tmux cannot be asked).
    func screen() -> String {
        let text = (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Pastes `text` as a terminal does, between bracketed-paste marks when the program asked for them.
    func paste(_ text: String) throws {
        let file = NSTemporaryDirectory() + "tally-paste-" + UUID().uuidString
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { unlink(file) }
        try tmux(["load-buffer", file])
        try tmux(["paste-buffer", "-p", "-t", name])
    }

    /// Everything the terminal has shown, the scrolled-off part too, with lines that the terminal
    /// wrapped joined again, trailing blanks and blank lines removed.
    func transcript() -> String {
        let text = (try? tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", name])) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " }.reversed())
        }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The row of the screen the cursor is on, from 0 at the top.
    func cursorRow() -> Int {
        Int(((try? tmux(["display-message", "-p", "-t", name, "#{cursor_y}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The pane's title, as escape sequences on the screen may set it.
    func title() -> String {
        ((try? tmux(["display-message", "-p", "-t", name, "#{pane_title}"])) ?? "").trimmingCharacters(in: .newlines)
    }

    /// The last non-blank line of the screen.
    func lastLine() -> String {
        screen().split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Waits until `condition` holds for the screen; returns the screen, or nil after `timeout` seconds.
    @discardableResult
    func wait(timeout: Double = 10, until condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let text = screen()
            if condition(text) { return text }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return nil
    }

    /// Waits until the last line of the screen is exactly `line`.
    @discardableResult
    func waitForLastLine(_ line: String, timeout: Double = 10) -> Bool {
        wait(timeout: timeout) { $0.split(separator: "\n").last.map(String.init) == line } != nil
    }

    /// Runs tmux against this session's private server and returns its standard output.
    ///
    /// Spawned with `posix_spawn`, a clear signal mask and default signal actions: the test
    /// runner's threads block signals, and a child that inherits that (the tmux server, then
    /// tally) would never see Ctrl-C. The output goes through a file, never a pipe, because
    /// the server that `new-session` starts would keep a pipe open.
    @discardableResult
    private func tmux(_ arguments: [String], readOutput: Bool = true) throws -> String {
        let outputPath = NSTemporaryDirectory() + "tally-tmux-" + UUID().uuidString
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, readOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "tmux", &actions, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        guard readOutput else { return "" }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// `text` quoted for `sh`.
    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
