import Foundation
import Glibc

/// One `articled run` child, started with posix_spawn and reaped with waitpid (Foundation's
/// `Process.waitUntilExit` has hung in this project when children leave grandchildren behind).
///
/// stdout goes to /dev/null; stderr (the log) is read by a `LogTail`. While it runs, its pid is
/// written to `pidFile`, so `scripts/bench.sh` can stop it if the benchmark itself is killed.
final class DaemonProcess {
    let pid: pid_t
    let spawnedAt: Double
    let log: LogTail
    private let pidFile: String?
    private var exitStatus: Int32?

    init(executable: String, arguments: [String], environment: [String: String], pidFile: String?) throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }
        // Close-on-exec, so later children do not hold this pipe open (dup2 onto fd 2 clears it there).
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let started = Monotonic.now()
        let rc = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw BenchError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
        spawnedAt = started
        log = LogTail(fd: fds[0])
        self.pidFile = pidFile
        if let pidFile { try? "\(child)\n".write(toFile: pidFile, atomically: true, encoding: .utf8) }
    }

    deinit {
        if exitStatus == nil { _ = stop(timeout: 5) }
    }

    /// False once the child has exited (reaps it).
    var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid {
            exitStatus = status
            clearPidFile()
            return false
        }
        return r == 0
    }

    /// `VmHWM` (peak resident set) in kB, from /proc/PID/status; nil once the process is gone.
    func peakResidentKilobytes() -> Int? { statusField("VmHWM:") }

    func residentKilobytes() -> Int? { statusField("VmRSS:") }

    /// User + system CPU seconds so far (/proc/PID/stat fields 14 and 15).
    func cpuSeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            return Int(line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// SIGTERM, then waits up to `timeout` s (SIGKILL after that). Returns the wait status
    /// rendered as text: "exit 0", "signal 9".
    @discardableResult
    func stop(timeout: Double) -> String {
        if exitStatus == nil {
            kill(pid, SIGTERM)
            let deadline = Monotonic.now() + timeout
            while isRunning, Monotonic.now() < deadline { Monotonic.sleep(0.01) }
            if exitStatus == nil {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                exitStatus = status
                clearPidFile()
            }
        }
        log.waitForEOF(timeout: 5)
        return describe(exitStatus ?? 0)
    }

    private func describe(_ status: Int32) -> String {
        let signal = status & 0x7f
        if signal == 0 { return "exit \((status >> 8) & 0xff)" }
        return "signal \(signal)"
    }

    private func clearPidFile() {
        if let pidFile { unlink(pidFile) }
    }
}
