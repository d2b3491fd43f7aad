import Logging
import ServiceLifecycle

/// The search pass: fills the full-text vectors of committed articles on a connection and thread of its own,
/// so `to_tsvector` never sits in the intake's transaction. It reconnects with backoff on its own and leaves
/// logging outages to the intake.
///
/// A graceful shutdown (or cancellation) cancels the pass in flight, which rolls back: its articles are
/// indexed by the next run. `run` returns once the thread has ended, or at the latest
/// `BackgroundPass.stopGraceSeconds` after the stop.
public struct SearchIndexService: Service {
    let indexer: BackgroundPass

    /// `batch` is read before every pass, so a reloaded `search.index_batch` applies to the next one. While
    /// `intakeBusy` is true the passes are a fifth of the size and take a tenth of the time. No connection is
    /// made while `ready` is false.
    public init(conninfo: String, batch: @escaping @Sendable () -> Int,
                intakeBusy: @escaping @Sendable () -> Bool = { false },
                ready: @escaping @Sendable () -> Bool = { true }, logger: Logger) {
        indexer = BackgroundPass(name: "search", conninfo: conninfo, pass: { try $0.indexSearch(limit: $1) }, batch: batch,
                                 intakeBusy: intakeBusy, ready: ready, logger: logger)
    }

    /// The daemon's search pass: its database, its live configuration's batch size, its queue for whether
    /// intake is busy, and its connection state, which turns up once the schema is migrated.
    public init(daemon: IngestDaemon, logger: Logger) {
        let counters = daemon.counters
        self.init(conninfo: daemon.databaseURL, batch: { daemon.searchIndexBatch },
                  intakeBusy: { counters.snapshot.queued > 0 }, ready: { counters.snapshot.databaseUp }, logger: logger)
    }

    public func run() async {
        let indexer = self.indexer
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await indexer.run()
            } onCancel: {
                indexer.requestStop()
            }
        } onGracefulShutdown: {
            indexer.requestStop()
        }
    }
}
