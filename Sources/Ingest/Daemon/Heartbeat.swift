import Dispatch
import Synchronization

/// When the pipeline loop last went round, and when it last published its counters.
final class Heartbeat: Sendable {
    private struct Times {
        var last = DispatchTime.now().uptimeNanoseconds
        var published: UInt64 = 0
    }

    private let times = Mutex(Times())

    func beat() {
        times.withLock { $0.last = DispatchTime.now().uptimeNanoseconds }
    }

    func secondsSinceBeat() -> Double {
        let last = times.withLock { $0.last }
        return Double(DispatchTime.now().uptimeNanoseconds - last) / 1e9
    }

    func shouldPublish(every seconds: Double) -> Bool {
        times.withLock { t in
            let now = DispatchTime.now().uptimeNanoseconds
            guard Double(now - t.published) / 1e9 >= seconds else { return false }
            t.published = now
            return true
        }
    }
}
