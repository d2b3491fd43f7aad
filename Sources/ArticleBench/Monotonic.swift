import Glibc

/// Seconds on CLOCK_MONOTONIC: the one clock every figure of the benchmark is measured with.
enum Monotonic {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Sleeps until the monotonic time `deadline` (absolute, so a paced loop does not drift).
    static func sleep(until deadline: Double) {
        guard deadline > 0 else { return }
        let whole = deadline.rounded(.down)
        var ts = timespec(tv_sec: Int(whole), tv_nsec: Int((deadline - whole) * 1e9))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, nil) == EINTR {}
    }

    static func sleep(_ seconds: Double) {
        sleep(until: now() + seconds)
    }
}
