import Foundation
import Glibc
@testable import InboxWatcher

/// A fresh temp folder per test with an `inbox/` inside; removed when the test's value goes away.
final class TestInbox: @unchecked Sendable {
    let root: String
    let layout: InboxLayout

    init(processedInside: Bool = false) throws {
        var template = Array("/tmp/inboxwatcher-test.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno)!) }
        root = String(cString: made)
        let inbox = root + "/inbox"
        if processedInside {
            layout = InboxLayout(inbox: inbox, processed: inbox + "/processed", rejected: inbox + "/rejected")
        } else {
            layout = InboxLayout(inbox: inbox)
        }
        try mkdir(inbox)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var inbox: String { layout.inbox }
    func path(_ relative: String) -> String { inbox + "/" + relative }

    func mkdir(_ absolute: String) throws {
        try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
    }

    /// open + write + close, as an editor or `cp` does.
    @discardableResult
    func write(_ absolute: String, _ text: String = "hello\n", mtime: Int? = nil) throws -> String {
        let fd = open(absolute, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno)!) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if let mtime {
            var times = [timespec(tv_sec: mtime, tv_nsec: 0), timespec(tv_sec: mtime, tv_nsec: 0)]
            futimens(fd, &times)
        }
        close(fd)
        guard written == bytes.count else { throw POSIXError(.EIO) }
        return absolute
    }

    func setMtime(_ absolute: String, seconds: Int, nanoseconds: Int = 0) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        utimensat(AT_FDCWD, absolute, &times, AT_SYMLINK_NOFOLLOW)
    }

    func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw POSIXError(.init(rawValue: errno)!) }
    }

    func exists(_ absolute: String) -> Bool {
        var st = stat()
        return lstat(absolute, &st) == 0
    }

    func contents(_ absolute: String) -> String? {
        FileManager.default.contents(atPath: absolute).map { String(decoding: $0, as: UTF8.self) }
    }
}
