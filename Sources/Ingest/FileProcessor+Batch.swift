import Dispatch
import InboxWatcher
import Synchronization

extension FileProcessor {
    /// What reading and preparing one inbox file gave.
    public enum ReadOutcome: Sendable {
        case prepared(PreparedFile)
        /// The file disappeared before it could be read (another instance took it).
        case vanished(InboxError)
        /// Permission denied: nothing is wrong with the file, only with its mode or owner, which an operator can fix.
        case denied(InboxError)
    }

    /// Reads `path` from `files` and prepares it; a file that cannot be read is prepared as a rejection.
    public func readAndPrepare(_ path: String, from files: InboxFiles, maxBytes: Int64) -> ReadOutcome {
        let claimedAt = DispatchTime.now().uptimeNanoseconds
        let folder = files.layout.inbox
        do {
            return .prepared(prepare(bytes: try files.read(path, maxBytes: maxBytes), relativePath: path, folder: folder,
                                     claimedAt: claimedAt))
        } catch let error where error.code == .gone || error.code == .notFound {
            return .vanished(error)
        } catch let error where error.code == .permissionDenied {
            return .denied(error)
        } catch {
            return .prepared(unreadable(relativePath: path, folder: folder, bytes: nil, size: 0, reason: error.message,
                                        claimedAt: claimedAt))
        }
    }
}

extension FileProcessor {
    /// Reads and prepares `paths` (each relative to its `InboxFiles`) on `workers` threads, in order: the first
    /// stage of both `run` and `ingest`. A file that vanished is dropped when `dropVanished` (the daemon: another
    /// instance took it) and otherwise prepared as a rejection (`ingest` names its files, so each is reported).
    /// Files not yet started when `isStopping` turns true are dropped too; they stay where they are.
    /// A file that may not be read is handed to `holdDenied` and left where it is when one is given (the daemon waits
    /// for an operator to fix its mode), and prepared as a rejection otherwise.
    public func readAll(_ paths: [(files: InboxFiles, path: String)], maxBytes: Int64, workers: Int,
                        dropVanished: Bool, holdDenied: (@Sendable (String, InboxError) -> Void)? = nil,
                        isStopping: @escaping @Sendable () -> Bool = { false }) -> [PreparedFile] {
        parallelMap(paths.count, workers: workers) { index -> PreparedFile? in
            if isStopping() { return nil }
            let (files, path) = paths[index]
            switch readAndPrepare(path, from: files, maxBytes: maxBytes) {
            case .prepared(let file): return file
            case .vanished(let error):
                return dropVanished ? nil : unreadable(relativePath: path, folder: files.layout.inbox, bytes: nil, size: 0,
                                                       reason: error.message)
            case .denied(let error):
                if let holdDenied {
                    holdDenied(path, error)
                    return nil
                }
                return unreadable(relativePath: path, folder: files.layout.inbox, bytes: nil, size: 0, reason: error.message)
            }
        }.compactMap { $0 }
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
