import Foundation

/// A lock-protected running total and first failure, shared by parallel workers.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var sum = 0
    private var failure: String?

    func add(_ n: Int) {
        lock.lock()
        sum += n
        lock.unlock()
    }

    func fail(_ message: String) {
        lock.lock()
        if failure == nil { failure = message }
        lock.unlock()
    }

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return sum
    }

    var firstFailure: String? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
