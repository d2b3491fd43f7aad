import Logging
import ServiceLifecycle

/// The clusterer: assigns committed articles to their story (revision, near duplicate or canonical) shortly
/// after commit, in id order, on a connection and thread of its own (`articled.cluster_pending`). Until then a
/// new article is its own story. One clusterer runs at a time in the whole database (an advisory lock): with
/// two daemons, the other one's passes find the lock taken and try again a second later.
///
/// A graceful shutdown (or cancellation) cancels the pass in flight, which rolls back: its articles are
/// assigned by the next run. `run` returns once the thread has ended, or at the latest
/// `BackgroundPass.stopGraceSeconds` after the stop.
public struct ClusterService: Service {
    let clusterer: BackgroundPass

    /// `batch` is read before every pass, so a reloaded `cluster.batch` applies to the next one. No connection
    /// is made while `ready` is false.
    public init(conninfo: String, batch: @escaping @Sendable () -> Int,
                ready: @escaping @Sendable () -> Bool = { true }, logger: Logger) {
        clusterer = BackgroundPass(name: "cluster", conninfo: conninfo,
                                   pass: { try $0.clusterPending(limit: $1) ?? 0 }, batch: batch,
                                   ready: ready, logger: logger)
    }

    /// The daemon's clusterer: its database, its live configuration's batch size, and its connection state,
    /// which turns up once the schema is migrated.
    public init(daemon: IngestDaemon, logger: Logger) {
        let counters = daemon.counters
        self.init(conninfo: daemon.databaseURL, batch: { daemon.clusterBatch },
                  ready: { counters.snapshot.databaseUp }, logger: logger)
    }

    public func run() async {
        let clusterer = self.clusterer
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await clusterer.run()
            } onCancel: {
                clusterer.requestStop()
            }
        } onGracefulShutdown: {
            clusterer.requestStop()
        }
    }
}
