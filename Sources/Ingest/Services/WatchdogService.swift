import ServiceLifecycle

/// Pings systemd's watchdog (`WATCHDOG=1`) every half interval, but only while the intake loop goes round,
/// so a hung loop is restarted by systemd. Ends when the group shuts down.
public struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let heartbeat: Heartbeat
    let interval: Double

    public func run() async throws {
        let (notifier, heartbeat, interval) = (self.notifier, self.heartbeat, self.interval)
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if heartbeat.secondsSinceBeat() < interval { notifier.watchdog() }
                try await Task.sleep(for: .milliseconds(Int(interval * 500)))
            }
        }
    }
}
