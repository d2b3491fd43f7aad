import Foundation

/// Starts `articled run` the same way for every phase: an empty config file (so no
/// /etc/articled/articled.toml leaks in), `ARTICLED_LOG_LEVEL=notice` (the "articled running" line
/// is a notice; per-file lines are info and stay off), and any `ARTICLED_*` tuning variables the
/// caller set (`ARTICLED_INGEST_BATCH_SIZE`, …) passed through.
struct DaemonLauncher {
    let executable: String
    let configFile: String
    let pidFile: String
    let environment: [String: String]

    init(executable: String, workDirectory: String) throws {
        self.executable = executable
        configFile = workDirectory + "/articled-bench.toml"
        pidFile = workDirectory + "/daemon.pid"
        try "# articled-bench: defaults only; ARTICLED_* variables override\n"
            .write(toFile: configFile, atomically: true, encoding: .utf8)
        let inherited = ProcessInfo.processInfo.environment
        var env: [String: String] = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let home = inherited["HOME"] { env["HOME"] = home }
        for (key, value) in inherited where key.hasPrefix("ARTICLED_") {
            env[key] = value
        }
        for key in ["ARTICLED_CONFIG", "ARTICLED_DATABASE_URL", "ARTICLED_INBOX"] { env[key] = nil }
        env["ARTICLED_LOG_LEVEL"] = "notice"
        env["ARTICLED_LOG_FORMAT"] = "text"
        environment = env
    }

    /// Tuning variables passed through, for the report ("none" when defaults).
    var tuning: String {
        let keys = environment.keys.filter { $0.hasPrefix("ARTICLED_") && $0 != "ARTICLED_LOG_LEVEL" && $0 != "ARTICLED_LOG_FORMAT" }
        return keys.isEmpty ? "none (defaults)" : keys.sorted().map { "\($0)=\(environment[$0]!)" }.joined(separator: " ")
    }

    /// Starts the daemon and waits for its "articled running" line (database reachable, schema
    /// migrated, watcher started). Returns the process and the arrival time of that line.
    func start(inbox: String, conninfo: String) throws -> (daemon: DaemonProcess, runningAt: Double) {
        let daemon = try DaemonProcess(executable: executable,
                                       arguments: ["run", "--config", configFile, "--inbox", inbox, "--database", conninfo],
                                       environment: environment, pidFile: pidFile)
        guard let running = daemon.log.waitForLine(containing: "articled running", timeout: 60) else {
            let status = daemon.stop(timeout: 5)
            throw BenchError("articled did not report \"articled running\" within 60 s (\(status)); last log lines:\n"
                             + daemon.log.last(10).joined(separator: "\n"))
        }
        return (daemon, running)
    }
}
