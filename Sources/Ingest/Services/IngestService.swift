import Foundation
import Logging
import ServiceLifecycle

/// The intake: watcher → queue → normalization → one transaction per batch → moves after COMMIT.
///
/// The pipeline makes blocking libpq calls, so it runs on a thread of its own, never on the two threads of
/// the cooperative pool. A graceful shutdown (SIGTERM, SIGINT) stops intake: the batch in flight commits,
/// or past the grace period rolls back, and its files stay in the inbox.
public struct IngestService: Service {
    let daemon: IngestDaemon
    let logger: Logger

    public init(daemon: IngestDaemon, logger: Logger) {
        self.daemon = daemon
        self.logger = logger
    }

    public func run() async throws {
        let daemon = self.daemon
        let logger = self.logger
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await Self.onOwnThread { try daemon.run() }
            } onCancel: {
                daemon.stop()
            }
        } onGracefulShutdown: {
            logger.notice("stopping")
            daemon.stop()
        }
    }

    /// Runs `body` on a new thread with a main-thread-sized stack, and resumes when it returns.
    static func onOwnThread(_ body: @escaping @Sendable () throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                do {
                    try body()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "articled.intake"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
