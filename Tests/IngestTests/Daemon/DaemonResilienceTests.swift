import ArticleStore
import Ingest
import Foundation
import Testing
import TestSupport
import PQClient

/// Outages, reloads and neighbours: the daemon keeps its promises when the world around it changes.
@Suite struct DaemonResilienceTests {
    let helper = DaemonTests()

    func log(_ daemon: DaemonTests.Daemon) -> String { (try? String(contentsOfFile: daemon.log, encoding: .utf8)) ?? "" }

    func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func filesWaitOutADatabaseOutageAndNothingIsRejected() async throws {
        let cluster = try TestPostgres.privateCluster()
        defer { cluster.destroy() }
        try cluster.psql("CREATE DATABASE outage")
        let db = cluster.conninfo(database: "outage")
        let daemon = try await helper.startDaemon(db: db, environment: ["ARTICLED_DATABASE_RECONNECT_MAX_S": "1"])
        try cluster.stop()
        for n in 0..<20 { try Data(helper.article(300 + n).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/o\(n).txt")) }
        // The daemon notices (once) and keeps the files in the inbox.
        #expect(try await waitUntil(timeout: 30) { log(daemon).contains("database unreachable") })
        #expect(daemon.files(in: daemon.rejected).isEmpty)
        #expect(daemon.files(in: daemon.processed).isEmpty)
        try cluster.start()
        let done = try await waitUntil(timeout: 60) { daemon.files(in: daemon.processed).count == 20 }
        #expect(done, "\(log(daemon))")
        #expect(daemon.stop() == 0)
        #expect(try daemon.count("SELECT count(*) FROM articled.articles") == 20)
        #expect(daemon.files(in: daemon.rejected).isEmpty)
        let text = log(daemon)
        #expect(occurrences("database unreachable", in: text) == 1, "\(text)")
        #expect(occurrences("database reachable", in: text) == 2) // at start, and once after the outage
    }

    @Test func aStopCancelsATransactionStuckBehindALockAndKeepsItsFiles() async throws {
        let db = try TestPostgres.freshDatabase()
        let daemon = try await helper.startDaemon(db: db)
        // Another session holds the articles table: the daemon's INSERT waits on it (its search pass may too).
        let blocker = try PQConnection(db)
        // Should the stop not cancel, the server ends the blocker after 2 minutes: the test then fails, never
        // hangs. Not shorter: on a loaded machine this test's own steps may wait that long for a thread.
        try blocker.execute("SET idle_in_transaction_session_timeout = '120s'")
        try blocker.execute("BEGIN")
        try blocker.execute("LOCK TABLE articled.articles IN SHARE ROW EXCLUSIVE MODE")
        try Data(helper.article(500).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/stuck.txt"))
        // Watched from a session of its own: inside the blocker's transaction pg_stat_activity is a cached snapshot.
        let observer = try PQConnection(db)
        let waiting = try await waitUntil(timeout: 30) {
            (try? observer.execute("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%record_batch%'
                """).int(0, 0)) == 1
        }
        #expect(waiting, "\(log(daemon))")
        let started = Date()
        #expect(daemon.stop() == 0)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 10, "stopped after \(seconds) s")
        #expect(seconds >= IngestDaemon.stopGraceSeconds - 0.5, "the batch should get its grace period first")
        _ = try? blocker.execute("ROLLBACK")
        // Rolled back, not half-written: the file waits in the inbox for the next run, with no rows.
        #expect(daemon.files(in: daemon.inbox) == ["stuck.txt"])
        #expect(try daemon.count("SELECT count(*) FROM articled.article_files") == 0)
        #expect(log(daemon).contains("batch in flight abandoned on stop"))
    }

    @Test func sighupReloadsTheConfiguration() async throws {
        let root = try TemporaryDirectory()
        let config = try root.write("articled.toml", "[ingest]\nbatch_size = 50\n")
        let db = try TestPostgres.freshDatabase()
        try FileManager.default.createDirectory(atPath: root.url("inbox"), withIntermediateDirectories: true)
        let process = try ArticledBinary.start(["run", "--config", config, "--inbox", root.url("inbox"), "--database", db],
                                               logFile: root.url("daemon.log"))
        let daemon = DaemonTests.Daemon(process: process, root: root, db: db)
        #expect(try await waitUntil(timeout: 30) { log(daemon).contains("articled running") })
        try root.write("articled.toml", "[ingest]\nbatch_size = 7\n[inbox]\nrescan_interval_s = 5\n[log]\nlevel = \"debug\"\n")
        process.signal(SIGHUP)
        #expect(try await waitUntil(timeout: 15) { log(daemon).contains("configuration reloaded") })
        #expect(log(daemon).contains("ingest.batch_size=7"))
        // A broken file on reload is reported and the old settings stay.
        try root.write("articled.toml", "[ingest]\nbatch_size = \"x\"\n")
        process.signal(SIGHUP)
        #expect(try await waitUntil(timeout: 15) { log(daemon).contains("configuration reload failed") })
        try Data(helper.article(400).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/after-reload.txt"))
        #expect(try await waitUntil(timeout: 30) { daemon.files(in: daemon.processed) == ["after-reload.txt"] })
        #expect(daemon.stop() == 0)
    }

    @Test func twoInstancesOnOneInboxIngestEachFileOnce() async throws {
        let root = try TemporaryDirectory()
        let db = try TestPostgres.freshDatabase()
        let first = try await helper.startDaemon(root: root, db: db)
        let secondProcess = try ArticledBinary.start(["run", "--inbox", root.url("inbox"), "--database", db],
                                                     logFile: root.url("second.log"))
        #expect(try await waitUntil(timeout: 30) {
            ((try? String(contentsOfFile: root.url("second.log"), encoding: .utf8)) ?? "").contains("articled running")
        })
        let total = 300
        for n in 0..<total {
            let temp = root.url("inbox/.d\(n).tmp")
            try Data(helper.article(500 + n).utf8).write(to: URL(fileURLWithPath: temp))
            #expect(rename(temp, root.url("inbox/d\(n).txt")) == 0)
        }
        let done = try await waitUntil(timeout: 120) { first.files(in: first.processed).count == total }
        #expect(done)
        secondProcess.signal(SIGTERM)
        #expect(secondProcess.wait() == 0)
        #expect(first.stop() == 0)
        #expect(first.files(in: first.inbox).isEmpty)
        #expect(first.files(in: first.rejected).isEmpty)
        #expect(try first.count("SELECT count(*) FROM articled.articles") == total)
        #expect(try first.count("SELECT count(*) FROM articled.article_files") == total)
        #expect(try first.count("SELECT count(*) FROM articled.articles WHERE seen_count <> 1") == 0)
        // Both did a share of the work (each logs the files it committed).
        let secondLog = (try? String(contentsOfFile: root.url("second.log"), encoding: .utf8)) ?? ""
        #expect(occurrences("file ingested", in: log(first)) + occurrences("file ingested", in: secondLog) >= total)
    }
}
