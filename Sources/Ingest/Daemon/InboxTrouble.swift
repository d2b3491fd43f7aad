import Dispatch
import Foundation
import InboxWatcher
import Logging

/// Problems with the inbox that the daemon waits out instead of rejecting files for: committed files that cannot
/// be moved (a full or read-only `processed/` or `rejected/`) and files it is not allowed to read.
///
/// Such files stay in the inbox and are retried after a growing delay. An operator hears of each problem once when it
/// starts and once when it clears, not once per file and retry, and sees it in `articled status` meanwhile.
/// Shared by the pipeline loop (moves) and the threads that read files (denied reads), hence the lock.
final class InboxTrouble: @unchecked Sendable {
    private let lock = NSLock()
    private let logger: Logger
    /// The last failure per destination (`processed`, `rejected`, `delete`) while moves there fail.
    private var moveFailures: [String: InboxError] = [:]
    /// Committed files left in the inbox because their move failed.
    private var unmoved: Set<String> = []
    /// Files the daemon may not read, with why.
    private var denied: [String: InboxError] = [:]
    private var retryDelay = InboxTrouble.firstRetrySeconds

    static let firstRetrySeconds = 1.0
    /// Retries back off to this: each one re-reads and re-records (as unchanged) every file still waiting.
    static let maxRetrySeconds = 30.0

    init(logger: Logger) {
        self.logger = logger
    }

    /// A committed file could not be moved to `destination`; it stays in the inbox.
    func moveFailed(_ path: String, destination: String, error: InboxError) {
        lock.lock()
        let starts = moveFailures[destination] == nil
        moveFailures[destination] = error
        unmoved.insert(path)
        lock.unlock()
        if starts {
            logger.error("committed files cannot be moved; they stay in the inbox and are retried",
                         metadata: ["inbox.destination": "\(destination)", "inbox.error": "\(error)"])
        }
        logger.debug("file committed but not moved", metadata: ["inbox.file": "\(path)", "inbox.error": "\(error)"])
    }

    /// A file was moved (or deleted) as configured.
    func moved(_ path: String, destination: String) {
        lock.lock()
        let ended = moveFailures.removeValue(forKey: destination) != nil
        unmoved.remove(path)
        let waiting = unmoved.count
        if moveFailures.isEmpty && denied.isEmpty { retryDelay = Self.firstRetrySeconds }
        lock.unlock()
        if ended {
            logger.notice("committed files move again", metadata: ["inbox.destination": "\(destination)",
                                                                  "inbox.waiting": "\(waiting)"])
        }
    }

    /// The daemon may not read `path` (permissions): it stays in the inbox and is tried again later.
    func readDenied(_ path: String, error: InboxError) {
        lock.lock()
        let first = denied.updateValue(error, forKey: path) == nil
        lock.unlock()
        if first {
            logger.error("inbox file cannot be read; it stays in the inbox and is retried",
                         metadata: ["inbox.file": "\(path)", "inbox.error": "\(error)"])
        }
    }

    /// `paths` were read: any of them that could not be read before can be now.
    func read(_ paths: some Sequence<String>) {
        lock.lock()
        guard !denied.isEmpty else { return lock.unlock() }
        var cleared: [String] = []
        for path in paths where denied.removeValue(forKey: path) != nil { cleared.append(path) }
        lock.unlock()
        for path in cleared { logger.notice("inbox file readable again", metadata: ["inbox.file": "\(path)"]) }
    }

    /// Whether files wait for a retry, and how long until it: each retry waits twice as long as the one before.
    func nextRetry() -> Double? {
        lock.lock()
        defer { lock.unlock() }
        guard !moveFailures.isEmpty || !denied.isEmpty || !unmoved.isEmpty else { return nil }
        // Moves work again: one last scan takes every file still waiting (and any the operator removed is forgotten).
        if moveFailures.isEmpty && denied.isEmpty { unmoved.removeAll() }
        let delay = retryDelay
        retryDelay = min(retryDelay * 2, Self.maxRetrySeconds)
        return delay
    }

    /// One line for `articled status` and `STATUS=`; nil when all is well.
    var summary: String? {
        lock.lock()
        defer { lock.unlock() }
        var parts: [String] = []
        for (destination, error) in moveFailures.sorted(by: { $0.key < $1.key }) {
            parts.append("\(unmoved.count) committed file(s) wait in the inbox, \(destination) failing: \(error)")
        }
        if let (_, error) = denied.min(by: { $0.key < $1.key }) {
            parts.append("\(denied.count) inbox file(s) cannot be read: \(error)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
