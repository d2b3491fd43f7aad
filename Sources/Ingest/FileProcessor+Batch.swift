import Dispatch
import InboxWatcher

extension FileProcessor {
    /// What reading and preparing one inbox file gave.
    public enum ReadOutcome: Sendable {
        case prepared(PreparedFile)
        /// The file disappeared before it could be read (another instance took it).
        case vanished(InboxError)
    }

    /// Reads `path` from `files` and prepares it; a file that cannot be read is prepared as a rejection.
    public func readAndPrepare(_ path: String, from files: InboxFiles, maxBytes: Int64) -> ReadOutcome {
        do {
            return .prepared(prepare(bytes: try files.read(path, maxBytes: maxBytes), relativePath: path))
        } catch let error where error.code == .gone || error.code == .notFound {
            return .vanished(error)
        } catch {
            return .prepared(unreadable(relativePath: path, bytes: nil, size: 0, reason: error.message))
        }
    }
}

/// `body(0..<count)` on all cores, results in order.
public func parallelMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
        slots.deinitialize()
        slots.deallocate()
    }
    nonisolated(unsafe) let output = slots
    DispatchQueue.concurrentPerform(iterations: count) { index in
        output[index] = body(index)
    }
    return slots.map { $0! }
}
