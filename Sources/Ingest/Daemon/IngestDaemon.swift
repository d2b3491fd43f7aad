import ArticleCore
import ArticleStore
import Dispatch
import Foundation
import InboxWatcher
import Logging
import PQClient

/// `articled run`: watcher → bounded queue → parallel normalization → one transaction per batch →
/// file moves after COMMIT.
///
/// No file is lost on a crash by construction: a file leaves the inbox only after its rows are
/// committed, and recording is idempotent on (file name, bytes), so a file retried after a crash
/// between COMMIT and move is recognized as `unchanged` and then moved.
public final class IngestDaemon: @unchecked Sendable {
    private var config: ArticledConfig
    private let configLock = NSLock()
    private let logger: Logger
    let notifier: SystemdNotifier
    public let counters = DaemonCounters()
    private let queue = WorkQueue()
    private let layout: InboxLayout
    private let files: InboxFiles
    private var processor: FileProcessor
    private var learnedRefreshed = DispatchTime(uptimeNanoseconds: 0)
    private var watcher: InboxWatcher?
    private let instance: String
    private let startedAt = ISO8601DateFormatter().string(from: Date())
    /// Beats each time the pipeline loop goes round; the watchdog service pings systemd only while it does.
    let heartbeat = Heartbeat()

    /// Files found by a backlog scan, waiting their turn (at most one scanner window).
    private var scanner: BacklogScanner?
    /// The startup scan's first window, walked while the database connects; taken by the first `startScan`.
    private var scanAhead: ScanAhead?
    private var scanned: [InboxFile] = []
    private var scannedIndex = 0
    private var rescanAfterYoungFiles: DispatchTime?
    /// Paths handled in `keep` mode, so rescans do not re-read them.
    private var kept: Set<String> = []
    /// Files waiting in the inbox for a full disk or a file mode to be fixed, and when to look at them again.
    private let trouble: InboxTrouble
    private var retryRescan: DispatchTime?

    public init(config: ArticledConfig, logger: Logger, notifier: SystemdNotifier = SystemdNotifier()) {
        self.config = config
        self.logger = logger
        self.notifier = notifier
        layout = config.layout
        files = InboxFiles(layout: layout, logger: logger)
        trouble = InboxTrouble(logger: logger)
        processor = FileProcessor(normalizer: Normalizer(options: config.normalizerOptions()))
        instance = "\(ProcessInfo.processInfo.hostName):\(getpid()):\(config.inbox)"
    }

    private var currentConfig: ArticledConfig {
        configLock.lock()
        defer { configLock.unlock() }
        return config
    }

    /// The database the daemon was started with (a reload does not change it).
    var databaseURL: String { currentConfig.databaseURL }

    /// Articles per search pass, as last reloaded.
    var searchIndexBatch: Int { currentConfig.searchIndexBatch }

    /// Articles per clusterer transaction, as last reloaded.
    var clusterBatch: Int { currentConfig.clusterBatch }

    /// Set while `run` is in its loop, for `stop()` (another thread): see `stopGraceSeconds`.
    private let shutdownLock = NSLock()
    private var writerCanceller: PQCanceller?
    /// Set when the stop grace period is over: the batch writer gives up before its next file.
    private let abandonBatch = StopFlag()

    /// How long a stop waits for the transaction in flight before cancelling it. A cancelled batch rolls back
    /// and its files stay in the inbox, so the contract's 10 s stop holds even when the server is slow.
    public static let stopGraceSeconds = 5.0

    /// The first batch after start is this small, so the first commit waits for the normalization of a few
    /// files, not of a whole batch (README, "The inbox"); the next batch is full size and normalizes meanwhile.
    static let firstBatchLimit = 20

