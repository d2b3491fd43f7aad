/// What the watcher reports. The handler only enqueues; the consumer does the work.
public enum InboxEvent: Sendable, Equatable {
    /// A file finished arriving (`IN_CLOSE_WRITE` or `IN_MOVED_TO`), or was found in a folder that
    /// appeared after its parent was watched. The same file may be reported more than once
    /// (`IN_CLOSE_WRITE` repeats when a writer reopens it), so the consumer must be idempotent.
    case arrived(relativePath: String)
    /// Events may have been missed or time has come: the consumer should (re)scan the backlog.
    case rescan(reason: RescanReason)
}

public enum RescanReason: String, Sendable, Equatable {
    /// Once after the watches exist, so files dropped before start (or while starting) are found.
    case startup
    /// The kernel queue overflowed (`IN_Q_OVERFLOW`) or the consumer fell behind: events were lost.
    case overflow
    /// The periodic safety net, and every tick in polling mode.
    case periodic
    /// A folder with too many files to report one by one appeared.
    case newDirectory
    /// Someone asked (`requestRescan()`, e.g. on SIGHUP).
    case requested
}

/// How changes are noticed.
public enum WatchMode: Sendable, Equatable {
    /// inotify: immediate, local file systems only.
    case inotify
    /// No inotify (NFS, SMB, some FUSE mounts): a `.rescan(.periodic)` every `interval`.
    case polling(interval: Duration)

    /// The name `inbox.watch_mode` gives a polling watcher.
    public static let pollName = "poll"

    /// The mode's name in the configuration file: `inotify` or `poll`.
    public var name: String {
        switch self {
        case .inotify: "inotify"
        case .polling: Self.pollName
        }
    }
}
