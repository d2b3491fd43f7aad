import ArticleStore
import Foundation
import Logging
import PQClient

/// Runs a database pass over recently committed articles in the background, on its own connection and
/// thread, so its work never sits in the ingest transaction: the search pass (`to_tsvector`) and the
/// clusterer (near-duplicate assignment). Each pass handles up to `batch()` articles and returns how many.
final class BackgroundPass: @unchecked Sendable {
    private let name: String
    private let conninfo: String
    private let pass: @Sendable (ArticleStore, Int) throws -> Int
    private let batch: @Sendable () -> Int
    /// True while intake has a backlog: the pass then takes a tenth of the time, so `to_tsvector`
    /// (about 2 ms of server CPU per article) does not compete with intake on a small machine.
    private let intakeBusy: @Sendable () -> Bool
    /// False until the schema is there to index (the intake migrates it), so the first pass does not race
    /// the migration and back off.
    private let ready: @Sendable () -> Bool
    private let logger: Logger
    private let stopped = NSCondition()
    private var isStopped = false
    /// Guarded by `stopped`: cancels the pass in flight, so a shutdown never waits for it.
    private var canceller: PQCanceller?
    /// Guarded by `stopped`: resumes `run`, once, when the thread ends or the stop grace period is over.
    private var whenDone: CheckedContinuation<Void, Never>?

    /// How long `run` waits after a stop for the thread to notice. A connection attempt to a server that does
    /// not answer cannot be interrupted; past this the thread is left to end with the process, so a background
    /// pass never holds up the daemon's stop.
    static let stopGraceSeconds = 3.0

    init(name: String, conninfo: String, pass: @escaping @Sendable (ArticleStore, Int) throws -> Int,
         batch: @escaping @Sendable () -> Int, intakeBusy: @escaping @Sendable () -> Bool = { false },
         ready: @escaping @Sendable () -> Bool = { true }, logger: Logger) {
        self.name = name
        self.conninfo = conninfo
        self.pass = pass
        self.batch = batch
        self.intakeBusy = intakeBusy
        self.ready = ready
        self.logger = logger
    }

    /// Runs passes on a thread of its own (libpq blocks, and the cooperative pool has only a thread per core)
    /// until `requestStop()`, and returns when that thread has ended or the stop grace period is over.
    /// Call it once.
    func run() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            stopped.lock()
            if isStopped {
                stopped.unlock()
                continuation.resume()
                return
            }
            whenDone = continuation
            stopped.unlock()
            let thread = Thread { [self] in
                loop()
                finish()
            }
            thread.name = "articled.\(name)"
            thread.start()
        }
    }

    /// Cancels the pass in flight (its transaction rolls back; the articles are indexed by the next run) and
    /// ends the loop. Does not wait, so a graceful shutdown or cancellation handler may call it.
    func requestStop() {
        stopped.lock()
        let first = !isStopped
        isStopped = true
        let inFlight = canceller
        stopped.broadcast()
        stopped.unlock()
        inFlight?.cancel()
        guard first else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.stopGraceSeconds) { [self] in finish() }
    }

    private func finish() {
        stopped.lock()
        let waiting = whenDone
        whenDone = nil
        stopped.unlock()
        waiting?.resume()
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
                    guard ready() else { continue }
                    let connected = try ArticleStore(conninfo: conninfo, logger: logger)
                    setCanceller(connected.connection.canceller())
                    store = connected
                }
                let started = DispatchTime.now()
                // Smaller passes while intake is busy, so each one holds a core only briefly.
                let busy = intakeBusy()
                let filled = try pass(store!, busy ? max(1, batch() / 5) : batch())
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
