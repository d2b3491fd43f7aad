import Synchronization

/// A running total and first failure, shared by parallel workers.
final class Tally: Sendable {
    private struct State {
        var sum = 0
        var failure: String?
    }

    private let state = Mutex(State())

    func add(_ n: Int) {
        state.withLock { $0.sum += n }
    }

    func fail(_ message: String) {
        state.withLock { if $0.failure == nil { $0.failure = message } }
    }

    var total: Int { state.withLock { $0.sum } }

    var firstFailure: String? { state.withLock { $0.failure } }
}
