import Glibc
import Testing
@testable import InboxWatcher

@Suite struct InotifyTranslatorTests {
    let isDir = UInt32(bitPattern: IN_ISDIR)
    var table: WatchTable {
        var table = WatchTable()
        table.insert(wd: 1, path: "")
        table.insert(wd: 2, path: "reuters")
        return table
    }

    func actions(_ event: RawInotifyEvent, excluded: Set<String> = []) -> [InotifyTranslator.Action] {
        InotifyTranslator.actions(for: event, table: table, excluded: excluded)
    }

    @Test func overflowAsksForARescan() {
        #expect(actions(RawInotifyEvent(wd: -1, mask: UInt32(IN_Q_OVERFLOW))) == [.rescan(.overflow)])
    }

    @Test func closeWriteAndMovedToAreArrivalsWithTheFolderPrefix() {
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: "a.txt")) == [.arrived("a.txt")])
        #expect(actions(RawInotifyEvent(wd: 2, mask: UInt32(IN_MOVED_TO), name: "b.md")) == [.arrived("reuters/b.md")])
    }

    @Test func temporaryNamesNeverArrive() {
        for name in ["x.tmp", ".hidden", "y.part", "z.crdownload", "w~", "a.txt.error"] {
            #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: name)).isEmpty)
        }
    }

    @Test func createOfAFileIsOnlyInspectedNeverAnArrival() {
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_CREATE), name: "a.txt")) == [.inspect("a.txt")])
    }

    @Test func newOrMovedInFolderIsWatched() {
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_CREATE) | isDir, name: "ap")) == [.watchDirectory("ap")])
        #expect(actions(RawInotifyEvent(wd: 2, mask: UInt32(IN_MOVED_TO) | isDir, name: "x")) == [.watchDirectory("reuters/x")])
    }

    @Test func hiddenOrExcludedFoldersAreNotWatched() {
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_CREATE) | isDir, name: ".staging")).isEmpty)
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_CREATE) | isDir, name: "processed"), excluded: ["processed"]).isEmpty)
    }

    @Test func folderMovedAwayIsForgotten() {
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_MOVED_FROM) | isDir, name: "reuters")) == [.forgetDirectory("reuters")])
    }

    @Test func ignoredDropsTheWatchAndLosingTheRootIsReported() {
        #expect(actions(RawInotifyEvent(wd: 2, mask: UInt32(IN_IGNORED))) == [.watchGone(2)])
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_IGNORED))) == [.watchGone(1), .inboxLost])
        #expect(actions(RawInotifyEvent(wd: 1, mask: UInt32(IN_MOVE_SELF))) == [.inboxLost])
        #expect(actions(RawInotifyEvent(wd: 2, mask: UInt32(IN_MOVE_SELF))).isEmpty)
    }

    @Test func eventsForUnknownWatchesAreDropped() {
        #expect(actions(RawInotifyEvent(wd: 99, mask: UInt32(IN_CLOSE_WRITE), name: "a.txt")).isEmpty)
    }
}

@Suite struct WatchTableTests {
    @Test func removingASubtreeReturnsEveryDescriptorBelowIt() {
        var table = WatchTable()
        table.insert(wd: 1, path: "")
        table.insert(wd: 2, path: "a")
        table.insert(wd: 3, path: "a/b")
        table.insert(wd: 4, path: "ab")
        #expect(Set(table.removeSubtree("a")) == [2, 3])
        #expect(table.path(for: 4) == "ab")
        #expect(table.count == 2)
    }

    @Test func reinsertingADescriptorUnderANewPathReplacesTheStaleOne() {
        var table = WatchTable()
        table.insert(wd: 2, path: "old")
        table.insert(wd: 2, path: "new")
        #expect(table.watch(for: "old") == nil)
        #expect(table.path(for: 2) == "new")
    }
}
