import Foundation

/// Paths waiting to be ingested, shared by the watcher (producer) and the pipeline (consumer).
///
/// Bounded: when more paths arrive than `capacity`, they are not kept — a rescan is flagged instead,
/// and the files simply wait on disk. So memory stays flat however fast the inbox fills.
public final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var order: [String] = []
    private var head = 0
    private var queued: Set<String> = []
    private var rescanWanted = false
    private var stopped = false
    public let capacity: Int

    public init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// Adds a path; returns false when it was already queued or the queue is full (a rescan is flagged then).
    @discardableResult
    public func push(_ path: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if queued.contains(path) { return false }
        if queued.count >= capacity {
            rescanWanted = true
            condition.signal()
            return false
        }
        queued.insert(path)
        order.append(path)
        condition.signal()
        return true
    }

    public func requestRescan() {
        condition.lock()
        rescanWanted = true
        condition.signal()
        condition.unlock()
    }

    /// Wakes the consumer for good; `next` returns what is left, then nothing.
    public func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    public var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return queued.count
    }

    /// Sleeps up to `seconds`, waking early only when the queue is stopped (for backoff between retries).
    public func pause(_ seconds: Double) {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !stopped {
            if !condition.wait(until: deadline) { break }
        }
    }

    /// Takes up to `limit` paths. Waits up to `idle` seconds for the first one, then up to `linger` more for
    /// the batch to fill, so a lone file is not held back but a burst shares one transaction.
    /// Also returns whether a rescan was requested (the flag is cleared).
    public func next(limit: Int, idle: Double, linger: Double) -> (paths: [String], rescan: Bool) {
        condition.lock()
        defer { condition.unlock() }
        let idleDeadline = Date().addingTimeInterval(idle)
        while queued.isEmpty, !rescanWanted, !stopped {
            if !condition.wait(until: idleDeadline) { break }
        }
        if !queued.isEmpty, queued.count < limit, linger > 0, !stopped {
            let lingerDeadline = Date().addingTimeInterval(linger)
            while queued.count < limit, !stopped {
                if !condition.wait(until: lingerDeadline) { break }
            }
        }
        var paths: [String] = []
        paths.reserveCapacity(min(limit, queued.count))
        while paths.count < limit, head < order.count {
            let path = order[head]
            head += 1
            if queued.remove(path) != nil { paths.append(path) }
        }
        if head > 4_096, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
        let rescan = rescanWanted
        rescanWanted = false
        return (paths, rescan)
    }
}
