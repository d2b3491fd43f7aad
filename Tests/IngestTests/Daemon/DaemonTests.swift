import Foundation
import Testing
import TestSupport

/// `articled run` as operators run it: the built binary, a real inbox with inotify, a real PostgreSQL.
@Suite struct DaemonTests {
    let seedText = try! String(contentsOfFile: repositoryRoot() + "/seeds/000_089d7966a894fe03.txt", encoding: .utf8)

    /// A seed-like article made unique by an extra sentence, so it is a new body.
    func article(_ n: Int) -> String {
        seedText.replacingOccurrences(of: "In a statement, the ministry said",
                                      with: "Dispatch number \(n) arrived today. In a statement, the ministry said")
    }

    struct Daemon {
        let process: Subprocess
        let root: TemporaryDirectory
        let db: String
        var inbox: String { root.url("inbox") }
        var processed: String { root.url("processed") }
        var rejected: String { root.url("rejected") }
        var log: String { root.url("daemon.log") }

        func count(_ sql: String) throws -> Int { Int(try psqlValue(db, sql)) ?? -1 }

        func files(in folder: String) -> [String] {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
            var found: [String] = []
            while let name = walker.nextObject() as? String {
                if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { found.append(name) }
            }
            return found.sorted()
        }

        func stop() -> Int32 {
            process.signal(SIGTERM)
            return process.wait()
        }
    }

    func startDaemon(root: TemporaryDirectory? = nil, db: String? = nil, environment: [String: String] = [:]) async throws -> Daemon {
        let root = try root ?? TemporaryDirectory()
        let db = try db ?? TestPostgres.freshDatabase()
        try FileManager.default.createDirectory(atPath: root.url("inbox"), withIntermediateDirectories: true)
        let process = try ArticledBinary.start(["run", "--inbox", root.url("inbox"), "--database", db],
                                               logFile: root.url("daemon.log"), environment: environment)
        let daemon = Daemon(process: process, root: root, db: db)
        // Ready once it logged that it runs (after migrations): an event, not a sleep.
        let ready = try await waitUntil(timeout: 30) {
            (try? String(contentsOfFile: daemon.log, encoding: .utf8))?.contains("articled running") ?? false
        }
        #expect(ready, "daemon did not start: \((try? String(contentsOfFile: daemon.log, encoding: .utf8)) ?? "")")
        return daemon
    }

