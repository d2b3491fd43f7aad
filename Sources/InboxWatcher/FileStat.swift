import Glibc

/// The few `stat` fields we use, read without following symlinks.
struct FileStat: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case regular, directory, symlink, other(String) }

    var kind: Kind
    var size: Int64
    /// Modification time in nanoseconds since the Unix epoch.
    var modifiedNanoseconds: Int64
    var device: UInt
    var inode: UInt

    init(_ st: stat) {
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFIFO: kind = .other("FIFO")
        case S_IFSOCK: kind = .other("socket")
        case S_IFCHR, S_IFBLK: kind = .other("device")
        default: kind = .other("special file")
        }
        size = Int64(st.st_size)
        modifiedNanoseconds = Int64(st.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(st.st_mtim.tv_nsec)
        device = UInt(st.st_dev)
        inode = UInt(st.st_ino)
    }

    /// `fstatat(dir, name, AT_SYMLINK_NOFOLLOW)`; nil with errno set when it fails.
    static func at(_ directory: Int32, _ name: String) -> FileStat? {
        var st = stat()
        guard fstatat(directory, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStat(st)
    }

    static func of(descriptor: Int32) -> FileStat? {
        var st = stat()
        guard fstat(descriptor, &st) == 0 else { return nil }
        return FileStat(st)
    }

    var kindDescription: String {
        switch kind {
        case .regular: "regular file"
        case .directory: "directory"
        case .symlink: "symbolic link"
        case .other(let name): name
        }
    }
}
