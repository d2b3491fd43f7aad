import Dispatch
import InboxWatcher
import Synchronization

extension FileProcessor {
    /// What reading and preparing one inbox file gave.
    public enum ReadOutcome: Sendable {
        case prepared(PreparedFile)
        /// The file disappeared before it could be read (another instance took it).
        case vanished(InboxError)
    }

    /// Reads `path` from `files` and prepares it; a file that cannot be read is prepared as a rejection.
    public func readAndPrepare(_ path: String, from files: InboxFiles, maxBytes: Int64) -> ReadOutcome {
        let claimedAt = DispatchTime.now().uptimeNanoseconds
        do {
            return .prepared(prepare(bytes: try files.read(path, maxBytes: maxBytes), relativePath: path, claimedAt: claimedAt))
        } catch let error where error.code == .gone || error.code == .notFound {
            return .vanished(error)
        } catch {
            return .prepared(unreadable(relativePath: path, bytes: nil, size: 0, reason: error.message, claimedAt: claimedAt))
        }
    }
}

/// `body(0..<count)` on up to `workers` threads at once (`ingest.workers`), results in order.
public func parallelMap<T>(_ count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
        slots.deinitialize()
        slots.deallocate()
    }
    nonisolated(unsafe) let output = slots
    // Each worker takes the next index in turn, so a slow file holds back only its own worker.
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(workers, count))) { _ in
        while true {
            let index = next.add(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            output[index] = body(index)
        }
    }
    return slots.map { $0! }
}
