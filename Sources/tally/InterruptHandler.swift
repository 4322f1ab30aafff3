#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import TallyCore

/// The flag that Ctrl-C sets at the prompt; written before the handler is installed, then only read.
nonisolated(unsafe) private var interruptTarget: Unmanaged<CancellationFlag>?
/// Whether SIGTERM and SIGHUP ask the prompt to leave (saving its history) instead of ending at once.
nonisolated(unsafe) private var leavesGracefully = false
/// The SIGTERM or SIGHUP the prompt was asked to leave by; 0 when none.
private let pendingTermination = Atomic<Int32>(0)

/// The handler of SIGINT, SIGTERM and SIGHUP. It only stores to atomics, removes the export's
/// temporary file (`unlink`) and re-raises: all safe in a signal handler.
private func handleSignal(_ signal: Int32) {
    if let flag = interruptTarget?.takeUnretainedValue(), signal == SIGINT || leavesGracefully {
        if signal != SIGINT { pendingTermination.store(signal, ordering: .relaxed) }
        flag.cancel()
        return
    }
    PendingFile.removeFromSignalHandler()
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}

/// Routes the signals that stop tally so that nothing is left behind.
///
/// Everywhere, SIGINT, SIGTERM and SIGHUP first remove a half-written export's temporary file and
/// then end the program as the signal does. At the prompt, Ctrl-C (SIGINT) instead sets a
/// cancellation flag: the running statement sees it between batches and stops, the line editor sees
/// it when its wait for input is interrupted and drops the line being typed. At a prompt on a
/// terminal, SIGTERM and SIGHUP (a closed terminal window) cancel too and ask the prompt to leave,
/// so that it saves the history first; `finishTermination` then ends the program by that signal.
/// `SA_RESTART` keeps other system calls (file reads) going; `poll` still returns `EINTR`.
enum InterruptHandler {
    /// Installs the cleaning handler for SIGINT, SIGTERM and SIGHUP (unless the parent ignores them)
    /// and unblocks them, in case the parent left them blocked.
    static func installCleanup() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&signals, signal)
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            install(signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Makes SIGINT set `flag`, which must live as long as the program; with `graceful`, SIGTERM and
    /// SIGHUP set it too (see the type).
    static func install(cancelling flag: CancellationFlag, graceful: Bool) {
        interruptTarget = Unmanaged.passRetained(flag)
        leavesGracefully = graceful
        install(SIGINT)
    }

    /// Whether SIGTERM or SIGHUP asked the prompt to leave.
    static var terminationRequested: Bool { pendingTermination.load(ordering: .relaxed) != 0 }

    /// Ends the program by the SIGTERM or SIGHUP that asked the prompt to leave, if one did.
    static func finishTermination() {
        let signal = pendingTermination.load(ordering: .relaxed)
        guard signal != 0 else { return }
        PendingFile.removeFromSignalHandler()
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }

    private static func install(_ signal: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleSignal
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
    }
}
