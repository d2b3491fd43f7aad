import ArticleStore
import Foundation
import PQClient

/// Backlog drain: N files already in the inbox, start the daemon, time until the N-th row commits.
///
/// Completion is seen by polling `max(id)` (then `count(*)`) of `articled.article_files` every
/// 10 ms on a separate connection; the commit time is taken as the start of the first poll that
/// sees all N rows (error ≤ one poll period). files/s = N / (that time − the "articled running"
/// line), so the daemon's start-up (connect, migrate) is reported apart.
///
/// A drain that would outlast `maxSeconds` is cut there: the rate is then the rows committed by
/// the cut over the time to it. If the full-text catch-up is wanted after a cut, the daemon is
/// stopped, the rest of the backlog set aside, and the daemon restarted on the same database with
/// an empty inbox, so only the search pass runs.
struct DrainPhase {
    let files: Int
    let corpus: Corpus
    let database: BenchDatabase
    let launcher: DaemonLauncher
    let workDirectory: String
    let measureSearch: Bool
    let searchTimeout: Double
    let maxSeconds: Double
    let postgresCPU: PostgresCPU?

    func run() throws -> DrainResult {
        let root = "\(workDirectory)/drain-\(files)"
        let inbox = root + "/inbox"
        Progress.say("drain \(files): linking \(files) files into \(inbox)")
        try corpus.link(first: files, into: inbox)
        let conninfo = try database.create("bench_drain_\(files)")

        Progress.say("drain \(files): starting articled")
        var (daemon, runningAt) = try launcher.start(inbox: inbox, conninfo: conninfo)
        let pgBefore = postgresCPU?.seconds()
        let startup = runningAt - daemon.spawnedAt
        let poll = try PQConnection(conninfo, applicationName: "articled-bench")
        defer { poll.close() }

        var done = 0
        var doneAt = 0.0
        var capped = false
        var lastProgress = (count: 0, time: Monotonic.now())
        var lastReport = Monotonic.now()
        while true {
            let started = Monotonic.now()
            let maxID = try poll.execute("SELECT coalesce(max(id), 0) FROM articled.article_files").int(0, 0) ?? 0
            if maxID >= files || started - runningAt >= maxSeconds {
                let count = try poll.execute("SELECT count(*) FROM articled.article_files").int(0, 0) ?? 0
                if count >= files || started - runningAt >= maxSeconds {
                    done = count
                    doneAt = started
                    capped = count < files
                    break
                }
            }
            if maxID > lastProgress.count { lastProgress = (maxID, started) }
            if started - lastProgress.time > Self.stallSeconds {
                daemon.stop(timeout: 15)
                throw BenchError("no commit for \(Int(Self.stallSeconds)) s at \(maxID) of \(files) rows" + Self.errors(daemon))
            }
            if !daemon.isRunning {
                throw BenchError("articled exited at \(maxID) of \(files) rows" + Self.errors(daemon))
            }
            if started - lastReport >= 10 {
                Progress.say("drain \(files): \(maxID) rows committed after \(String(format: "%.0f", started - runningAt)) s")
                lastReport = started
            }
            Monotonic.sleep(until: started + 0.010)
        }
        let pgCPU = pgBefore.flatMap { before in postgresCPU.map { $0.seconds() - before } }
        let drain = doneAt - runningAt
        Progress.say("drain \(files): \(done) rows in \(String(format: "%.2f", drain)) s (\(Int(Double(done) / drain)) files/s)"
                     + (capped ? ", cut at the \(Int(maxSeconds)) s cap" : ""))

        // The settle lag of the drain: the clusterer's queue at the last commit, and how long until it is empty
        // (the match kinds below are read after it, so they are the final clusters).
        var clusterPendingAtEnd: Int?
        var clusterSeconds: Double?
        if try poll.execute("SELECT to_regclass('articled.cluster_queue') IS NOT NULL").bool(0, 0) == true {
            clusterPendingAtEnd = try poll.execute("SELECT count(*) FROM articled.cluster_queue").int(0, 0)
            let deadline = Monotonic.now() + searchTimeout
            var lastSay = Monotonic.now()
            while !capped, Monotonic.now() < deadline {
                let started = Monotonic.now()
                let left = try poll.execute("SELECT count(*) FROM articled.cluster_queue").int(0, 0) ?? 0
                if left == 0 {
                    clusterSeconds = started - doneAt
                    break
                }
                if started - lastSay >= 10 {
                    Progress.say("drain \(files): \(left) articles still waiting for the clusterer")
                    lastSay = started
                }
                Monotonic.sleep(until: started + 0.05)
            }
        }

        var statuses: [String: Int] = [:]
        let rows = try poll.execute("SELECT status, count(*) FROM articled.article_files GROUP BY status ORDER BY status")
        for row in 0..<rows.rowCount { statuses[try rows.string(row, 0) ?? "?"] = try rows.int(row, 1) ?? 0 }
        var kinds: [String: Int] = [:]
        let hasKinds = try poll.execute("""
            SELECT count(*) FROM information_schema.columns
             WHERE table_schema = 'articled' AND table_name = 'articles' AND column_name = 'match_kind'
            """).int(0, 0) ?? 0
        if hasKinds > 0 {
            let k = try poll.execute("SELECT match_kind, count(*) FROM articled.articles GROUP BY 1 ORDER BY 1")
            for row in 0..<k.rowCount { kinds[try k.string(row, 0) ?? "?"] = try k.int(row, 1) ?? 0 }
        }

        var peak = daemon.peakResidentKilobytes() ?? 0
        var cpu = daemon.cpuSeconds()
        var status = "exit 0"
        var searchSeconds: Double?
        var pendingAtCut: Int?
        var pending: Int?
        var searchFrom = doneAt
        if capped {
            // Stop intake: the daemon finishes its batch and exits; the rest of the backlog is set aside.
            status = daemon.stop(timeout: 30)
            try FileManager.default.moveItem(atPath: inbox, toPath: root + "/not-drained")
            if measureSearch {
                pendingAtCut = try poll.execute("SELECT count(*) FROM articled.search_queue").int(0, 0)
                Progress.say("drain \(files): restarting articled on an empty inbox for the full-text pass (\(pendingAtCut ?? 0) pending)")
                (daemon, runningAt) = try launcher.start(inbox: inbox, conninfo: conninfo)
                searchFrom = runningAt
            }
        }
        if measureSearch {
            Progress.say("drain \(files): waiting for the background full-text pass")
            let deadline = Monotonic.now() + searchTimeout
            var lastSay = Monotonic.now()
            while true {
                let started = Monotonic.now()
                let left = try poll.execute("SELECT count(*) FROM articled.search_queue").int(0, 0) ?? 0
                if left == 0 {
                    searchSeconds = started - searchFrom
                    pending = nil
                    break
                }
                pending = left
                if started > deadline { break }
                if started - lastSay >= 10 {
                    Progress.say("drain \(files): \(left) articles still without a search vector")
                    lastSay = started
                }
                Monotonic.sleep(until: started + 0.2)
            }
        }

        // The move to processed/ follows each batch's COMMIT: give the last one a moment.
        var processed = Corpus.entryCount(root + "/processed")
        let moveDeadline = Monotonic.now() + 10
        while !capped, processed < files, Monotonic.now() < moveDeadline {
            Monotonic.sleep(0.05)
            processed = Corpus.entryCount(root + "/processed")
        }
        if daemon.isRunning {
            peak = max(peak, daemon.peakResidentKilobytes() ?? 0)
            if !capped { cpu = daemon.cpuSeconds() }
            let final = daemon.stop(timeout: 15)
            if status == "exit 0" { status = final }
        }
        let problems = daemon.log.lines(containing: " ERROR ") + daemon.log.lines(containing: " CRITICAL ")
        if !problems.isEmpty {
            Progress.say("drain \(files): the daemon logged \(problems.count) error line(s), first: \(problems[0])")
        }
        try? FileManager.default.removeItem(atPath: root)
        return DrainResult(files: files, committed: done, capped: capped, startupSeconds: startup, drainSeconds: drain,
                           statuses: statuses, matchKinds: kinds, processed: processed,
                           clusterPendingAtEnd: clusterPendingAtEnd, clusterCatchUpSeconds: clusterSeconds,
                           searchCatchUpSeconds: searchSeconds,
                           searchPendingAtCut: pendingAtCut, searchPendingAtTimeout: pending, peakRSSKilobytes: peak,
                           daemonCPUSeconds: cpu, postgresCPUSeconds: pgCPU, exitStatus: status, failure: nil)
    }

    /// A drain with no new row for this long is given up (the daemon is stuck or retrying in a loop).
    static let stallSeconds = 60.0

    /// The daemon's error lines, summarized: how many, and the first one (its db.error says why).
    static func errors(_ daemon: DaemonProcess) -> String {
        let lines = daemon.log.lines(containing: " ERROR ") + daemon.log.lines(containing: " CRITICAL ")
        guard let first = lines.first else {
            return "; last log lines: " + daemon.log.last(3).joined(separator: " | ")
        }
        return "; the daemon logged \(lines.count) error line(s), first: \(first)"
    }
}
