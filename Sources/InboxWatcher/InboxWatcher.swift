import Dispatch
import Glibc
import Logging

/// Watches the inbox tree with inotify (or polls) and reports arrivals and rescans.
///
/// All state is confined to one private serial queue, which is why the class can be
/// `@unchecked Sendable`; the handler runs on that queue and must only enqueue work.
/// Events are a hint, never the only source of truth: the consumer scans the backlog on every
/// `.rescan` (startup, overflow, periodic), so a lost event delays a file, never loses it.
public final class InboxWatcher: @unchecked Sendable {
    public typealias Handler = @Sendable (InboxEvent) -> Void

    public let layout: InboxLayout
    public let mode: WatchMode
    let logger: Logger
    let queue = DispatchQueue(label: "articled.inbox-watcher")
    private let queueKey = DispatchSpecificKey<Bool>()

    // Queue-confined state.
    var rescanInterval: Duration
    var handler: Handler?
    var onStop: (@Sendable () -> Void)?
    var running = false
    var inotifyFD: Int32 = -1
    var readSource: DispatchSourceRead?
    var readBuffer: UnsafeMutableRawBufferPointer?
    var timer: DispatchSourceTimer?
    var watches = WatchTable()
    var inboxLost = false

    /// A folder that appears with more files than this is announced as one `.rescan(.newDirectory)`
    /// instead of one `.arrived` per file, so a moved-in archive cannot flood the consumer's queue.
    let newDirectoryArrivalLimit: Int

    public init(layout: InboxLayout, mode: WatchMode = .inotify, rescanInterval: Duration = .seconds(60),
                logger: Logger = Logger(label: "articled.inbox.watcher"), newDirectoryArrivalLimit: Int = 1_000) {
        self.layout = layout
        self.mode = mode
        self.rescanInterval = rescanInterval
        self.logger = logger
        self.newDirectoryArrivalLimit = newDirectoryArrivalLimit
        queue.setSpecific(key: queueKey, value: true)
    }

    deinit {
        // Handlers hold the watcher weakly, so this runs even if stop() was forgotten; the read
        // source's cancel handler closes the descriptor.
        timer?.cancel()
        readSource?.cancel()
    }

    /// Sets up the watches (or the poll timer), then reports `.rescan(.startup)`: the startup scan
    /// happens after the watches exist, so nothing dropped meanwhile slips between the two.
    /// Throws when the inbox cannot be watched, with advice (e.g. raise `fs.inotify.max_user_watches`).
    public func start(_ handler: @escaping Handler) throws(InboxError) {
        try start(handler, onStop: nil)
    }

    func start(_ handler: @escaping Handler, onStop: (@Sendable () -> Void)?) throws(InboxError) {
        let result: Result<Void, InboxError> = onQueue {
            guard !running else { return .success(()) }
            if case .inotify = mode {
                do throws(InboxError) { try startInotify() } catch { return .failure(error) }
            } else {
                // Polling still needs a readable inbox; fail at start, not silently on every tick.
                do throws(InboxError) { close(try DirectoryWalker(layout: layout, logger: logger).openStart("")) } catch {
                    return .failure(error)
                }
            }
            self.handler = handler
            self.onStop = onStop
            running = true
            scheduleTimer()
            logger.debug("inbox watcher started", metadata: ["inbox.file": "\(layout.inbox)", "inbox.watches": "\(watches.count)"])
            emit(.rescan(reason: .startup))
            return .success(())
        }
        try result.get()
    }

    /// Stops all watching; no handler call happens after this returns. Idempotent, callable from the handler.
    public func stop() {
        let finish: (@Sendable () -> Void)? = onQueue {
            guard running else { return nil }
            running = false
            handler = nil
            timer?.cancel()
            timer = nil
            readSource?.cancel()
            readSource = nil
            readBuffer = nil   // freed by the read source's cancel handler
            inotifyFD = -1
            _ = watches.removeAll()
            defer { onStop = nil }
            logger.debug("inbox watcher stopped", metadata: ["inbox.file": "\(layout.inbox)"])
            return onStop
        }
        finish?()
    }

    /// Reports `.rescan(.requested)` on the watcher's queue (e.g. on SIGHUP).
    public func requestRescan() {
        queue.async { [weak self] in
            guard let self, running else { return }
            emit(.rescan(reason: .requested))
        }
    }

    /// Changes the periodic rescan (inotify mode); zero or negative turns it off. For config reloads.
    public func setRescanInterval(_ interval: Duration) {
        queue.async { [weak self] in
            guard let self else { return }
            rescanInterval = interval
            if running { scheduleTimer() }
        }
    }

    /// Number of folders currently watched (inotify mode), for status output and tests.
    public var watchedFolderCount: Int { onQueue { watches.count } }

    // MARK: - Queue helpers

    func onQueue<T>(_ body: () -> T) -> T {
        DispatchQueue.getSpecific(key: queueKey) == true ? body() : queue.sync(execute: body)
    }

    func emit(_ event: InboxEvent) {
        guard running || handler != nil else { return }
        logger.trace("inbox event", metadata: ["inbox.event": "\(event)"])
        handler?(event)
    }

    func scheduleTimer() {
        timer?.cancel()
        timer = nil
        let interval: Duration
        switch mode {
        case .inotify: interval = rescanInterval
        case .polling(let every): interval = every
        }
        guard interval > .zero else { return }
        let step = Self.dispatchInterval(interval)
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now() + step, repeating: step, leeway: Self.dispatchInterval(min(interval / 10, .seconds(1))))
        source.setEventHandler { [weak self] in self?.tick() }
        source.resume()
        timer = source
    }

    private func tick() {
        guard running else { return }
        if inboxLost { reestablishInotify() }
        emit(.rescan(reason: .periodic))
    }

    static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return .seconds(Int(clamping: seconds)) }
        return .nanoseconds(Int(clamping: max(1_000_000, nanoseconds.partialValue + attoseconds / 1_000_000_000)))
    }
}
