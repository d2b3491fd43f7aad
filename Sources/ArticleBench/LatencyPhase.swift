import Foundation
import Glibc

/// Steady load: one file every 1/rate s into a running daemon's inbox (written as `NAME.tmp`, then
/// renamed), and per file the time from the rename to its row being committed.
struct LatencyPhase {
    let seconds: Int
    let rate: Double
    let generator: ArticleGenerator
    let database: BenchDatabase
    let launcher: DaemonLauncher
    let workDirectory: String
    /// How long to wait after the last drop for the daemon to commit the rest.
    let drainTimeout: Double

    /// Generator indices far above any backlog, so these bodies are new as well.
    static let firstIndex = 50_000_000

    func run() throws -> LatencyResult {
        let root = workDirectory + "/latency"
        let inbox = root + "/inbox"
        let processed = root + "/processed"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: processed, withIntermediateDirectories: true)
        let count = max(1, Int((Double(seconds) * rate).rounded()))
        let names = (0..<count).map { "lat-" + Corpus.name($0) }
        let contents = (0..<count).map { generator.article(Self.firstIndex + $0) }

        let conninfo = try database.create("bench_latency")
        Progress.say("latency: starting articled")
        let (daemon, _) = try launcher.start(inbox: inbox, conninfo: conninfo)
        let watcher = try MoveWatcher(directory: processed)
        let poller = CommitPoller(conninfo: conninfo)
        Monotonic.sleep(0.5) // let the first poll and the watcher settle

        Progress.say("latency: dropping \(count) files at \(rate) files/s for \(seconds) s")
        var renamedAt = [Double](repeating: 0, count: count)
        var worstSlip = 0.0
        let start = Monotonic.now() + 0.05
        for k in 0..<count {
            let final = inbox + "/" + names[k]
            try Corpus.writeFile(final + ".tmp", contents[k])
            let due = start + Double(k) / rate
            Monotonic.sleep(until: due)
            let now = Monotonic.now()
            worstSlip = max(worstSlip, now - due)
            renamedAt[k] = now
            guard rename(final + ".tmp", final) == 0 else {
                throw BenchError("rename \(final): \(String(cString: strerror(errno)))")
            }
        }
        let lastDrop = renamedAt[count - 1]
        // A daemon slower than the drop rate has a queue left: wait for it (bounded), so late files count as late.
        let deadline = Monotonic.now() + drainTimeout
        var lastSay = Monotonic.now()
        while poller.count < count, Monotonic.now() < deadline, poller.error == nil {
            Monotonic.sleep(0.01)
            if Monotonic.now() - lastSay >= 10 {
                Progress.say("latency: \(poller.count) of \(count) committed")
                lastSay = Monotonic.now()
            }
        }
        let moveDeadline = Monotonic.now() + 5
        while watcher.arrivalTimes.count < count, Monotonic.now() < moveDeadline { Monotonic.sleep(0.01) }
        // The settle lag: wait (bounded) for the search pass to reach the last article.
        let searchDeadline = Monotonic.now() + 60
        while !(poller.nothingPendingSearch && poller.nothingPendingCluster), Monotonic.now() < searchDeadline, poller.error == nil {
            Monotonic.sleep(0.01)
        }
        let pollWindow = Monotonic.now() - start
        poller.stop()
        watcher.stop()
        if let error = poller.error { throw BenchError("latency: the commit poller failed: \(error)") }

        let commits = poller.commitTimes
        let moves = watcher.arrivalTimes
        let searchable = poller.searchableLag
        let clustered = poller.clusteredLag
        var commitMs: [Double] = []
        var moveMs: [Double] = []
        var searchableMs: [Double] = []
        var clusteredMs: [Double] = []
        for k in 0..<count {
            // Not committed by the end of the wait: later than anything measured (+∞ in the percentiles).
            commitMs.append(commits[names[k]].map { max(0, $0 - renamedAt[k]) * 1000 } ?? .infinity)
            moveMs.append(moves[names[k]].map { max(0, $0 - renamedAt[k]) * 1000 } ?? .infinity)
            searchableMs.append(searchable[names[k]].map { $0 * 1000 } ?? .infinity)
            clusteredMs.append(clustered[names[k]].map { $0 * 1000 } ?? .infinity)
        }
        let committed = commitMs.filter(\.isFinite).count
        if committed < count {
            Progress.say("latency: only \(committed) of \(count) files committed within \(Int(drainTimeout)) s of the last drop")
        }
        let peak = daemon.peakResidentKilobytes() ?? 0
        let cpu = daemon.cpuSeconds()
        let status = daemon.stop(timeout: 15)
        try? FileManager.default.removeItem(atPath: root)
        return LatencyResult(
            seconds: seconds, targetRate: rate, dropped: count,
            achievedRate: count > 1 ? Double(count - 1) / (lastDrop - renamedAt[0]) : 0,
            commit: Percentiles(commitMs), moved: Percentiles(moveMs), searchable: Percentiles(searchableMs),
            clustered: Percentiles(clusteredMs),
            pollsPerSecond: Double(poller.pollCount) / pollWindow,
            peakRSSKilobytes: peak, daemonCPUSeconds: cpu, exitStatus: status,
            worstScheduleSlipMilliseconds: worstSlip * 1000)
    }
}
