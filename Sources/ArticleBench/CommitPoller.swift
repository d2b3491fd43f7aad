import ArticleStore
import Foundation
import PQClient

/// Watches for committed rows on its own connection and thread: every 1 ms it asks for
/// `article_files` rows with an id above the last one seen. A row first returned by a query was
/// committed after the previous query's snapshot and before this one's, so its commit time is
/// taken as this query's start (an upper bound, at most one poll period late).
///
/// Every 10th poll it also reads the lowest article id still in the search queue. The search pass
/// fills vectors in id order, so an article is searchable from the first such reading, at or after its
/// commit, that is above its id (again an upper bound, at most ten poll periods late). The same reading of
/// the clusterer's queue (`articled.cluster_queue`, also taken in id order) gives commit → cluster assigned.
final class CommitPoller: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String: Double] = [:]
    private var articles: [String: Int] = [:]
    /// (time, lowest pending id or Int.max) of each reading.
    private var pendingFloor: [(time: Double, id: Int)] = []
    /// (time, lowest id still waiting for the clusterer or Int.max) of each reading; empty before schema v8.
    private var clusterFloor: [(time: Double, id: Int)] = []
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
        var pollIndex = 0
        let hasClusterQueue = (try? connection.execute("SELECT to_regclass('articled.cluster_queue') IS NOT NULL").bool(0, 0)) == true
        while !shouldStop {
            let started = Monotonic.now()
            do {
                let rows = try connection.execute(
                    "SELECT id, file_name, article_id FROM articled.article_files WHERE id > $1::bigint ORDER BY id", [String(lastID)])
                var batch: [(name: String, time: Double, article: Int?)] = []
                for row in 0..<rows.rowCount {
                    lastID = max(lastID, try rows.int(row, 0) ?? lastID)
                    batch.append((try rows.string(row, 1) ?? "", started, try rows.int(row, 2)))
                }
                var floor: Int?
                if pollIndex % 10 == 0 {
                    let floorStarted = Monotonic.now()
                    floor = try connection.execute(
                        "SELECT coalesce(min(article_id), 9223372036854775807) FROM articled.search_queue").int(0, 0)
                    if let value = floor { record(floor: value, at: floorStarted) }
                    if hasClusterQueue {
                        let clusterStarted = Monotonic.now()
                        let value = try connection.execute(
                            "SELECT coalesce(min(article_id), 9223372036854775807) FROM articled.cluster_queue").int(0, 0)
                        if let value { record(clusterFloor: value, at: clusterStarted) }
                    }
                }
                pollIndex += 1
                lock.lock()
                for entry in batch where seen[entry.name] == nil {
                    seen[entry.name] = entry.time
                    articles[entry.name] = entry.article
                }
                polls += 1
                lock.unlock()
            } catch {
                record(failure: "\(error)")
                return
            }
            Monotonic.sleep(until: Monotonic.now() + interval)
        }
    }

    private func record(floor: Int, at time: Double) {
        lock.lock()
        pendingFloor.append((time, floor))
        lock.unlock()
    }

    private func record(clusterFloor floor: Int, at time: Double) {
        lock.lock()
        clusterFloor.append((time, floor))
        lock.unlock()
    }

    /// Commit → searchable per file name, in seconds; files not searchable by the last reading are left out.
    var searchableLag: [String: Double] {
        lock.lock()
        defer { lock.unlock() }
        return Self.lags(seen: seen, articles: articles, floor: pendingFloor)
    }

    /// Commit → cluster assigned per file name, in seconds; files still queued at the last reading are left out.
    var clusteredLag: [String: Double] {
        lock.lock()
        defer { lock.unlock() }
        return Self.lags(seen: seen, articles: articles, floor: clusterFloor)
    }

    private static func lags(seen: [String: Double], articles: [String: Int], floor: [(time: Double, id: Int)]) -> [String: Double] {
        var lags: [String: Double] = [:]
        for (name, committedAt) in seen {
            guard let article = articles[name] else { continue }
            // First reading at or after the commit whose lowest pending id is above this article.
            if let hit = floor.first(where: { $0.time >= committedAt && $0.id > article }) {
                lags[name] = hit.time - committedAt
            }
        }
        return lags
    }

    /// True once the last reading found nothing waiting for the clusterer (or the schema has no clusterer).
    var nothingPendingCluster: Bool {
        lock.lock()
        defer { lock.unlock() }
        return clusterFloor.isEmpty ? pendingFloor.last != nil : clusterFloor.last?.id == Int.max
    }

    /// True once the last reading found no article without a search vector.
    var nothingPendingSearch: Bool {
        lock.lock()
        defer { lock.unlock() }
        return pendingFloor.last?.id == Int.max
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
