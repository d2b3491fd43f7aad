import Glibc
import Logging
import Testing
@testable import InboxWatcher

@Suite struct FolderLinkCountTests {
    @Test func onlyFileSystemsWithExactFolderLinkCountsAreTrusted() {
        let mountInfo = """
            27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
            25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24683664k
            40 27 8:17 / /srv/xfs rw,relatime shared:5 - xfs /dev/sdb1 rw
            41 27 0:45 / /srv/btrfs rw,relatime - btrfs /dev/sdc1 rw
            42 27 0:46 / /srv/nfs rw,relatime - nfs4 server:/export rw
            43 27 0:47 / /mnt/a\\040b rw - overlay overlay rw
            """
        let devices = FolderLinkCount.devices(in: mountInfo)
        #expect(devices == [65_024, FolderLinkCount.device(major: 0, minor: 23), FolderLinkCount.device(major: 8, minor: 17)])
        #expect(FolderLinkCount.device(major: 8, minor: 17) == 2_065)
    }

    @Test func aFolderCountsItsSubfoldersWhereTheFileSystemSaysSo() throws {
        let inbox = try TestInbox()
        for folder in ["a", "b", ".staging"] { try inbox.mkdir(inbox.path(folder)) }
        for file in ["x.txt", "y.txt"] { try inbox.write(inbox.path(file)) }
        let fd = open(inbox.inbox, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { close(fd) }
        var st = stat()
        stat(inbox.inbox, &st)
        let counter = FolderLinkCount()
        // Exact where trusted; nil (read the listing to its end) anywhere else.
        #expect(counter.subfolders(of: fd) == (counter.trustedDevices.contains(UInt64(st.st_dev)) ? 3 : nil))
        #expect(FolderLinkCount(mountInfo: "/nonexistent").subfolders(of: fd) == nil)
    }

    @Test func theStartupWatchWalkFindsEveryFolderAmongManyFiles() throws {
        let inbox = try TestInbox()
        for folder in ["a/b", "a/.staging/c", "z", "m/n/o"] { try inbox.mkdir(inbox.path(folder)) }
        for i in 0..<300 { try inbox.write(inbox.path(["", "a/", "m/n/"][i % 3] + "f\(i).txt")) }
        let watcher = InboxWatcher(layout: inbox.layout, logger: Logger(label: "test"))
        try watcher.start { _ in }
        defer { watcher.stop() }
        // The inbox, a, a/b, z, m, m/n, m/n/o; .staging and what is below it are not inputs.
        #expect(watcher.watchedFolderCount == 7)
    }
}
