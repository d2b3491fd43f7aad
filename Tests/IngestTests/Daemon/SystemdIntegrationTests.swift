import Foundation
import Testing
import TestSupport

/// What systemd sees: the notify protocol on a real datagram socket, and the shipped unit file.
@Suite struct SystemdIntegrationTests {
    let helper = DaemonTests()

    /// A bound AF_UNIX datagram socket standing in for systemd's NOTIFY_SOCKET.
    final class NotifySocket {
        let path: String
        let fd: Int32

        init(path: String) throws {
            self.path = path
            fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard bound == 0 else { throw Shell.Failure(message: "bind \(path): errno \(errno)") }
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd); unlink(path) }

        /// Messages received until `condition` holds over all of them, or the deadline passes.
        func receive(until condition: ([String]) -> Bool, timeout: Double = 30, into messages: inout [String]) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                if condition(messages) { return true }
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 { messages.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
            }
            return condition(messages)
        }
    }

    @Test func speaksTheNotifyProtocolFromReadyToStopping() async throws {
        let root = try TemporaryDirectory()
        let socket = try NotifySocket(path: root.url("notify.sock"))
        let daemon = try await helper.startDaemon(root: root, environment: [
            "NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "400000", "ARTICLED_LOG_PROGRESS_INTERVAL_S": "1",
        ])
        var messages: [String] = []
        #expect(socket.receive(until: { $0.contains("READY=1") }, into: &messages))
        try Data(helper.article(700).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/n.txt"))
        #expect(socket.receive(until: { all in
            all.contains("WATCHDOG=1") && all.contains { $0.hasPrefix("STATUS=") && $0.contains("ingested 1") }
        }, into: &messages), "\(messages)")
        daemon.process.signal(SIGTERM)
        #expect(socket.receive(until: { $0.contains("STOPPING=1") }, into: &messages))
        #expect(daemon.process.wait() == 0)
    }

    @Test func pollingModeIngestsWithoutInotify() async throws {
        let daemon = try await helper.startDaemon(environment: ["ARTICLED_INBOX_WATCH_MODE": "poll", "ARTICLED_INBOX_POLL_INTERVAL_MS": "200"])
        try Data(helper.article(800).utf8).write(to: URL(fileURLWithPath: daemon.inbox + "/polled.txt"))
        #expect(try await waitUntil(timeout: 30) { daemon.files(in: daemon.processed) == ["polled.txt"] })
        #expect(daemon.stop() == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func theShippedUnitVerifiesAndScoresSafe() throws {
        let dir = try TemporaryDirectory()
        let unit = try String(contentsOfFile: repositoryRoot() + "/systemd/articled.service", encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/articled", with: ArticledBinary.path)
        let path = try dir.write("articled.service", unit)
        let verify = try Shell.run("/usr/bin/systemd-analyze", ["verify", path])
        #expect(!verify.contains("articled.service:"), "\(verify)")
        // --threshold counts in tenths: 9 means an exposure of 0.9 or lower.
        let security = try Shell.run("/usr/bin/systemd-analyze", ["security", "--offline=true", "--threshold=9", path])
        #expect(security.contains("Overall exposure level for articled.service: 0."), "\(security)")
    }
}
