import Glibc

/// `rename` that fails with `EEXIST` instead of replacing, race-free against other processes.
///
/// Swift's Glibc module imports neither `renameat2` nor `SYS_renameat2`, and `syscall` is variadic,
/// so the glibc (≥ 2.28) symbol is looked up once with `dlsym`. File systems without
/// `RENAME_NOREPLACE` (some NFS/CIFS/FUSE) answer `EINVAL`; there we reserve the name with an
/// `O_CREAT|O_EXCL` placeholder and rename over our own placeholder, which is equally exclusive
/// between cooperating processes.
enum NoReplaceRename {
    enum Strategy: Sendable { case automatic, placeholder }

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameNoReplaceFlag: UInt32 = 1   // RENAME_NOREPLACE in <linux/fs.h>
    private static let renameat2: Renameat2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()

    /// 0 on success, else the errno (`EEXIST`: the name is taken; `ENOENT`: the source is gone; `EXDEV`).
    static func rename(_ fromDir: Int32, _ fromName: String, _ toDir: Int32, _ toName: String, strategy: Strategy) -> Int32 {
        if strategy == .automatic, let renameat2 {
            if renameat2(fromDir, fromName, toDir, toName, renameNoReplaceFlag) == 0 { return 0 }
            let failure = errno
            guard failure == EINVAL || failure == ENOSYS || failure == EOPNOTSUPP else { return failure }
        }
        return renameOverPlaceholder(fromDir, fromName, toDir, toName)
    }

    private static func renameOverPlaceholder(_ fromDir: Int32, _ fromName: String, _ toDir: Int32, _ toName: String) -> Int32 {
        // Fail fast on a vanished source so we never leave a placeholder for a file that is not coming.
        guard FileStat.at(fromDir, fromName) != nil else { return ENOENT }
        let placeholder = openat(toDir, toName, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard placeholder >= 0 else { return errno }
        close(placeholder)
        if renameat(fromDir, fromName, toDir, toName) == 0 { return 0 }
        let failure = errno
        unlinkat(toDir, toName, 0)
        return failure
    }
}
