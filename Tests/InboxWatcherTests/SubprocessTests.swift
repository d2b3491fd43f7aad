import Foundation
import Glibc
import Testing
import TestSupport

/// The watcher tests rely on this: a file a test holds open for writing must not stay open in a
/// PostgreSQL server or daemon that another test starts meanwhile, or its IN_CLOSE_WRITE never comes.
@Suite struct SubprocessTests {
    @Test func aChildStartsWithOnlyTheStandardDescriptors() throws {
        let directory = try TemporaryDirectory()
        let fd = open(directory.path + "/held-open", O_WRONLY | O_CREAT, 0o644)   // deliberately not O_CLOEXEC
        #expect(fd > 2)
        defer { close(fd) }
        let listing = try Shell.run("/bin/ls", ["-1", "/proc/self/fd"])
        let inherited = listing.split(separator: "\n").compactMap { Int32($0) }
        // ls itself holds one descriptor: the /proc/self/fd directory it is reading.
        #expect(!inherited.contains(fd), "fd \(fd) leaked into the child: \(inherited)")
        #expect(inherited.filter { $0 > 2 }.count <= 1, "\(inherited)")
    }
}
