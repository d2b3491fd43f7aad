import Dispatch

/// A batch being read and normalized in the background while the pipeline writes the one before it.
final class PendingBatch<Item>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the background work before `done` is left; read only after `wait()`.
    private var items: [Item] = []

    init(_ paths: [String], _ work: @escaping @Sendable ([String]) -> [Item]) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            items = work(paths)
            done.leave()
        }
    }

    /// The normalized batch, once the background work has finished.
    func wait() -> [Item] {
        done.wait()
        return items
    }
}
