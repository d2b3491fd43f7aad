/// Where the inbox and its two outcome folders live. All paths are absolute.
///
/// `processed` and `rejected` may sit beside the inbox (the default) or inside it; when inside,
/// the watcher and the scanner never descend into them, so moved files are not picked up again.
public struct InboxLayout: Sendable, Equatable {
    public let inbox: String
    public let processed: String
    public let rejected: String

    /// Paths are normalized lexically (no trailing `/`, no `.` or `..` parts) so that the
    /// "is it inside the inbox?" test is a plain prefix comparison; symlinks are not resolved
    /// because a systemd `StateDirectory` is legitimately reached through one.
    public init(inbox: String, processed: String, rejected: String) {
        self.inbox = PathSyntax.normalized(inbox)
        self.processed = PathSyntax.normalized(processed)
        self.rejected = PathSyntax.normalized(rejected)
    }

    /// The default layout: `processed/` and `rejected/` beside the inbox (`/srv/inbox` → `/srv/processed`).
    public init(inbox: String) {
        let root = PathSyntax.normalized(inbox)
        let parent = PathSyntax.parent(of: root)
        self.init(inbox: root, processed: PathSyntax.join(parent, "processed"), rejected: PathSyntax.join(parent, "rejected"))
    }

    /// Folders, relative to the inbox, that belong to us and must never be treated as input.
    var excludedRelativeDirectories: Set<String> {
        var result = Set<String>()
        for path in [processed, rejected] {
            if let relative = PathSyntax.relative(path, to: inbox), !relative.isEmpty { result.insert(relative) }
        }
        return result
    }

    func absolute(_ relativePath: String) -> String { PathSyntax.join(inbox, relativePath) }
}
