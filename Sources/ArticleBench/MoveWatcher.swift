import Foundation
import Glibc

/// inotify on `processed/`: the time each file arrives there (IN_MOVED_TO; the daemon moves a file
/// right after its batch commits). A second, independent view of "done" beside `CommitPoller`.
final class MoveWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var arrivals: [String: Double] = [:]
    private var stopRequested = false
    private let finished = DispatchSemaphore(value: 0)
    private let fd: Int32

    init(directory: String) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw BenchError("inotify_init1: \(String(cString: strerror(errno)))") }
        guard inotify_add_watch(fd, directory, UInt32(IN_MOVED_TO | IN_CLOSE_WRITE)) >= 0 else {
            close(fd)
            throw BenchError("inotify_add_watch \(directory): \(String(cString: strerror(errno)))")
        }
        let thread = Thread { [self] in
            self.loop()
            self.finished.signal()
        }
        thread.name = "bench.move-watcher"
        thread.start()
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let header = MemoryLayout<inotify_event>.size
        while !shouldStop {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            guard n > 0 else { continue }
            let now = Monotonic.now()
            var names: [String] = []
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + header <= n {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let end = offset + header + Int(event.len)
                    guard end <= n else { break }
                    let name = String(decoding: raw[(offset + header)..<end].prefix { $0 != 0 }, as: UTF8.self)
                    if !name.isEmpty { names.append(name) }
                    offset = end
                }
            }
            lock.lock()
            for name in names where arrivals[name] == nil { arrivals[name] = now }
            lock.unlock()
        }
        close(fd)
    }

    private var shouldStop: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    func stop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
        _ = finished.wait(timeout: .now() + 2)
    }

    var arrivalTimes: [String: Double] {
        lock.lock()
        defer { lock.unlock() }
        return arrivals
    }
}
