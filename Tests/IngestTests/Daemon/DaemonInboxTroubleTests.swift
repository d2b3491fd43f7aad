import Foundation
import Testing
import TestSupport

/// A full disk and a file the daemon may not read: the files wait in the inbox, the daemon keeps running, says what
/// is wrong once (log and `articled status`) and catches up when the operator fixes it, writing nothing twice.
@Suite struct DaemonInboxTroubleTests {
    let helper = DaemonTests()

    func log(_ daemon: DaemonTests.Daemon) -> String { (try? String(contentsOfFile: daemon.log, encoding: .utf8)) ?? "" }

    func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func status(_ db: String) -> String {
        (try? ArticledBinary.run(["status", "--database", db]).stdout) ?? ""
    }

    /// Drops a file the way producers should: a temp name, then a rename.
    func drop(_ text: String, as name: String, in inbox: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: inbox + "/." + name + ".tmp"))
        #expect(rename(inbox + "/." + name + ".tmp", inbox + "/" + name) == 0)
    }

    /// Fills a file system to the last block; `dd` stops with ENOSPC, which is the point.
    func fill(_ folder: String) throws {
        _ = try? Shell.run(["/bin/dd", "if=/dev/zero", "of=\(folder)/filler", "bs=64k"], quiet: true)
        var fs = statvfs()
        #expect(statvfs(folder, &fs) == 0 && fs.f_bavail == 0, "\(folder) is not full")
    }

    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs as processed/ and rejected/ needs root"))
    func aFullDiskKeepsCommittedFilesInTheInboxUntilSpaceReturns() async throws {
        let root = try TemporaryDirectory()
        var mounted: [String] = []
        defer {
            // Lazy: still unmounted if a daemon that failed to stop holds it.
            for folder in mounted { _ = try? Shell.run(["/bin/umount", "-l", folder], quiet: true) }
        }
        for folder in ["processed", "rejected"] {
            try FileManager.default.createDirectory(atPath: root.url(folder), withIntermediateDirectories: true)
            try Shell.run(["/bin/mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "tmpfs", root.url(folder)])
            mounted.append(root.url(folder))
            try fill(root.url(folder))
        }
        let daemon = try await helper.startDaemon(root: root, environment: ["ARTICLED_LOG_PROGRESS_INTERVAL_S": "1",
                                                                            "ARTICLED_LOG_LEVEL": "debug"])
        let total = 5
        for n in 0..<total { try drop(helper.article(700 + n), as: "full\(n).txt", in: daemon.inbox) }
        try drop("", as: "empty.txt", in: daemon.inbox)

        // Committed, but with nowhere to go: they wait in the inbox, and the problem is said once and shown by status.
        let committed = try await waitUntil(timeout: 60) { (try? daemon.count("SELECT count(*) FROM articled.article_files")) == total + 1 }
        #expect(committed, "\(daemonLogSummary(daemon.log))")
        #expect(try await waitUntil(timeout: 30) { occurrences("committed files cannot be moved", in: log(daemon)) == 2 })
        #expect(try await waitUntil(timeout: 30) { status(daemon.db).contains("the disk is full") }, "\(status(daemon.db))")
        // At least two retries go round while the disk is still full, each without a word at error level.
        #expect(try await waitUntil(timeout: 60) { occurrences("looking again at files left in the inbox", in: log(daemon)) >= 2 })
        #expect(daemon.files(in: daemon.inbox).count == total + 1)
        #expect(daemon.files(in: daemon.processed) == ["filler"])
        #expect(daemon.files(in: daemon.rejected) == ["filler"])

        for folder in mounted { try FileManager.default.removeItem(atPath: folder + "/filler") }
        let caughtUp = try await waitUntil(timeout: 90) {
            daemon.files(in: daemon.processed).count == total && daemon.files(in: daemon.rejected).count == 2
        }
        #expect(caughtUp, "\(daemonLogSummary(daemon.log))")
        #expect(daemon.files(in: daemon.inbox).isEmpty)
        #expect(daemon.files(in: daemon.rejected) == ["empty.txt", "empty.txt.error"])
        #expect(try await waitUntil(timeout: 30) { !status(daemon.db).contains("problem:") }, "\(status(daemon.db))")
        #expect(daemon.stop() == 0)

        let text = log(daemon)
        #expect(occurrences("committed files cannot be moved", in: text) == 2, "\(daemonLogSummary(daemon.log))")
        #expect(occurrences("committed files move again", in: text) == 2)
        // Retried files were recognized, not recorded again.
        #expect(try daemon.count("SELECT count(*) FROM articled.article_files") == total + 1)
        #expect(try daemon.count("SELECT count(*) FROM articled.articles") == total)
        #expect(try daemon.count("SELECT count(*) FROM articled.articles WHERE seen_count <> 1") == 0)
        withExtendedLifetime(root) {}
    }

    /// Root reads every file whatever its mode, so as root the daemon runs as `nobody` (as under systemd's
    /// `DynamicUser=`); the file is root's, mode 0600. As another user the file's mode 000 is enough.
    @Test func aFileItMayNotReadWaitsInTheInboxUntilItsModeIsFixed() async throws {
        let root = try TemporaryDirectory()
        let asRoot = getuid() == 0
        // Its own cluster: nobody must be able to reach the socket, so its folder is opened to traversal.
        let cluster = try TestPostgres.privateCluster()
        defer { cluster.destroy() }
        try cluster.psql("CREATE DATABASE unreadable")
        let db = cluster.conninfo(database: "unreadable")
        try FileManager.default.createDirectory(atPath: root.url("inbox"), withIntermediateDirectories: true)
        var command = [ArticledBinary.path, "run", "--inbox", root.url("inbox"), "--database", db]
        if asRoot {
            let socketFolder = cluster.baseConninfo.split(separator: " ").first { $0.hasPrefix("host=") }.map { String($0.dropFirst(5)) } ?? ""
            #expect(chmod(socketFolder, 0o711) == 0)
            try Shell.run(["/bin/chown", "-R", "65534:65534", root.path])
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"] + command
        }
        var environment = ProcessInfo.processInfo.environment
        environment.merge(["HOME": "/tmp", "ARTICLED_LOG_PROGRESS_INTERVAL_S": "1", "ARTICLED_LOG_LEVEL": "debug"]) { $1 }
        let process = try Subprocess(command, outputPath: root.url("daemon.log"), environment: environment)
        let daemon = DaemonTests.Daemon(process: process, root: root, db: db)
        #expect(try await waitUntil(timeout: 30) { log(daemon).contains("articled running") }, "\(log(daemon))")

        let secret = daemon.inbox + "/secret.txt"
        try Data(helper.article(800).utf8).write(to: URL(fileURLWithPath: secret))
        #expect(chmod(secret, asRoot ? 0o600 : 0o000) == 0)
        try drop(helper.article(801), as: "readable.txt", in: daemon.inbox)

        #expect(try await waitUntil(timeout: 60) { daemon.files(in: daemon.processed) == ["readable.txt"] }, "\(log(daemon))")
        #expect(try await waitUntil(timeout: 30) { log(daemon).contains("inbox file cannot be read") }, "\(log(daemon))")
        #expect(try await waitUntil(timeout: 30) { status(db).contains("cannot be read") }, "\(status(db))")
        #expect(try await waitUntil(timeout: 60) { occurrences("looking again at files left in the inbox", in: log(daemon)) >= 2 })
        #expect(daemon.files(in: daemon.inbox) == ["secret.txt"])
        #expect(daemon.files(in: daemon.rejected).isEmpty)

        #expect(chmod(secret, 0o644) == 0)
        #expect(try await waitUntil(timeout: 90) { daemon.files(in: daemon.processed) == ["readable.txt", "secret.txt"] },
                "\(daemonLogSummary(daemon.log))")
        #expect(daemon.stop() == 0)
        let text = log(daemon)
        #expect(occurrences("inbox file cannot be read", in: text) == 1, "\(daemonLogSummary(daemon.log))")
        #expect(occurrences("inbox file readable again", in: text) == 1)
        #expect(daemon.files(in: daemon.rejected).isEmpty)
        #expect(try daemon.count("SELECT count(*) FROM articled.article_files") == 2)
        #expect(try daemon.count("SELECT count(*) FROM articled.article_files WHERE status = 'rejected'") == 0)
    }
}
