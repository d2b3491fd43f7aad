import Foundation
import Glibc
import Testing
import TestSupport

/// The watcher tests rely on this: a file a test holds open for writing must not stay open in a
/// PostgreSQL server or daemon that another test starts meanwhile, or its IN_CLOSE_WRITE never comes.
@Suite struct SubprocessTests {
    @Test func aChildStartsWithOnlyTheStandardDescriptors() throws {
        let directory = try TemporaryDirectory()
        let opened = open(directory.path + "/held-open", O_WRONLY | O_CREAT, 0o644)
        #expect(opened > 2)
        defer { close(opened) }
        // Held at a high number, not the one just opened: ls opens /proc/self/fd at the lowest free number,
        // which in the child is the parent's lowest free one when nothing leaked, so a low fd could show up
        // in the listing as ls's own. F_DUPFD does not set close-on-exec.
        let fd = fcntl(opened, F_DUPFD, 200)
        #expect(fd >= 200)
        defer { close(fd) }
        let listing = try Shell.run("/bin/ls", ["-1", "/proc/self/fd"])
        let inherited = listing.split(separator: "\n").compactMap { Int32($0) }
        // ls itself holds one descriptor: the /proc/self/fd directory it is reading.
        #expect(!inherited.contains(fd), "fd \(fd) leaked into the child: \(inherited)")
        #expect(inherited.filter { $0 > 2 }.count <= 1, "\(inherited)")
    }
}
