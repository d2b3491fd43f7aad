import Synchronization
extension InboxWatcher {
    /// Starts the watcher and returns its events as an `AsyncStream`, the shape the ingest service consumes.
    ///
    /// The buffer is bounded so a stalled consumer cannot grow memory without limit. When an event has
    /// to be dropped, a `.rescan(.overflow)` is delivered as soon as there is room again, so the consumer
    /// rescans and finds what it missed. Ending the stream's iteration (or cancelling its task) stops
    /// the watcher; `stop()` finishes the stream.
    public func events(bufferLimit: Int = 100_000) throws(InboxError) -> AsyncStream<InboxEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: InboxEvent.self, bufferingPolicy: .bufferingOldest(max(1, bufferLimit)))
        let dropped = DropFlag()
        try start({ event in
            if dropped.isSet {
                guard case .enqueued = continuation.yield(.rescan(reason: .overflow)) else { return }
                dropped.isSet = false
            }
            if case .dropped = continuation.yield(event) { dropped.isSet = true }
        }, onStop: { continuation.finish() })
        continuation.onTermination = { [weak self] _ in self?.stop() }
        return stream
    }
}

/// Whether the stream dropped an event; touched only from the watcher's serial queue, held in an atomic so
/// the compiler can check the sharing rather than take our word for it.
private final class DropFlag: Sendable {
    private let value = Atomic(false)

    var isSet: Bool {
        get { value.load(ordering: .acquiring) }
        set { value.store(newValue, ordering: .releasing) }
    }
}
