import Dispatch
import InboxWatcher

/// A backlog scanner's first window, walked on another thread: the daemon starts one before it connects to
/// the database, so the walk and the connection (with its migrations) overlap.
final class ScanAhead: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the background walk before `done` is left; read only after `wait()`.
    private var scanner: BacklogScanner
    private var window: Result<[InboxFile], InboxError> = .success([])

    init(_ scanner: BacklogScanner) {
        self.scanner = scanner
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            window = Result { () throws(InboxError) in try self.scanner.nextBatch() }
            done.leave()
        }
    }

    /// The scanner, past its first window, and that window.
    func wait() -> (BacklogScanner, Result<[InboxFile], InboxError>) {
        done.wait()
        return (scanner, window)
    }
}
