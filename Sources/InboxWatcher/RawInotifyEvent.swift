import Glibc

/// One `struct inotify_event` record as the kernel wrote it, name decoded.
public struct RawInotifyEvent: Sendable, Equatable {
    public var wd: Int32
    public var mask: UInt32
    public var cookie: UInt32
    /// Empty for events about the watched folder itself; never contains the NUL padding.
    public var name: String

    public init(wd: Int32, mask: UInt32, cookie: UInt32 = 0, name: String = "") {
        self.wd = wd
        self.mask = mask
        self.cookie = cookie
        self.name = name
    }

    public func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
    public var isDirectory: Bool { has(IN_ISDIR) }
}
