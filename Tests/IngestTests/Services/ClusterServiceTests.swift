import ArticleStore
import Foundation
@testable import Ingest
import Logging
import PQClient
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
import TestSupport

/// The clusterer as a `Service`, against a real PostgreSQL: it assigns committed articles to their story while
/// it runs, and a graceful shutdown ends it at once, cancelling a pass in flight.
@Suite struct ClusterServiceTests {
    /// Commits one file the way the intake does, which leaves its article waiting for the clusterer.
    func commit(_ text: String, name: String, to store: ArticleStore) throws {
        let reports = try BatchWriter().write([FileProcessor().prepare(bytes: Array(text.utf8), relativePath: "c/" + name)], to: store)
        #expect(reports.map(\.status) == [.ingested])
    }

    func value(_ store: ArticleStore, _ sql: String) throws -> String {
        try store.connection.execute(sql).string(0, 0) ?? ""
    }

    var seed: String {
        get throws { try String(contentsOfFile: repositoryRoot() + "/seeds/004_e114b85fb85142ed.txt", encoding: .utf8) }
    }

    @Test func articlesCommittedWhileItRunsJoinTheirStories() async throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let seed = try self.seed
        try commit(seed, name: "original.txt", to: store)
        #expect(try store.clusterPendingCount() == 1)
        let service = ClusterService(conninfo: conninfo, batch: { 10 }, logger: Logger(label: "test"))
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await service.run() }
                #expect(try await waitUntil(timeout: 60) { try store.clusterPendingCount() == 0 })
                var paragraphs = seed.components(separatedBy: "\n\n")
                paragraphs.remove(at: paragraphs.count / 2)
                try commit(paragraphs.joined(separator: "\n\n"), name: "trimmed.txt", to: store)
                #expect(try await waitUntil(timeout: 60) { try store.clusterPendingCount() == 0 })
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
        #expect(try value(store, "SELECT string_agg(match_kind, ',' ORDER BY id) FROM articled.articles") == "canonical,near_duplicate")
    }

    @Test func aGracefulShutdownCancelsThePassInFlightAndEndsTheServiceWithinItsGracePeriod() async throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        try commit(try seed, name: "original.txt", to: store)
        // Another session holds the queue, so the service's pass waits on the lock until it is cancelled.
        let service = ClusterService(conninfo: conninfo, batch: { 10 }, logger: Logger(label: "test"))
        try await shutdownCancelsThePassWaitingOnALock(service, conninfo: conninfo,
                                                       lock: "LOCK TABLE articled.cluster_queue IN ACCESS EXCLUSIVE MODE") {
            Int(try value(store, $0)) ?? -1
        }
        #expect(try store.clusterPendingCount() == 1)
    }

    @Test func theDaemonsClustererTakesItsBatchSizeFromTheReloadedConfiguration() {
        var config = ArticledConfig()
        #expect(config.clusterBatch == 100)
        let daemon = IngestDaemon(config: config, logger: Logger(label: "test"), notifier: SystemdNotifier(environment: [:]))
        #expect(daemon.clusterBatch == 100)
        config.clusterBatch = 7
        daemon.reload(config)
        #expect(daemon.clusterBatch == 7)
    }
}
