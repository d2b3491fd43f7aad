import Synchronization

/// A flag one thread raises and others poll; it never goes down again.
final class StopFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    var isSet: Bool { raised.load(ordering: .acquiring) }

    func set() { raised.store(true, ordering: .releasing) }
}
