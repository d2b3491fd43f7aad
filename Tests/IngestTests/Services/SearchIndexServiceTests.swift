import ArticleStore
import Foundation
@testable import Ingest
import Logging
import PQClient
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
import TestSupport

/// The search pass as a `Service`, against a real PostgreSQL: it fills the vectors of committed articles while
/// it runs, and a graceful shutdown ends it at once, cancelling a pass in flight.
@Suite struct SearchIndexServiceTests {
    /// Commits one seed article the way the intake does, which leaves its search vector empty.
    func commit(seed: String, to store: ArticleStore) throws {
        let text = try String(contentsOfFile: repositoryRoot() + "/seeds/" + seed, encoding: .utf8)
        let reports = try BatchWriter().write([FileProcessor().prepare(bytes: Array(text.utf8), relativePath: seed)], to: store)
        #expect(reports.map(\.status) == [.ingested])
    }

    func count(_ store: ArticleStore, _ sql: String) throws -> Int {
        try store.connection.execute(sql).int(0, 0) ?? -1
    }

    func indexed(_ store: ArticleStore) throws -> Int {
        try count(store, "SELECT count(*) FROM articled.article_search")
    }

    @Test func articlesCommittedBeforeAndWhileItRunsGetTheirSearchVectors() async throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        try commit(seed: "000_089d7966a894fe03.txt", to: store)
        #expect(try indexed(store) == 0)
        let service = SearchIndexService(conninfo: conninfo, batch: { 10 }, logger: Logger(label: "test"))
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await service.run() }
                #expect(try await waitUntil(timeout: 60) { try indexed(store) == 1 })
                try commit(seed: "004_e114b85fb85142ed.txt", to: store)
                #expect(try await waitUntil(timeout: 60) { try indexed(store) == 2 })
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
        #expect(try count(store, "SELECT count(*) FROM articled.article_search WHERE search @@ plainto_tsquery('english', 'helmets')") == 1)
    }

    @Test func aGracefulShutdownCancelsThePassInFlightAndEndsTheServiceWithinItsGracePeriod() async throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        try commit(seed: "000_089d7966a894fe03.txt", to: store)
        // Another session holds the table, so the service's pass waits on the lock until it is cancelled.
        let service = SearchIndexService(conninfo: conninfo, batch: { 10 }, logger: Logger(label: "test"))
        try await shutdownCancelsThePassWaitingOnALock(service, conninfo: conninfo,
                                                       lock: "LOCK TABLE articled.articles IN ACCESS EXCLUSIVE MODE") {
            try count(store, $0)
        }
        #expect(try indexed(store) == 0)
    }

    @Test func aGracefulShutdownBeforeTheDatabaseIsReadyEndsTheServiceAtOnce() async throws {
        let service = SearchIndexService(conninfo: "host=/nonexistent", batch: { 10 }, ready: { false },
                                         logger: Logger(label: "test"))
        let elapsed = try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await service.run() }
                let clock = ContinuousClock()
                let started = clock.now
                trigger.triggerGracefulShutdown()
                try await group.next()
                return clock.now - started
            }
        }
        #expect(elapsed < .seconds(BackgroundPass.stopGraceSeconds))
    }

    @Test func theDaemonsPassTakesItsBatchSizeFromTheReloadedConfiguration() {
        var config = ArticledConfig()
        config.searchIndexBatch = 500
        let daemon = IngestDaemon(config: config, logger: Logger(label: "test"), notifier: SystemdNotifier(environment: [:]))
        #expect(daemon.searchIndexBatch == 500)
        config.searchIndexBatch = 7
        daemon.reload(config)
        #expect(daemon.searchIndexBatch == 7)
    }
}
