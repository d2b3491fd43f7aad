import Foundation
@testable import Ingest
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
import TestSupport

/// The intake as a `Service`, in this process: a graceful shutdown ends its `run`, and a file that arrives
/// before it is ingested and moved. The built binary's real SIGTERM is tested in `DaemonTests`.
@Suite struct IngestServiceTests {
    @Test func aGracefulShutdownEndsTheIntakeAfterItsFilesAreMoved() async throws {
        let root = try TemporaryDirectory()
        var config = ArticledConfig()
        config.inbox = root.url("inbox")
        config.databaseURL = try TestPostgres.freshDatabase()
        let daemon = IngestDaemon(config: config, logger: Logger(label: "test"), notifier: SystemdNotifier(environment: [:]))
        let service = IngestService(daemon: daemon, logger: Logger(label: "test"))
        let text = try String(contentsOfFile: repositoryRoot() + "/seeds/000_089d7966a894fe03.txt", encoding: .utf8)
        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                #expect(try await waitUntil(timeout: 120) { daemon.counters.snapshot.databaseUp })
                _ = try root.write("inbox/a.txt", text)
                #expect(try await waitUntil(timeout: 120) {
                    FileManager.default.fileExists(atPath: root.url("processed/a.txt"))
                })
                trigger.triggerGracefulShutdown()
                try await group.next()
            }
        }
        #expect(daemon.counters.snapshot.ingested == 1)
    }
}
