import Foundation
import Glibc

/// Reads a child's stderr on its own thread until EOF, timestamping each line on arrival.
///
/// Keeps the pipe drained (a daemon blocked on a full pipe would stall the benchmark), remembers
/// the arrival time of every line, and lets the caller wait for a line containing some text.
final class LogTail: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [(time: Double, text: String)] = []
    private var finished = false
    private let maxLines = 20_000

    /// Starts reading `fd` (owned from now on; closed at EOF).
    init(fd: Int32) {
        let thread = Thread { [self] in self.read(fd) }
        thread.name = "bench.logtail"
        thread.start()
    }

    private func read(_ fd: Int32) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            let now = Monotonic.now()
            pending.append(contentsOf: buffer[0..<n])
            var newLines: [String] = []
            while let newline = pending.firstIndex(of: 10) {
                newLines.append(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
            if !newLines.isEmpty {
                condition.lock()
                for line in newLines where lines.count < maxLines { lines.append((now, line)) }
                condition.broadcast()
                condition.unlock()
            }
        }
        close(fd)
        condition.lock()
        if !pending.isEmpty { lines.append((Monotonic.now(), String(decoding: pending, as: UTF8.self))) }
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Arrival time of the first line containing `text`, waiting up to `timeout` s; nil on timeout or EOF.
    func waitForLine(containing text: String, timeout: Double) -> Double? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let hit = lines.first(where: { $0.text.contains(text) }) { return hit.time }
            if finished { return nil }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    /// Waits up to `timeout` s for EOF (the child and everything holding the pipe has exited).
    @discardableResult
    func waitForEOF(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            if !condition.wait(until: deadline) { return finished }
        }
        return true
    }

    /// Lines containing `text` (e.g. "ERROR", "WARNING").
    func lines(containing text: String) -> [String] {
        condition.lock()
        defer { condition.unlock() }
        return lines.filter { $0.text.contains(text) }.map(\.text)
    }

    func last(_ n: Int) -> [String] {
        condition.lock()
        defer { condition.unlock() }
        return lines.suffix(n).map(\.text)
    }
}
