import Glibc
import Logging

/// Depth-first walk of the inbox with `openat`/`fdopendir`/`readdir`, never following symlinks.
///
/// Skips `.`-names and temp names (files and folders alike: `.staging/` is not an input until renamed),
/// `.error` notes, and our own processed/rejected folders when they live inside the inbox (by relative
/// path, and by inode in case the inbox is reached through a different spelling). Holds one open
/// directory per level, so depth is capped.
///
/// Built for folders of a million entries: a file is judged on its name bytes and its `stat` before any
/// `String` is made for it (`RawEntry`), and a walk that wants folders only never stats a file whose
/// directory entry already says it is not a folder. glibc's `readdir` reads entries 32 KB at a time with
/// `getdents64`, about 1,250 system calls for a million entries: the per-entry `fstatat` is the cost, not
/// the listing, so `readdir` stays.
struct DirectoryWalker {
    struct Entry {
        var relativePath: String
        var stat: FileStat
    }

    /// A non-directory entry as the walk meets it: its name is still the `dirent`'s bytes, valid only
    /// during the callback, so a visitor can reject it on `modifiedNanoseconds` for the price of a stat.
    struct RawEntry: ~Copyable {
        /// The relative path of the folder holding the entry (`""` for the inbox).
        let folder: String
        let name: UnsafePointer<CChar>
        let stat: stat

        var modifiedNanoseconds: Int64 {
            Int64(stat.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(stat.st_mtim.tv_nsec)
        }

        var size: Int64 { Int64(stat.st_size) }

        /// The entry's path relative to the inbox; nil when its name is not valid UTF-8.
        func relativePath() -> String? {
            String(validatingCString: name).map { PathSyntax.join(folder, $0) }
        }

        var fileStat: FileStat { FileStat(stat) }
    }

    static let maxDepth = 32

    let root: String
    let excluded: Set<String>
    let excludedIdentities: Set<[UInt]>
    let logger: Logger
    /// For walks that want folders only; nil when the walk visits files (it lists every folder anyway).
    private var linkCount: FolderLinkCount?

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
        guard let onFile else {
            var foldersOnly = self
            foldersOnly.linkCount = FolderLinkCount()
            try foldersOnly.walkRaw(from: start, onDirectory: onDirectory, onFile: nil)
            return
        }
        try walkRaw(from: start, onDirectory: onDirectory, onFile: { (entry: borrowing RawEntry) -> Bool in
            guard let path = entry.relativePath() else {
                warnNotUTF8(folder: entry.folder)
                return true
            }
            return onFile(Entry(relativePath: path, stat: entry.fileStat))
        })
    }

    /// As `walk`, with files handed over before their path or `FileStat` exists. With `onFile` nil no
    /// file is stat'ed unless its directory entry leaves its type open (`DT_UNKNOWN`).
    func walkRaw(
        from start: String = "",
        onDirectory: (String) -> Void = { _ in },
        onFile: ((borrowing RawEntry) -> Bool)?
    ) throws(InboxError) {
        let fd = try openStart(start)
        _ = walkDirectory(fd: fd, relative: start, depth: 0, onDirectory: onDirectory, onFile: onFile)
    }

    func warnNotUTF8(folder: String) {
        logger.warning("inbox entry name is not valid UTF-8; rename it to be ingested", metadata: [
            "inbox.file": "\(PathSyntax.join(root, folder))/?",
        ])
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
        onDirectory: (String) -> Void, onFile: ((borrowing RawEntry) -> Bool)?
    ) -> Bool {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return true
        }
        defer { closedir(dir) }
        onDirectory(relative)
        let dirfd = Glibc.dirfd(dir)
        // A walk for folders only stops listing once it has met every subfolder the link count announces.
        var subfoldersLeft = onFile == nil ? linkCount?.subfolders(of: dirfd) : nil
        while true {
            if subfoldersLeft == 0 { return true }
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
            let typedDirectory = type == UInt8(DT_DIR)
            if type != UInt8(DT_UNKNOWN) && !typedDirectory && onFile == nil { continue }
            // Ignored and excluded subfolders count too; `.` and `..` are not among the announced ones.
            if typedDirectory, let left = subfoldersLeft, !Self.isDotOrDotDot(entry) { subfoldersLeft = left - 1 }
            let keepGoing = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { name -> Bool in
                    if InboxNames.isIgnored(cName: name) { return true }   // `.` and `..` included
                    var st = stat()
                    guard fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return true }   // vanished meanwhile
                    if st.st_mode & S_IFMT == S_IFDIR {
                        return descend(into: name, of: dirfd, stat: st, relative: relative, depth: depth,
                                       onDirectory: onDirectory, onFile: onFile)
                    }
                    guard let onFile else { return true }
                    return onFile(RawEntry(folder: relative, name: name, stat: st))
                }
            }
            if !keepGoing { return false }
        }
    }

    private static func isDotOrDotDot(_ entry: UnsafeMutablePointer<dirent>) -> Bool {
        withUnsafeBytes(of: &entry.pointee.d_name) { name in
            name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))
        }
    }

    /// Returns false when the visitor asked to stop.
    private func descend(
        into name: UnsafePointer<CChar>, of dirfd: Int32, stat st: stat, relative: String, depth: Int,
        onDirectory: (String) -> Void, onFile: ((borrowing RawEntry) -> Bool)?
    ) -> Bool {
        guard let decoded = String(validatingCString: name) else {
            warnNotUTF8(folder: relative)
            return true
        }
        let path = PathSyntax.join(relative, decoded)
        if excluded.contains(path) || excludedIdentities.contains([UInt(st.st_dev), UInt(st.st_ino)]) { return true }
        guard depth + 1 < Self.maxDepth else {
            logger.warning("inbox folder nested too deeply; not descending", metadata: ["inbox.file": "\(PathSyntax.join(root, path))"])
            return true
        }
        let child = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard child >= 0 else {
            if errno != ENOENT {
                logger.warning("cannot open inbox subfolder", metadata: [
                    "inbox.file": "\(PathSyntax.join(root, path))", "error": "\(InboxError.errnoText(errno))",
                ])
            }
            return true
        }
        return walkDirectory(fd: child, relative: path, depth: depth + 1, onDirectory: onDirectory, onFile: onFile)
    }
}
