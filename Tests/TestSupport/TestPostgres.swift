import Foundation

/// A throwaway PostgreSQL cluster for tests, started on first use and stopped when the test process exits.
///
/// With `TEST_PG_CONNINFO` set, tests use that server instead. Each test gets its own database, so
/// tests run in parallel without seeing each other's rows.
public enum TestPostgres {
    /// Connection string of a new, empty database.
    public static func freshDatabase(function: String = #function) throws -> String {
        let server = try Cluster.shared()
        let name = "t_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try server.psql("CREATE DATABASE \(name)")
        return server.conninfo(database: name)
    }

    /// A cluster of its own, for tests that stop and start the server; `destroy()` it when done.
    public static func privateCluster() throws -> Cluster { try Cluster.create(registerAtExit: false) }

    public final class Cluster: @unchecked Sendable {
        public let baseConninfo: String
        let dataDirectory: String?
        let binDirectory: String
        let runAs: [String]

        private static let lock = NSLock()
        nonisolated(unsafe) private static var instance: Cluster?
        nonisolated(unsafe) private static var startError: Error?

        static func shared() throws -> Cluster {
            lock.lock()
            defer { lock.unlock() }
            if let instance { return instance }
            if let startError { throw startError }
            do {
                let cluster = try Cluster.create(registerAtExit: true)
                instance = cluster
                return cluster
            } catch {
                startError = error
                throw error
            }
        }

        init(baseConninfo: String, dataDirectory: String?, binDirectory: String, runAs: [String]) {
            self.baseConninfo = baseConninfo
            self.dataDirectory = dataDirectory
            self.binDirectory = binDirectory
            self.runAs = runAs
        }

        public func conninfo(database: String) -> String { baseConninfo + " dbname=\(database)" }

        /// Runs SQL through psql as the superuser (test setup only; the product never shells out).
        public func psql(_ sql: String, database: String = "postgres") throws {
            try Shell.run("/usr/bin/psql", [conninfo(database: database), "-v", "ON_ERROR_STOP=1", "-qAtc", sql])
        }

        /// Stops the server (fast shutdown), for outage tests. `start()` brings it back on the same socket.
        public func stop() throws {
            guard let dataDirectory else { throw Shell.Failure(message: "cannot stop an external TEST_PG_CONNINFO server") }
            try Shell.run(runAs + ["\(binDirectory)/pg_ctl", "-D", dataDirectory, "-m", "fast", "-w", "stop"])
        }

        public func start() throws {
            guard let dataDirectory else { return }
            try Shell.run(runAs + ["\(binDirectory)/pg_ctl", "-D", dataDirectory, "-l", "\(dataDirectory)/../server.log",
                                   "-w", "-t", "60", "-o", startOptions, "start"])
        }

        /// Socket only, in the cluster's private folder: clusters of parallel test runs never collide.
        var startOptions: String {
            let dir = dataDirectory.map { ($0 as NSString).deletingLastPathComponent } ?? "/tmp"
            return "-k \(dir) -p 5432 -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                + "-c full_page_writes=off -c max_connections=200"
        }

        /// Stops the server at once and removes its files.
        public func destroy() {
            guard let dataDirectory else { return }
            _ = try? Shell.run(runAs + ["\(binDirectory)/pg_ctl", "-D", dataDirectory, "-m", "immediate", "-w", "stop"], quiet: true)
            try? FileManager.default.removeItem(atPath: (dataDirectory as NSString).deletingLastPathComponent)
        }

        static func create(registerAtExit: Bool) throws -> Cluster {
            if let given = ProcessInfo.processInfo.environment["TEST_PG_CONNINFO"], !given.isEmpty {
                let base = given.split(separator: " ").filter { !$0.hasPrefix("dbname=") }.joined(separator: " ")
                return Cluster(baseConninfo: base, dataDirectory: nil, binDirectory: "", runAs: [])
            }
            let bin = try binDirectory()
            let root = getuid() == 0
            let runAs = root ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
            var template = Array("/tmp/articled-pg.XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw Shell.Failure(message: "mkdtemp failed") }
            let dir = String(cString: made)
            if root { try Shell.run(["/bin/chown", "postgres:", dir]) }
            let data = dir + "/data"
            try Shell.run(runAs + ["\(bin)/initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync",
                                   "-E", "UTF8", "--locale=C.UTF-8"], quiet: true)
            let cluster = Cluster(baseConninfo: "host=\(dir) port=5432 user=postgres", dataDirectory: data,
                                  binDirectory: bin, runAs: runAs)
            try cluster.start()
            guard registerAtExit else { return cluster }
            stopAtExit = (runAs + ["\(bin)/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], dir)
            atexit {
                guard let (command, dir) = TestPostgres.Cluster.stopAtExit else { return }
                try? Shell.run(command, quiet: true)
                try? FileManager.default.removeItem(atPath: dir)
            }
            return cluster
        }

        nonisolated(unsafe) static var stopAtExit: ([String], String)?

        static func binDirectory() throws -> String {
            if let bin = ProcessInfo.processInfo.environment["PGBIN"], !bin.isEmpty { return bin }
            let base = "/usr/lib/postgresql"
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
            guard let newest = versions.compactMap(Int.init).max() else {
                throw Shell.Failure(message: "PostgreSQL server binaries not found under \(base); run scripts/install-deps.sh")
            }
            return "\(base)/\(newest)/bin"
        }
    }
}
