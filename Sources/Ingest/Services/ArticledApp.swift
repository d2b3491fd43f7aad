import Logging
import ServiceLifecycle

/// Builds the daemon from its configuration: the intake, the search pass, the clusterer, the SIGHUP reload and, under systemd
/// with `WatchdogSec=`, the watchdog, in one `ServiceGroup` that shuts down gracefully on SIGTERM and SIGINT.
///
/// Services shut down in reverse order: the clusterer and the search pass first (their pass in flight cancelled
/// at once, so they hold no row the intake's last batch waits for), then the intake (its batch committed or rolled back),
/// then the reload listener, then the watchdog, which keeps pinging while the intake finishes.
/// `reload` loads the configuration again on SIGHUP; `reloaded` applies what lives outside the daemon.
public func buildApp(config: ArticledConfig, logger: Logger,
                     notifier: SystemdNotifier = SystemdNotifier(),
                     reload: @escaping @Sendable () throws -> ArticledConfig,
                     reloaded: @escaping @Sendable (ArticledConfig) -> Void = { _ in }) -> ServiceGroup {
    let daemon = IngestDaemon(config: config, logger: logger, notifier: notifier)
    var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
    // Whichever service ends, the others follow gracefully, and an error is the group's error.
    func add(_ service: any Service, _ name: String) {
        services.append(.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup,
                              failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: name))
    }
    if let interval = notifier.watchdogInterval {
        add(WatchdogService(notifier: notifier, heartbeat: daemon.heartbeat, interval: interval), "watchdog")
    }
    add(ReloadService(daemon: daemon, logger: logger, load: reload, applied: reloaded), "reload")
    add(IngestService(daemon: daemon, logger: logger), "intake")
    add(SearchIndexService(daemon: daemon, logger: logger), "search")
    add(ClusterService(daemon: daemon, logger: logger), "cluster")
    return ServiceGroup(configuration: ServiceGroupConfiguration(
        services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
}
