import Foundation
@testable import InboxWatcher

/// Collects watcher events from the watcher's queue; tests wait on a condition with a deadline.
final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [InboxEvent] = []

    var handler: InboxWatcher.Handler {
        { [self] event in lock.withLock { recorded.append(event) } }
    }

    var events: [InboxEvent] { lock.withLock { recorded } }

    var arrivals: [String] {
        events.compactMap { if case .arrived(let path) = $0 { path } else { nil } }
    }

    func rescans(_ reason: RescanReason) -> Int {
        events.filter { $0 == .rescan(reason: reason) }.count
    }

    /// Polls every 5 ms until `condition` holds or 60 s pass. Never a fixed sleep: it returns as soon as it
    /// holds, so the generous deadline costs nothing when things work, and only matters on a machine so
    /// loaded (the whole suite on 2 cores) that the watcher's queue waits seconds for a thread.
    @discardableResult
    func wait(timeout: Duration = .seconds(60), until condition: (EventRecorder) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return condition(self)
    }

    func waitForArrivals(_ paths: Set<String>) async -> Bool {
        await wait { paths.isSubset(of: Set($0.arrivals)) }
    }
}

/// Polls `condition` every 5 ms until it holds or `timeout` passes (generous: see `EventRecorder.wait`).
func eventually(timeout: Duration = .seconds(60), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