    @Test func filesDroppedEveryWayAreIngestedAndMovedAfterCommit() async throws {
        let daemon = try await startDaemon()
        // write + close
        try Data(article(1).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/written.txt"))
        // rename from a temp name
        try Data(article(2).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/renamed.txt.tmp"))
        #expect(rename(daemon.inbox + "/renamed.txt.tmp", daemon.inbox + "/renamed.txt") == 0)
        // a new nested folder, written straight after mkdir
        try FileManager.default.createDirectory(atPath: daemon.inbox + "/reuters/world", withIntermediateDirectories: true)
        try Data(article(3).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/reuters/world/nested.txt"))
        // cp-like copy from elsewhere
        let outside = try daemon.root.write("elsewhere/copied.txt", article(4))
        try FileManager.default.copyItem(atPath: outside, toPath: daemon.inbox + "/copied.txt")

        let done = try await waitUntil(timeout: 30) { daemon.files(in: daemon.processed).count == 4 }
        #expect(done, "processed: \(daemon.files(in: daemon.processed)); log: \((try? String(contentsOfFile: daemon.log, encoding: .utf8)) ?? "")")
        #expect(daemon.files(in: daemon.processed) == ["copied.txt", "renamed.txt", "reuters/world/nested.txt", "written.txt"])
        #expect(try daemon.count("SELECT count(*) FROM articled.articles") == 4)
        #expect(try psqlValue(daemon.db, "SELECT publisher FROM articled.article_files WHERE file_name = 'nested.txt'") == "Reuters")
        #expect(daemon.files(in: daemon.inbox).isEmpty)
        #expect(daemon.stop() == 0)
    }

    @Test func badFilesGoToRejectedWithTheirReason() async throws {
        let root = try TemporaryDirectory()
        try root.write("inbox/.keep-folder", "")
        try root.write("inbox/empty.txt", "")
        try root.write("inbox/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0])
        try root.write("inbox/big.txt", article(9) + String(repeating: "more words here. ", count: 4_000))
        let secret = try root.write("secret.txt", "outside the inbox")
        #expect(symlink(secret, root.url("inbox/link.txt")) == 0)
        let daemon = try await startDaemon(root: root, environment: ["ARTICLED_INBOX_MAX_FILE_BYTES": "20000"])
        let done = try await waitUntil(timeout: 30) { daemon.files(in: daemon.rejected).filter { $0.hasSuffix(".error") }.count == 4 }
        #expect(done, "rejected: \(daemon.files(in: daemon.rejected))")
        func reason(_ name: String) -> String {
            (try? String(contentsOfFile: daemon.rejected + "/" + name + ".error", encoding: .utf8)) ?? ""
        }
        #expect(reason("empty.txt").contains("empty"))
        #expect(reason("binary.txt").contains("binary") || reason("binary.txt").contains("executable"))
        #expect(reason("big.txt").contains("20000"))
        #expect(reason("link.txt").lowercased().contains("symlink"))
        #expect((try? String(contentsOfFile: secret, encoding: .utf8)) == "outside the inbox")
        #expect(try daemon.count("SELECT count(*) FROM articled.article_files WHERE status = 'rejected'") == 4)
        #expect(daemon.stop() == 0)
    }

    @Test func aBacklogPresentAtStartIsIngestedOldestFirst() async throws {
        let root = try TemporaryDirectory()
        for n in 0..<30 {
            let path = try root.write("inbox/backlog-\(n).txt", article(100 + n))
            // Oldest first: file n is n minutes younger than file 0, whatever the name order.
            var times = [timespec(tv_sec: 1_600_000_000 + n * 60, tv_nsec: 0), timespec(tv_sec: 1_600_000_000 + n * 60, tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        }
        let daemon = try await startDaemon(root: root)
        let done = try await waitUntil(timeout: 60) { (try? daemon.count("SELECT count(*) FROM articled.article_files")) == 30 }
        #expect(done)
        let order = try psqlValue(daemon.db, "SELECT string_agg(file_name, ',' ORDER BY id) FROM articled.article_files")
        #expect(order == (0..<30).map { "backlog-\($0).txt" }.joined(separator: ","))
        #expect(daemon.stop() == 0)
    }

    @Test func sigtermDuringABacklogStopsWithinTenSecondsAndExitsZero() async throws {
        let root = try TemporaryDirectory()
        let total = 2_000
        for n in 0..<total { try root.write("inbox/s\(n).txt", article(20_000 + n)) }
        let daemon = try await startDaemon(root: root)
        // Mid-backlog: some files done, many still waiting.
        #expect(try await waitUntil(timeout: 60) { daemon.files(in: daemon.processed).count >= 1 })
        let started = Date()
        #expect(daemon.stop() == 0)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 10, "stopped after \(seconds) s; the log without its per-file lines:\n\(daemonLogSummary(daemon.log))")
        // Whatever was taken was committed before its file moved: every processed file has its row.
        let processed = daemon.files(in: daemon.processed).count
        #expect(try daemon.count("SELECT count(*) FROM articled.article_files") == processed)
        #expect(processed + daemon.files(in: daemon.inbox).count == total)
    }

    @Test func killedRepeatedlyDuringABacklogLosesAndDoublesNothing() async throws {
        let root = try TemporaryDirectory()
        let total = 2_000
        for n in 0..<total { try root.write("inbox/k\(n).txt", article(10_000 + n)) }
        let db = try TestPostgres.freshDatabase()
        var kills = 0
        for round in 0..<10 {
            let daemon = try await startDaemon(root: root, db: db)
            // Let it make some progress, then SIGKILL at an arbitrary moment.
            let target = (round + 1) * total / 12
            _ = try await waitUntil(timeout: 60) { daemon.files(in: daemon.processed).count >= target }
            daemon.process.signal(SIGKILL)
            daemon.process.wait()
            kills += 1
        }
        let final = try await startDaemon(root: root, db: db)
        let done = try await waitUntil(timeout: 300) { final.files(in: final.processed).count == total }
        #expect(done)
        #expect(final.stop() == 0)
        let inbox = final.files(in: final.inbox)
        let processed = final.files(in: final.processed)
        #expect(inbox.isEmpty)
        #expect(processed.count == total)
        #expect(final.files(in: final.rejected).isEmpty)
        #expect(try final.count("SELECT count(*) FROM articled.articles") == total)
        #expect(try final.count("SELECT count(*) FROM articled.article_files") == total)
        #expect(try final.count("SELECT count(*) FROM articled.articles WHERE seen_count <> 1") == 0)
        #expect(kills == 10)
    }
}

/// The daemon's log without its "file …" lines, which a failure message would otherwise drown in.
func daemonLogSummary(_ path: String) -> String {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").filter { !$0.contains(" file ingested ") && !$0.contains(" file duplicate ") }
        .suffix(40).joined(separator: "\n")
}
