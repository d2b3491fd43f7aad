import Glibc
import Logging

/// Reading and disposing of inbox files, safe for two daemons sharing one inbox.
///
/// Every path is relative to the inbox and opened component by component with `O_NOFOLLOW`, so a
/// symlink (file or folder) never leads out of the inbox. Any file may vanish at any moment because
/// another instance took it: that is reported as `.gone`, never as a crash.
public struct InboxFiles: Sendable {
    public let layout: InboxLayout
    let logger: Logger
    let renameStrategy: NoReplaceRename.Strategy
    /// Tests force the cross-file-system path without needing two file systems.
    let forceCopy: Bool

    public init(layout: InboxLayout, logger: Logger = Logger(label: "articled.inbox.files")) {
        self.init(layout: layout, logger: logger, renameStrategy: .automatic, forceCopy: false)
    }

    init(layout: InboxLayout, logger: Logger, renameStrategy: NoReplaceRename.Strategy, forceCopy: Bool) {
        self.layout = layout
        self.logger = logger
        self.renameStrategy = renameStrategy
        self.forceCopy = forceCopy
    }

    /// The whole file, if it is a regular file of at most `maxBytes`. The size is checked with `fstat`
    /// before reading, so an oversized file costs nothing; the read is one loop into a pre-sized array.
    public func read(_ relativePath: String, maxBytes: Int64) throws(InboxError) -> [UInt8] {
        let path = layout.absolute(relativePath)
        let parent = try openParent(of: relativePath)
        defer { close(parent.fd) }
        // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        let fd = openat(parent.fd, parent.name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw InboxError.open(path, errno: errno) }
        defer { close(fd) }
        guard let st = FileStat.of(descriptor: fd) else { throw InboxError.read(path, errno: errno) }
        guard st.kind == .regular else { throw InboxError.notRegularFile(path, kind: st.kindDescription) }
        guard st.size <= maxBytes else { throw InboxError.tooLarge(path, size: st.size, limit: maxBytes) }
        guard st.size > 0 else { return [] }

        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(st.size)) { buffer, initialized in
            var filled = 0
            while filled < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n > 0 {
                    filled += n
                } else if n == 0 {
                    break   // shrank since fstat: return what is there
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
            initialized = filled
        }
        if failure != 0 { throw InboxError.read(path, errno: failure) }
        return bytes
    }

    /// Size and modification time without following symlinks; nil when the file is gone.
    public func info(_ relativePath: String) -> InboxFile? {
        guard let parent = try? openParent(of: relativePath) else { return nil }
        defer { close(parent.fd) }
        guard let st = FileStat.at(parent.fd, parent.name) else { return nil }
        return InboxFile(relativePath: relativePath, absolutePath: layout.absolute(relativePath),
                         size: st.size, modifiedNanoseconds: st.modifiedNanoseconds)
    }

    /// Applies the configured disposition after the file's outcome is committed.
    public func dispose(_ relativePath: String, as disposition: Disposition) throws(InboxError) -> FileOutcome {
        switch disposition {
        case .move: return try moveToProcessed(relativePath)
        case .delete: return try delete(relativePath)
        case .keep: return .kept
        }
    }

    /// Moves the file to `processed/`, keeping its subfolder (`reuters/a.txt` → `processed/reuters/a.txt`)
    /// and never overwriting: on a clash the name becomes `a.1.txt`, `a.2.txt`, …
    public func moveToProcessed(_ relativePath: String) throws(InboxError) -> FileOutcome {
        try move(relativePath, into: layout.processed, role: "processed")
    }

    public func delete(_ relativePath: String) throws(InboxError) -> FileOutcome {
        let path = layout.absolute(relativePath)
        let parent: (fd: Int32, name: String)
        do { parent = try openParent(of: relativePath) } catch where error.code == .gone { return .gone }
        defer { close(parent.fd) }
        guard unlinkat(parent.fd, parent.name, 0) == 0 else {
            let failure = errno
            if failure == ENOENT { return .gone }
            if failure == EISDIR { throw InboxError.notRegularFile(path, kind: "directory") }
            throw InboxError.write(path, action: "delete", errno: failure)
        }
        return .deleted
    }

    // MARK: - Descriptors

    /// The folder holding `relativePath`, opened without following symlinks, and the file's name in it.
    func openParent(of relativePath: String) throws(InboxError) -> (fd: Int32, name: String) {
        guard PathSyntax.isSafeRelative(relativePath) else { throw InboxError.invalidPath(relativePath) }
        var fd = open(layout.inbox, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw InboxError.folder(layout.inbox, role: "inbox", errno: errno) }
        var components = relativePath.split(separator: "/").map(String.init)
        let name = components.removeLast()
        var walked = layout.inbox
        for component in components {
            walked = PathSyntax.join(walked, component)
            let next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            // O_DIRECTORY|O_NOFOLLOW on a symlink fails with ENOTDIR, not ELOOP: look before closing.
            let isSymlink = next < 0 && FileStat.at(fd, component)?.kind == .symlink
            close(fd)
            guard next >= 0 else {
                if isSymlink { throw InboxError.symlink(walked) }
                switch failure {
                case ENOENT, ENOTDIR: throw InboxError.gone(layout.absolute(relativePath))
                case ELOOP: throw InboxError.symlink(walked)
                default: throw InboxError.open(walked, errno: failure)
                }
            }
            fd = next
        }
        return (fd, name)
    }

    /// Opens `root/relativeDirectory`, creating what is missing (like `mkdir -p`), without following
    /// symlinks below `root`.
    func openDestination(root: String, relativeDirectory: String, role: String) throws(InboxError) -> Int32 {
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            try Self.makeDirectories(root, role: role)
            fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard fd >= 0 else { throw InboxError.folder(root, role: role, errno: errno) }
        var walked = root
        for component in relativeDirectory.split(separator: "/").map(String.init) {
            walked = PathSyntax.join(walked, component)
            if mkdirat(fd, component, 0o777) != 0 && errno != EEXIST {
                let failure = errno
                close(fd)
                throw InboxError.write(walked, action: "create folder", errno: failure)
            }
            let next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            close(fd)
            guard next >= 0 else { throw InboxError.folder(walked, role: role, errno: failure) }
            fd = next
        }
        return fd
    }

    static func makeDirectories(_ absolute: String, role: String) throws(InboxError) {
        var walked = ""
        for component in absolute.split(separator: "/") {
            walked += "/" + component
            if mkdir(walked, 0o777) != 0 && errno != EEXIST {
                throw InboxError.write(walked, action: "create \(role) folder", errno: errno)
            }
        }
    }

    /// `a.txt` → `a.1.txt`; `README` → `README.1`.
    static func candidateName(_ name: String, attempt: Int) -> String {
        guard attempt > 0 else { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return "\(name[..<dot]).\(attempt)\(name[dot...])"
        }
        return "\(name).\(attempt)"
    }

    static let maxAttempts = 10_000
}
