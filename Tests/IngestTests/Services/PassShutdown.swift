import Foundation
@testable import Ingest
import PQClient
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing
import TestSupport

/// What the background-pass services (`ClusterService`, `SearchIndexService`) must do on shutdown, checked
/// alike for both: another session holds `lock` (a `LOCK TABLE …` statement), so the service's pass waits on
/// it; a graceful shutdown must then cancel the pass and end the service well within
/// `BackgroundPass.stopGraceSeconds`, and its thread must close its connection. `count` runs a count query
/// on the caller's own connection. The lock is released before returning; what the cancelled pass left
/// (nothing) is the caller's to check.
func shutdownCancelsThePassWaitingOnALock(_ service: some Service, conninfo: String, lock: String,
                                          count: (String) throws -> Int) async throws {
    let locker = try PQConnection(conninfo)
    try locker.execute("BEGIN")
    try locker.execute(lock)
    let backends = """
        SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
        """
    let elapsed = try await testGracefulShutdown { trigger in
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            #expect(try await waitUntil(timeout: 60) { try count(backends + " AND wait_event_type = 'Lock'") == 1 })
            let clock = ContinuousClock()
            let started = clock.now
            trigger.triggerGracefulShutdown()
            try await group.next()
            return clock.now - started
        }
    }
    // Past the grace period `run` returns even if the thread is stuck; well before it, the cancel worked.
    #expect(elapsed < .seconds(BackgroundPass.stopGraceSeconds))
    // The thread has ended and closed its connection: the caller's and the locker's are left.
    #expect(try await waitUntil(timeout: 30) { try count(backends) == 2 })
    try locker.execute("ROLLBACK")
}
