import Glibc

/// Measures a statement's wall-clock and CPU time, printed as sqlite3's shell does:
/// `Run Time: real 0.012 user 0.010000 sys 0.001000`.
struct RunTimer {
    private let startWall: Double
    private let startUser: Double
    private let startSystem: Double

    /// Starts measuring.
    init() {
        startWall = RunTimer.wallClock()
        (startUser, startSystem) = RunTimer.cpuTimes()
    }

    /// The line to print, with a newline.
    func report() -> String {
        let (user, system) = RunTimer.cpuTimes()
        let real = RunTimer.wallClock() - startWall
        return "Run Time: real \(fixed(real, 3)) user \(fixed(user - startUser, 6)) sys \(fixed(system - startSystem, 6))\n"
    }

    private func fixed(_ value: Double, _ places: Int) -> String {
        NumberFormat.fixed(max(0, value), places: places, separators: false)
    }

    private static func wallClock() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func cpuTimes() -> (Double, Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }
}
