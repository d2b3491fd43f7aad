import Foundation
import PQClient

/// The peer's backlog drain: the same first N generated files, hard-linked into a fresh inbox, drained
/// by `scripts/peer-ingest.py` (watchdog + psycopg, one INSERT and one COMMIT per file) into a fresh
/// database of the same cluster, right after articled's drain of the same files.
///
/// Timed like `DrainPhase`: from the script's "peer running" line (connected, table made, watch on) to
/// the first 10 ms poll of `max(id)` / `count(*)` that sees all N rows; cut at `maxSeconds`.
struct PeerPhase {
    let files: Int
    let corpus: Corpus
    let database: BenchDatabase
    let python: String
    let script: String
    let workDirectory: String
    let maxSeconds: Double
    let postgresCPU: PostgresCPU?

    func run() throws -> PeerResult {
        let root = "\(workDirectory)/peer-\(files)"
        let inbox = root + "/inbox"
        let doneFolder = root + "/done"
        defer { try? FileManager.default.removeItem(atPath: root) }
        Progress.say("peer \(files): linking \(files) files into \(inbox)")
        try corpus.link(first: files, into: inbox)
        let conninfo = try database.create("bench_peer_\(files)")

        Progress.say("peer \(files): starting \(script)")
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let home = inherited["HOME"] { environment["HOME"] = home }
        let peer = try DaemonProcess(executable: python,
                                     arguments: [script, "--inbox", inbox, "--done", doneFolder, "--database", conninfo],
                                     environment: environment, pidFile: workDirectory + "/peer.pid")
        defer { peer.stop(timeout: 10) }
        guard let runningAt = peer.log.waitForLine(containing: "peer running", timeout: 60) else {
            let status = peer.stop(timeout: 5)
            throw BenchError("the peer did not report \"peer running\" within 60 s (\(status)); last lines:\n"
                             + peer.log.last(10).joined(separator: "\n"))
        }
        let pgBefore = postgresCPU?.seconds()
        let poll = try PQConnection(conninfo, applicationName: "articled-bench")
        defer { poll.close() }

        var done = 0
        var doneAt = 0.0
        var lastProgress = (count: 0, time: Monotonic.now())
        var lastReport = Monotonic.now()
        while true {
            let started = Monotonic.now()
            let maxID = try poll.execute("SELECT coalesce(max(id), 0) FROM peer_articles").int(0, 0) ?? 0
            if maxID >= files || started - runningAt >= maxSeconds {
                done = try poll.execute("SELECT count(*) FROM peer_articles").int(0, 0) ?? 0
                if done >= files || started - runningAt >= maxSeconds {
                    doneAt = started
                    break
                }
            }
            if maxID > lastProgress.count { lastProgress = (maxID, started) }
            if started - lastProgress.time > DrainPhase.stallSeconds {
                throw BenchError("the peer committed nothing for \(Int(DrainPhase.stallSeconds)) s at \(maxID) of \(files) rows; "
                                 + "last lines: " + peer.log.last(3).joined(separator: " | "))
            }
            if !peer.isRunning {
                throw BenchError("the peer exited at \(maxID) of \(files) rows; last lines: " + peer.log.last(5).joined(separator: " | "))
            }
            if started - lastReport >= 10 {
                Progress.say("peer \(files): \(maxID) rows committed after \(String(format: "%.0f", started - runningAt)) s")
                lastReport = started
            }
            Monotonic.sleep(until: started + 0.010)
        }
        let pgCPU = pgBefore.flatMap { before in postgresCPU.map { $0.seconds() - before } }
        let cpu = peer.cpuSeconds()
        let peak = peer.peakResidentKilobytes() ?? 0
        let drain = doneAt - runningAt
        let capped = done < files
        Progress.say("peer \(files): \(done) rows in \(String(format: "%.2f", drain)) s (\(Int(Double(done) / drain)) files/s)"
                     + (capped ? ", cut at the \(Int(maxSeconds)) s cap" : ""))
        // The move follows each COMMIT: give the last one a moment.
        var processed = Corpus.entryCount(doneFolder)
        let moveDeadline = Monotonic.now() + 10
        while !capped, processed < files, Monotonic.now() < moveDeadline {
            Monotonic.sleep(0.05)
            processed = Corpus.entryCount(doneFolder)
        }
        return PeerResult(files: files, committed: done, capped: capped, startupSeconds: runningAt - peer.spawnedAt,
                          drainSeconds: drain, processed: processed, peakRSSKilobytes: peak, cpuSeconds: cpu,
                          postgresCPUSeconds: pgCPU)
    }
}
