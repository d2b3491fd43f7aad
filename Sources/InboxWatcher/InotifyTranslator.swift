import Glibc

/// Turns raw inotify records into what the watcher must do. Pure, so the rules are testable without a kernel.
enum InotifyTranslator {
    enum Action: Equatable, Sendable {
        case arrived(String)
        /// A folder appeared: watch it (and its subfolders), then report files already inside.
        case watchDirectory(String)
        /// A folder left the inbox or was renamed away: stop watching its subtree.
        case forgetDirectory(String)
        /// The kernel dropped the watch (folder deleted, unmounted, or we removed it).
        case watchGone(Int32)
        /// Something was created in place without a close-write (symlink, FIFO): look at it.
        case inspect(String)
        /// The inbox itself was moved or deleted.
        case inboxLost
        case rescan(RescanReason)
    }

    static func actions(for event: RawInotifyEvent, table: WatchTable, excluded: Set<String>) -> [Action] {
        if event.has(IN_Q_OVERFLOW) { return [.rescan(.overflow)] }
        if event.has(IN_IGNORED) {
            return table.path(for: event.wd) == "" ? [.watchGone(event.wd), .inboxLost] : [.watchGone(event.wd)]
        }
        guard let folder = table.path(for: event.wd) else { return [] }
        if event.name.isEmpty {
            // Events about the watched folder itself: only the inbox's own move matters, subfolders'
            // moves are handled from their parent's IN_MOVED_FROM.
            return folder.isEmpty && event.has(IN_MOVE_SELF) ? [.inboxLost] : []
        }
        let path = PathSyntax.join(folder, event.name)
        if event.isDirectory {
            if event.has(IN_MOVED_FROM) { return [.forgetDirectory(path)] }
            guard event.has(IN_CREATE) || event.has(IN_MOVED_TO) else { return [] }
            if InboxNames.isIgnored(event.name) || excluded.contains(path) { return [] }
            return [.watchDirectory(path)]
        }
        if InboxNames.isIgnored(event.name) { return [] }
        if event.has(IN_CLOSE_WRITE) || event.has(IN_MOVED_TO) { return [.arrived(path)] }
        if event.has(IN_CREATE) { return [.inspect(path)] }
        return []
    }
}
