import Dispatch
import Foundation

/// When the pipeline loop last went round, and when it last published its counters.
final class Heartbeat: @unchecked Sendable {
    private let lock = NSLock()
    private var last = DispatchTime.now()
    private var published = DispatchTime(uptimeNanoseconds: 0)

    func beat() {
        lock.lock()
        last = .now()
        lock.unlock()
    }

    func secondsSinceBeat() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return Double(DispatchTime.now().uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
    }

    func shouldPublish(every seconds: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now()
        guard Double(now.uptimeNanoseconds - published.uptimeNanoseconds) / 1e9 >= seconds else { return false }
        published = now
        return true
    }
}
