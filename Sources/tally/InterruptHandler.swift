#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore

/// The flag that Ctrl-C sets; written once before the handler is installed, then only read.
nonisolated(unsafe) private var interruptTarget: Unmanaged<CancellationFlag>?

/// The SIGINT handler: it only stores to the atomic flag, which is safe in a signal handler.
private func handleInterrupt(_ signal: Int32) {
    interruptTarget?.takeUnretainedValue().cancel()
}

/// Routes Ctrl-C (SIGINT) to a cancellation flag instead of ending the program.
///
/// The running query sees the flag between batches and stops; the line editor sees it when
/// its wait for input is interrupted and drops the line being typed. `SA_RESTART` keeps other
/// system calls (file reads) going; `poll` still returns `EINTR`, which is what wakes the editor.
enum InterruptHandler {
    /// Installs the handler so that SIGINT sets `flag`, which must live as long as the program,
    /// and unblocks SIGINT in case the parent left it blocked.
    static func install(cancelling flag: CancellationFlag) {
        interruptTarget = Unmanaged.passRetained(flag)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handleInterrupt
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}
