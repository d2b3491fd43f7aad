import Dispatch
import Logging

/// During a backlog, one log line every few seconds with the rate and the time left.
final class ProgressReporter {
    private let counters: DaemonCounters
    private let logger: Logger
    private var lastTime = DispatchTime.now()
    private var lastDone = 0

    init(counters: DaemonCounters, logger: Logger) {
        self.counters = counters
        self.logger = logger
    }

    func tick(queued: Int, interval: Int) {
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - lastTime.uptimeNanoseconds) / 1e9
        guard seconds >= Double(interval) else { return }
        let done = counters.filesDone
        let rate = Double(done - lastDone) / seconds
        lastTime = now
        lastDone = done
        guard queued > 0 else { return }
        let eta = rate > 0 ? Int(Double(queued) / rate) : -1
        logger.notice("backlog progress", metadata: [
            "progress.done": "\(done)", "progress.rate_per_s": "\(Int(rate))",
            "progress.waiting": "\(queued)", "progress.eta_s": "\(eta >= 0 ? String(eta) : "unknown")",
        ])
    }
}
