import ArticleStore
import Foundation
import Logging
import PQClient

/// Fills full-text search vectors in the background, on its own connection and thread, so the
/// expensive `to_tsvector` never sits in the ingest transaction.
final class SearchIndexer: @unchecked Sendable {
    private let conninfo: String
    private let batch: @Sendable () -> Int
    /// True while intake has a backlog: the indexer then takes a tenth of the time, so `to_tsvector`
    /// (about 2 ms of server CPU per article) does not compete with intake on a small machine.
    private let intakeBusy: @Sendable () -> Bool
    private let logger: Logger
    private let stopped = NSCondition()
    private var isStopped = false
    /// Guarded by `stopped`: cancels the pass in flight, so a shutdown never waits for `to_tsvector`.
    private var canceller: PQCanceller?
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)

    init(conninfo: String, batch: @escaping @Sendable () -> Int, intakeBusy: @escaping @Sendable () -> Bool = { false },
         logger: Logger) {
        self.conninfo = conninfo
        self.batch = batch
        self.intakeBusy = intakeBusy
        self.logger = logger
    }

    func start() {
        let thread = Thread { [self] in
            loop()
            done.signal()
        }
        thread.name = "articled.search"
        self.thread = thread
        thread.start()
    }

    /// Cancels the pass in flight (its transaction rolls back; the articles are indexed by the next run)
    /// and waits briefly for the thread to notice.
    func stop() {
        requestStop()
        if thread != nil { _ = done.wait(timeout: .now() + 3) }
    }

    /// Like `stop()` without waiting: safe from a signal handler while the pipeline finishes its batch.
    func requestStop() {
        stopped.lock()
        isStopped = true
        let inFlight = canceller
        stopped.broadcast()
        stopped.unlock()
        inFlight?.cancel()
    }

    private func setCanceller(_ value: PQCanceller?) {
        stopped.lock()
        canceller = value
        stopped.unlock()
    }

    private func pause(_ seconds: Double) -> Bool {
        stopped.lock()
        defer { stopped.unlock() }
        if !isStopped { _ = stopped.wait(until: Date().addingTimeInterval(seconds)) }
        return !isStopped
    }

    private func loop() {
        var store: ArticleStore?
        var delay = 0.5
        var rest = 0.0
        while pause(store == nil ? delay : rest) {
            do {
                if store == nil {
                    let connected = try ArticleStore(conninfo: conninfo, logger: logger)
                    setCanceller(connected.connection.canceller())
                    store = connected
                }
                let started = DispatchTime.now()
                // Smaller passes while intake is busy, so each one holds a core only briefly.
                let busy = intakeBusy()
                let filled = try store!.indexSearch(limit: busy ? max(1, batch() / 5) : batch())
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                rest = busy ? seconds * 9 : 0
                delay = 0.5
                if filled == 0, !pause(1.0) { break }
            } catch {
                // The pipeline logs database outages; here we only back off.
                setCanceller(nil)
                store = nil
                delay = min(delay * 2, 30)
            }
        }
    }
}
