import Glibc

/// How many subfolders a folder holds, read from its link count where the file system keeps that exact.
///
/// On ext2/3/4, XFS and tmpfs a folder's link count is 2 plus its subfolders (ext4 sets it to 1 past 65,000
/// subfolders); btrfs always says 1, and network and FUSE file systems say what they like. So the count is
/// trusted only on a device that `/proc/self/mountinfo` shows mounted with one of the three, and only when
/// it is at least 2. This is GNU find's leaf optimization: it spares the startup watch walk the listing of
/// a flat million-file inbox.
struct FolderLinkCount {
    static let exactFileSystems: Set<String> = ["ext2", "ext3", "ext4", "xfs", "tmpfs"]

    /// Devices (`st_dev`) mounted with a file system of `exactFileSystems`.
    let trustedDevices: Set<UInt64>

    init(mountInfo path: String = "/proc/self/mountinfo") {
        trustedDevices = Self.devices(in: Self.read(path) ?? "")
    }

    /// The number of subfolders of the open folder `fd`, or nil when its file system does not say.
    func subfolders(of fd: Int32) -> Int? {
        var st = stat()
        guard !trustedDevices.isEmpty, fstat(fd, &st) == 0, trustedDevices.contains(UInt64(st.st_dev)),
              st.st_nlink >= 2 else { return nil }
        return Int(st.st_nlink) - 2
    }

    /// mountinfo lines: `ID PARENT MAJOR:MINOR ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPER`.
    static func devices(in mountInfo: String) -> Set<UInt64> {
        var result = Set<UInt64>()
        for line in mountInfo.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 3, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count,
                  exactFileSystems.contains(String(fields[dash + 1])) else { continue }
            let numbers = fields[2].split(separator: ":")
            guard numbers.count == 2, let major = UInt64(numbers[0]), let minor = UInt64(numbers[1]) else { continue }
            result.insert(device(major: major, minor: minor))
        }
        return result
    }

    /// glibc's `makedev`, which Swift does not import.
    static func device(major: UInt64, minor: UInt64) -> UInt64 {
        ((major & 0xFFFF_F000) << 32) | ((major & 0xFFF) << 8) | ((minor & 0xFFFF_FF00) << 12) | (minor & 0xFF)
    }

    private static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
