import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP: reads the configuration again and hands the daemon the settings that can change without a restart.
/// A configuration that fails to load is logged and the running one kept.
public struct ReloadService: Service {
    let daemon: IngestDaemon
    let logger: Logger
    /// Loads the configuration as at start (file, environment, the command line's flags).
    let load: @Sendable () throws -> ArticledConfig
    /// Applies what must change outside the daemon (the log level).
    let applied: @Sendable (ArticledConfig) -> Void

    public func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            do {
                let fresh = try load()
                applied(fresh)
                daemon.reload(fresh)
            } catch {
                logger.error("configuration reload failed; keeping the old one", metadata: ["config.error": "\(error)"])
            }
        }
    }
}
