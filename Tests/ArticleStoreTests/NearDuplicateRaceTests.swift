import ArticleCore
@testable import ArticleStore
import Foundation
import Testing
import TestSupport

/// Two writers, two connections, near duplicates at the same moment: one cluster, always.
@Suite struct NearDuplicateRaceTests {
    /// Thread-safe slots the writer threads fill in.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String: Int] = [:]
        private var errors: [String] = []
        func set(_ key: String, _ value: Int?) { lock.withLock { values[key] = value ?? -1 } }
        func fail(_ error: Error) { lock.withLock { errors.append("\(error)") } }
        subscript(_ key: String) -> Int? { lock.withLock { values[key] } }
        var failures: [String] { lock.withLock { errors } }
    }

    /// Runs `body` on a thread of its own; `done` is signalled when it returns.
    static func spawn(_ done: DispatchSemaphore, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { body(); done.signal() }
        thread.start()
    }

    /// The second writer's insert is issued while the first one's is still uncommitted, and is seen to
    /// wait for it (an ungranted advisory lock in pg_locks) before it looks for candidates.
    @Test func theSecondWriterWaitsForTheFirstAndJoinsItsCluster() throws {
        let conninfo = try TestPostgres.freshDatabase()
        try ArticleStore(conninfo: conninfo).migrate()
        let event = LabelledStories.events[3]
        let first = story(event.first, publisher: "Harbor Gazette")
        let second = story(LabelledStories.apply(.paragraphAdded, to: event.first, seed: 1), publisher: "Valley Times")
        let results = Results()
        let bothInTransaction = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        let firstRecorded = DispatchSemaphore(value: 0)
        let secondIsWaiting = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)

        Self.spawn(done) {
            do {
                let store = try ArticleStore(conninfo: conninfo)
                try store.transaction {
                    bothInTransaction.0.signal(); bothInTransaction.1.wait()
                    results.set("first", try store.record(first, file: uniqueFile("first.txt")).articleID)
                    firstRecorded.signal()
                    _ = secondIsWaiting.wait(timeout: .now() + 20)
                }
            } catch { results.fail(error); firstRecorded.signal() }
        }
        Self.spawn(done) {
            do {
                let store = try ArticleStore(conninfo: conninfo)
                try store.transaction {
                    bothInTransaction.1.signal(); bothInTransaction.0.wait()
                    firstRecorded.wait()
                    results.set("second", try store.record(second, file: uniqueFile("second.txt")).articleID)
                }
            } catch { results.fail(error) }
        }
        // Watch from a third connection until the second writer blocks on an advisory lock.
        let monitor = try ArticleStore(conninfo: conninfo)
        var sawWait = false
        for _ in 0..<400 where !sawWait {
            sawWait = try monitor.connection.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").int(0, 0) ?? 0 > 0
            if !sawWait { usleep(25_000) }
        }
        #expect(results["second"] == nil, "the second writer must still be waiting")
        secondIsWaiting.signal()
        done.wait(); done.wait()
        #expect(results.failures.isEmpty, "\(results.failures)")
        #expect(sawWait)
        let firstID = try #require(results["first"]), secondID = try #require(results["second"])
        #expect(try clusterOf(monitor, secondID) == (firstID, "near_duplicate"))
        #expect(try clusterOf(monitor, firstID) == (firstID, "canonical"))
    }

    /// Both writers insert at once, neither commits before both have inserted or are blocked; repeated
    /// over several events, each pair ends as one cluster with exactly one canonical article.
    @Test func simultaneousWritersOfNearDuplicatesEndInOneCluster() throws {
        let conninfo = try TestPostgres.freshDatabase()
        try ArticleStore(conninfo: conninfo).migrate()
        for (round, event) in LabelledStories.events.enumerated() {
            let a = story(event.second, publisher: "Harbor Gazette")
            let b = story(LabelledStories.apply(.paragraphDropped, to: event.second, seed: round), publisher: "Valley Times")
            let results = Results()
            let ready = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            let done = DispatchSemaphore(value: 0)
            for (slot, article) in [("a", a), ("b", b)] {
                Self.spawn(done) {
                    do {
                        let store = try ArticleStore(conninfo: conninfo)
                        try store.transaction {
                            if slot == "a" { ready.0.signal(); ready.1.wait() } else { ready.1.signal(); ready.0.wait() }
                            results.set(slot, try store.record(article, file: uniqueFile("\(round)\(slot).txt")).articleID)
                            usleep(50_000)  // hold the transaction open while the other writer inserts
                        }
                    } catch { results.fail(error) }
                }
            }
            done.wait(); done.wait()
            #expect(results.failures.isEmpty, "\(results.failures)")
            let check = try ArticleStore(conninfo: conninfo)
            let ca = try clusterOf(check, results["a"]), cb = try clusterOf(check, results["b"])
            #expect(ca.0 == cb.0, "round \(round): \(ca) \(cb)")
            #expect([ca.1, cb.1].sorted() == ["canonical", "near_duplicate"], "round \(round)")
        }
    }
}
