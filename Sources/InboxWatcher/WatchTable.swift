/// Which inotify watch descriptor stands for which folder (relative to the inbox; `""` is the inbox).
///
/// Both directions are kept so a folder moved or deleted can drop its whole subtree, and a folder
/// re-added under a new name (same inode ⇒ same wd) replaces its stale path.
struct WatchTable: Sendable {
    private(set) var pathByWatch: [Int32: String] = [:]
    private var watchByPath: [String: Int32] = [:]

    var count: Int { pathByWatch.count }
    var isEmpty: Bool { pathByWatch.isEmpty }

    func path(for wd: Int32) -> String? { pathByWatch[wd] }
    func watch(for path: String) -> Int32? { watchByPath[path] }

    mutating func insert(wd: Int32, path: String) {
        if let stale = pathByWatch[wd], stale != path { watchByPath.removeValue(forKey: stale) }
        if let previous = watchByPath[path], previous != wd { pathByWatch.removeValue(forKey: previous) }
        pathByWatch[wd] = path
        watchByPath[path] = wd
    }

    @discardableResult
    mutating func remove(wd: Int32) -> String? {
        guard let path = pathByWatch.removeValue(forKey: wd) else { return nil }
        if watchByPath[path] == wd { watchByPath.removeValue(forKey: path) }
        return path
    }

    /// Forgets `path` and every folder below it; returns their descriptors so the caller can `inotify_rm_watch` them.
    mutating func removeSubtree(_ path: String) -> [Int32] {
        let prefix = path.isEmpty ? "" : path + "/"
        let doomed = watchByPath.filter { $0.key == path || path.isEmpty || $0.key.hasPrefix(prefix) }
        for (key, wd) in doomed {
            watchByPath.removeValue(forKey: key)
            pathByWatch.removeValue(forKey: wd)
        }
        return Array(doomed.values)
    }

    mutating func removeAll() -> [Int32] {
        let all = Array(pathByWatch.keys)
        pathByWatch.removeAll()
        watchByPath.removeAll()
        return all
    }
}
