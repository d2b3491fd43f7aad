import ArticleStore
import Foundation
import PQClient

/// Watches for committed rows on its own connection and thread: every 1 ms it asks for
/// `article_files` rows with an id above the last one seen. A row first returned by a query was
/// committed after the previous query's snapshot and before this one's, so its commit time is
/// taken as this query's start (an upper bound, at most one poll period late).
final class CommitPoller: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String: Double] = [:]
    private var stopRequested = false
    private var failure: String?
    private var polls = 0
    private let finished = DispatchSemaphore(value: 0)

    init(conninfo: String, interval: Double = 0.001) {
        let thread = Thread { [self] in
            self.loop(conninfo: conninfo, interval: interval)
            self.finished.signal()
        }
        thread.name = "bench.commit-poller"
        thread.start()
    }

    private func loop(conninfo: String, interval: Double) {
        let connection: PQConnection
        do {
            connection = try PQConnection(conninfo, applicationName: "articled-bench-poller")
        } catch {
            record(failure: "\(error)")
            return
        }
        defer { connection.close() }
        var lastID = 0
        while !shouldStop {
            let started = Monotonic.now()
            do {
                let rows = try connection.execute(
                    "SELECT id, file_name FROM articled.article_files WHERE id > $1::bigint ORDER BY id", [String(lastID)])
                if rows.rowCount > 0 {
                    var batch: [(String, Double)] = []
                    for row in 0..<rows.rowCount {
                        lastID = max(lastID, try rows.int(row, 0) ?? lastID)
                        batch.append((try rows.string(row, 1) ?? "", started))
                    }
                    lock.lock()
                    for (name, time) in batch where seen[name] == nil { seen[name] = time }
                    polls += 1
                    lock.unlock()
                } else {
                    lock.lock()
                    polls += 1
                    lock.unlock()
                }
            } catch {
                record(failure: "\(error)")
                return
            }
            Monotonic.sleep(until: Monotonic.now() + interval)
        }
    }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    private func record(failure message: String) {
        lock.lock()
        failure = failure ?? message
        lock.unlock()
    }

    func stop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
        _ = finished.wait(timeout: .now() + 5)
    }

    var commitTimes: [String: Double] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return seen.count
    }

    var pollCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return polls
    }

    var error: String? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
