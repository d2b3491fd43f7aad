import Glibc
import Logging

/// Depth-first walk of the inbox with `openat`/`fdopendir`/`readdir`, never following symlinks.
///
/// Skips `.`-names and temp names (files and folders alike: `.staging/` is not an input until renamed),
/// `.error` notes, and our own processed/rejected folders when they live inside the inbox (by relative
/// path, and by inode in case the inbox is reached through a different spelling). Holds one open
/// directory per level, so depth is capped.
struct DirectoryWalker {
    struct Entry {
        var relativePath: String
        var stat: FileStat
    }

    static let maxDepth = 32

    let root: String
    let excluded: Set<String>
    let excludedIdentities: Set<[UInt]>
    let logger: Logger

    init(layout: InboxLayout, logger: Logger) {
        root = layout.inbox
        excluded = layout.excludedRelativeDirectories
        var identities = Set<[UInt]>()
        for path in [layout.processed, layout.rejected] {
            var st = stat()
            if stat(path, &st) == 0 { identities.insert([UInt(st.st_dev), UInt(st.st_ino)]) }
        }
        excludedIdentities = identities
        self.logger = logger
    }

    /// Walks the folder `start` (relative; `""` is the inbox). `onDirectory` sees every folder entered,
    /// `start` included; `onFile` every non-directory (regular files, symlinks, FIFOs…) when given.
    /// Returning false from `onFile` stops the walk.
    func walk(
        from start: String = "",
        onDirectory: (String) -> Void = { _ in },
        onFile: ((Entry) -> Bool)? = nil
    ) throws(InboxError) {
        let fd = try openStart(start)
        _ = walkDirectory(fd: fd, relative: start, depth: 0, onDirectory: onDirectory, onFile: onFile)
    }

    /// Opens the inbox (following symlinks: a configured path may legitimately be one) and then each
    /// component of `start` with `O_NOFOLLOW`.
    func openStart(_ start: String) throws(InboxError) -> Int32 {
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw InboxError.folder(root, role: "inbox", errno: errno) }
        var walked = root
        for component in start.split(separator: "/") {
            walked = PathSyntax.join(walked, String(component))
            let next = openat(fd, String(component), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            close(fd)
            guard next >= 0 else { throw InboxError.folder(walked, role: "inbox subfolder", errno: failure) }
            fd = next
        }
        return fd
    }

    /// Returns false when the visitor asked to stop. Consumes `fd`.
    private func walkDirectory(
        fd: Int32, relative: String, depth: Int,
        onDirectory: (String) -> Void, onFile: ((Entry) -> Bool)?
    ) -> Bool {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return true
        }
        defer { closedir(dir) }
        onDirectory(relative)
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 {
                    logger.debug("inbox folder listing stopped early", metadata: [
                        "inbox.file": "\(PathSyntax.join(root, relative))", "errno": "\(errno)",
                    ])
                }
                return true
            }
            let type = entry.pointee.d_type
            let decoded: String? = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(validatingCString: $0) }
            }
            guard let name = decoded else {
                logger.warning("inbox entry name is not valid UTF-8; rename it to be ingested", metadata: [
                    "inbox.file": "\(PathSyntax.join(root, relative))/?",
                ])
                continue
            }
            if name == "." || name == ".." || InboxNames.isIgnored(name) { continue }
            let path = PathSyntax.join(relative, name)
            let directoryByType = type == UInt8(DT_DIR)
            if type != UInt8(DT_UNKNOWN) && !directoryByType && onFile == nil { continue }

            let dirfd = Glibc.dirfd(dir)
            guard let st = FileStat.at(dirfd, name) else { continue }   // vanished meanwhile
            if st.kind == .directory {
                if excluded.contains(path) || excludedIdentities.contains([st.device, st.inode]) { continue }
                guard depth + 1 < Self.maxDepth else {
                    logger.warning("inbox folder nested too deeply; not descending", metadata: ["inbox.file": "\(PathSyntax.join(root, path))"])
                    continue
                }
                let child = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else {
                    if errno != ENOENT {
                        logger.warning("cannot open inbox subfolder", metadata: [
                            "inbox.file": "\(PathSyntax.join(root, path))", "error": "\(InboxError.errnoText(errno))",
                        ])
                    }
                    continue
                }
                if !walkDirectory(fd: child, relative: path, depth: depth + 1, onDirectory: onDirectory, onFile: onFile) {
                    return false
                }
            } else if let onFile, !onFile(Entry(relativePath: path, stat: st)) {
                return false
            }
        }
    }
}