    /// Stop taking files; the batch in flight is finished (or, past the grace period, rolled back) and `run` returns.
    public func stop() {
        notifier.stopping()
        watcher?.stop()
        queue.stop()
        shutdownLock.lock()
        let canceller = writerCanceller
        shutdownLock.unlock()
        let abandon = abandonBatch
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.stopGraceSeconds) {
            // The flag first: a cancel that lands between two statements is lost, the flag is not.
            abandon.set()
            canceller?.cancel()
        }
    }

    private func track(_ store: ArticleStore?) {
        shutdownLock.lock()
        writerCanceller = store?.connection.canceller()
        shutdownLock.unlock()
    }

    /// SIGHUP: take the settings that can change without a restart.
    public func reload(_ newConfig: ArticledConfig) {
        configLock.lock()
        config.batchSize = newConfig.batchSize
        config.batchMaxWaitMilliseconds = newConfig.batchMaxWaitMilliseconds
        config.rescanIntervalSeconds = newConfig.rescanIntervalSeconds
        config.logLevel = newConfig.logLevel
        config.progressIntervalSeconds = newConfig.progressIntervalSeconds
        config.searchIndexBatch = newConfig.searchIndexBatch
        config.clusterBatch = newConfig.clusterBatch
        configLock.unlock()
        watcher?.setRescanInterval(.seconds(newConfig.rescanIntervalSeconds))
        logger.notice("configuration reloaded", metadata: ["ingest.batch_size": "\(newConfig.batchSize)",
                                                           "inbox.rescan_interval_s": "\(newConfig.rescanIntervalSeconds)"])
    }

    /// Runs until `stop()`. Throws only for problems a restart cannot fix (bad connection string, inbox not creatable).
    public func run() throws {
        for folder in [layout.inbox, layout.processed, layout.rejected] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        // The watches and the backlog's first window need no database: they are set up while it connects and
        // migrates, so a big backlog's first batch is ready when the database is (README, "The inbox").
        let watcher = InboxWatcher(layout: layout, mode: config.watchMode, rescanInterval: .seconds(config.rescanIntervalSeconds),
                                   logger: logger)
        let queue = self.queue
        try watcher.start { event in
            switch event {
            case .arrived(let path): queue.push(path)
            case .rescan: queue.requestRescan()
            }
        }
        self.watcher = watcher
        scanAhead = ScanAhead(BacklogScanner(layout: layout, logger: logger))
        guard var store = connect(migrate: true, alreadyReportedDown: false) else {
            watcher.stop()
            _ = scanAhead?.wait()
            return
        }
        notifier.ready()
        logger.notice("articled running", metadata: ["inbox.path": "\(layout.inbox)", "inbox.processed": "\(layout.processed)",
                                                     "inbox.rejected": "\(layout.rejected)"])
        let counters = self.counters
        track(store)
        let progress = ProgressReporter(counters: counters, logger: logger)
        defer { try? store.removeDaemon(instance: instance) }

        // Two stages overlap: while one batch is written (PostgreSQL busy on one core), the next one is
        // read and normalized on the others. `current` is normalized and waits for its transaction.
        var current: [PreparedFile] = []
        var next: PendingBatch<PreparedFile>?
        var committedAny = false
        loop: while true {
            heartbeat.beat()
            // SIGTERM: the batch in flight has finished; take no more, even with a backlog waiting.
            if queue.isStopped { break }
            let settings = currentConfig
            refreshLearnedBoilerplate(store)
            if current.isEmpty {
                if let next {
                    current = next.wait()
                } else {
                    let paths = take(settings, idle: 1.0, excluding: [],
                                     limit: committedAny ? settings.batchSize : min(settings.batchSize, Self.firstBatchLimit))
                    if paths.isEmpty {
                        if queue.isStopped { break }
                        publish(store: store, progress: progress, interval: settings.progressIntervalSeconds)
                        continue
                    }
                    current = prepare(paths, with: processor)
                }
                next = nil
                if current.isEmpty { continue }
            }
            // Whatever is waiting now starts normalizing at once; nothing is waited for here, so a lone file
            // is written without delay. Files of the current batch are not taken twice (a rescan sees them).
            let following = take(settings, idle: 0, excluding: Set(current.map(\.claim.path)))
            if !following.isEmpty {
                let processor = self.processor
                next = PendingBatch(following) { [self] in prepare($0, with: processor) }
            }

            let committer = BatchCommitter(isStopping: { [queue] in queue.isStopped },
                                           shouldAbandon: { [abandonBatch] in abandonBatch.isSet }, logger: logger)
            switch committer.commit(current, to: store) {
            case .written(let reports):
                reports.forEach(dispose)
            case .databaseLost(let error):
                counters.update { $0.databaseUp = false }
                logger.error("database unreachable; files wait in the inbox", metadata: ["db.error": "\(error)"])
                current.forEach { queue.push($0.claim.path) }
                current = []
                guard let reconnected = connect(migrate: false, alreadyReportedDown: true) else { break loop }
                store = reconnected
                track(store)
                continue
            case .abandoned(let error):
                // Cancelled after the stop grace period: rolled back, so its files simply stay in the inbox.
                logger.notice("batch in flight abandoned on stop; its files stay in the inbox",
                              metadata: ["db.error": "\(error)", "ingest.files": "\(current.count)"])
                break loop
            }
            current = []
            committedAny = true
            counters.update { $0.batches += 1 }
            progress.tick(queued: queue.count + (scanned.count - scannedIndex), interval: settings.progressIntervalSeconds)
            publish(store: store, progress: nil, interval: settings.progressIntervalSeconds)
        }
        // A batch normalized but not written stays in the inbox; its normalization stops early on stop().
        _ = next?.wait()
        logger.notice("articled stopped", metadata: ["daemon.counters": "\(counters.snapshot.summary)"])
    }

    // MARK: - Database

    /// Connects with capped exponential backoff, logging once per state change. Nil when stopped meanwhile.
    private func connect(migrate: Bool, alreadyReportedDown: Bool) -> ArticleStore? {
        var delay = 0.25
        var loggedDown = alreadyReportedDown
        while !queue.isStopped {
            heartbeat.beat()
            do {
                let store = try ArticleStore(conninfo: currentConfig.databaseURL, logger: logger)
                if migrate { try store.migrate() }
                logger.notice("database reachable", metadata: ["db.server_version": "\(store.connection.serverVersion)"])
                counters.update { $0.databaseUp = true }
                return store
            } catch let error as PQError where error.code == .badConnectionString {
                logger.critical("invalid database connection string", metadata: ["db.error": "\(error)"])
                queue.stop()
                return nil
            } catch {
                if !loggedDown {
                    logger.error("database unreachable; retrying with backoff", metadata: ["db.error": "\(error)"])
                    notifier.status("waiting for the database: \(error)")
                    loggedDown = true
                }
                counters.update { $0.databaseUp = false }
                queue.pause(delay)
                delay = min(delay * 2, Double(currentConfig.reconnectMaxSeconds))
            }
        }
        return nil
    }

    /// Reloads the learned boilerplate lines at most once a minute, so new recurring footers take effect.
    private func refreshLearnedBoilerplate(_ store: ArticleStore) {
        let now = DispatchTime.now()
        guard now.uptimeNanoseconds - learnedRefreshed.uptimeNanoseconds >= 60_000_000_000 || learnedRefreshed.uptimeNanoseconds == 0 else { return }
        learnedRefreshed = now
        let settings = currentConfig
        do {
            let learned = try store.learnedBoilerplate(minArticles: settings.learnAfterArticles)
            processor = FileProcessor(normalizer: Normalizer(options: settings.normalizerOptions(learned: learned)))
        } catch {
            logger.warning("cannot load learned boilerplate; keeping the previous set", metadata: ["db.error": "\(error)"])
        }
    }

    private func publish(store: ArticleStore, progress: ProgressReporter?, interval: Int) {
        guard heartbeat.shouldPublish(every: Double(interval)) else { return }
        let problem = trouble.summary
        counters.update { $0.problem = problem }
        let snapshot = counters.snapshot
        notifier.status(snapshot.summary)
        try? store.heartbeat(instance: instance, host: ProcessInfo.processInfo.hostName, pid: Int(getpid()),
                             inbox: layout.inbox, startedAt: startedAt, counters: snapshot.json)
    }

    // MARK: - Files

    /// The next batch's paths: queued arrivals first (waiting up to `idle` for one), then the backlog scan.
    private func take(_ settings: ArticledConfig, idle: Double, excluding inFlight: Set<String>, limit: Int? = nil) -> [String] {
        let limit = limit ?? settings.batchSize
        let (queuedPaths, rescan) = queue.next(limit: limit, idle: idle,
                                               linger: idle > 0 ? Double(settings.batchMaxWaitMilliseconds) / 1000 : 0)
        if rescan { startScan() }
        if let due = rescanAfterYoungFiles, DispatchTime.now() >= due {
            rescanAfterYoungFiles = nil
            startScan()
        }
        // Files left in the inbox by a failed move or a denied read: looked at again once the scan before is done.
        if retryRescan == nil, scanner == nil, let delay = trouble.nextRetry() {
            retryRescan = .now() + delay
        }
        if let due = retryRescan, DispatchTime.now() >= due {
            retryRescan = nil
            logger.debug("looking again at files left in the inbox")
            startScan()
        }
        let paths = queuedPaths + takeScanned(limit: limit - queuedPaths.count)
        counters.update { $0.queued = queue.count + (scanned.count - scannedIndex) }
        var seen = inFlight
        return paths.filter { seen.insert($0).inserted && !kept.contains($0) }
    }

    /// Reads and normalizes on all cores. Files that vanished (another instance took them) are dropped,
    /// and so are files not yet started when a stop arrives: they stay in the inbox for the next run,
    /// so SIGTERM waits only for the files already being normalized and the commit.
    private func prepare(_ paths: [String], with processor: FileProcessor) -> [PreparedFile] {
        let settings = currentConfig
        let maxBytes = settings.maxFileBytes
        let files = self.files
        let queue = self.queue
        let trouble = self.trouble
        let prepared = processor.readAll(paths.map { (files, $0) }, maxBytes: maxBytes, workers: settings.effectiveWorkers,
                                         dropVanished: true, holdDenied: { trouble.readDenied($0, error: $1) },
                                         isStopping: { queue.isStopped })
        trouble.read(prepared.lazy.map(\.claim.path))
        return prepared
    }

    private func dispose(_ report: FileReport) {
        let path = report.claim.path
        if report.status == .deferred {
            // Retried after the next rescan rather than at once, so a busy database gets room to breathe.
            queue.requestRescan()
            return
        }
        var outcome: FileOutcome = .kept
        let disposition = currentConfig.disposition
        let destination = report.status == .rejected ? "rejected" : disposition == .delete ? "delete" : "processed"
        do {
            if report.status == .rejected {
                outcome = try files.reject(path, reason: report.reason ?? "rejected", at: Date())
            } else {
                outcome = try files.dispose(path, as: disposition)
                if disposition == .keep { kept.insert(path) }
            }
            trouble.moved(path, destination: destination)
        } catch {
            // Committed, so a retry records it as unchanged and moves it: nothing is written twice.
            trouble.moveFailed(path, destination: destination, error: error)
        }
        let ms = report.claim.elapsedMilliseconds
        counters.update { $0.count(report.status) }
        var metadata: Logger.Metadata = [
            "inbox.file": "\(path)", "file.status": "\(report.status.rawValue)",
            "file.ms": "\(String(format: "%.1f", ms))",
        ]
        if !report.articleIDs.isEmpty { metadata["article.id"] = "\(report.articleIDs.map(String.init).joined(separator: ","))" }
        if let reason = report.reason { metadata["file.reason"] = "\(reason)" }
        if case .gone = outcome { metadata["file.note"] = "moved by another instance" }
        if report.status == .rejected {
            logger.warning("file rejected", metadata: metadata)
        } else {
            logger.info("file \(report.status.rawValue)", metadata: metadata)
        }
    }

    // MARK: - Backlog

    private func startScan() {
        scannedIndex = 0
        guard let ahead = scanAhead else {
            // Only the start-up scan trades strict order for a quick first batch: a rescan's first window
            // would stall the pipeline no longer than any other window does.
            scanner = BacklogScanner(layout: layout, firstWindowBudget: nil, logger: logger)
            scanned = []
            return
        }
        scanAhead = nil
        let (walked, window) = ahead.wait()
        scanner = walked
        switch window {
        case .success(let files):
            scanned = files
        case .failure(let error):
            logger.error("cannot scan the inbox", metadata: ["inbox.error": "\(error)"])
            scanner = nil
            scanned = []
        }
    }

    /// Files from the backlog scan, oldest first. Files modified in the last second may still be being
    /// written (a writer that does not rename): they are left for a rescan a moment later.
    private func takeScanned(limit: Int) -> [String] {
        guard limit > 0 else { return [] }
        var taken: [String] = []
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        while taken.count < limit {
            if scannedIndex >= scanned.count {
                // The next window costs a walk of the whole inbox: a batch that has files goes without it.
                if !taken.isEmpty { break }
                guard var current = scanner, !current.isExhausted else { scanner = nil; break }
                do {
                    scanned = try current.nextBatch()
                } catch {
                    logger.error("cannot scan the inbox", metadata: ["inbox.error": "\(error)"])
                    scanned = []
                }
                scannedIndex = 0
                scanner = current
                if scanned.isEmpty { scanner = nil; break }
            }
            let file = scanned[scannedIndex]
            scannedIndex += 1
            if now - file.modifiedNanoseconds < 1_000_000_000 {
                rescanAfterYoungFiles = rescanAfterYoungFiles ?? .now() + .seconds(1)
                continue
            }
            if !kept.contains(file.relativePath) { taken.append(file.relativePath) }
        }
        return taken
    }
}
