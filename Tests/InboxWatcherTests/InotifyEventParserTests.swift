import Glibc
import Testing
@testable import InboxWatcher

/// Builds records the way the kernel does: 16-byte header, name NUL-padded to a multiple of 16.
func inotifyRecord(wd: Int32, mask: Int32, cookie: UInt32 = 0, name: String = "", padTo: Int = 16) -> [UInt8] {
    var nameBytes = Array(name.utf8)
    if !name.isEmpty {
        nameBytes.append(0)
        while nameBytes.count % padTo != 0 { nameBytes.append(0) }
    }
    var bytes: [UInt8] = []
    withUnsafeBytes(of: wd.littleEndian) { bytes += $0 }
    withUnsafeBytes(of: UInt32(bitPattern: mask).littleEndian) { bytes += $0 }
    withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
    withUnsafeBytes(of: UInt32(nameBytes.count).littleEndian) { bytes += $0 }
    return bytes + nameBytes
}

@Suite struct InotifyEventParserTests {
    @Test func headerSizeMatchesTheKernelStruct() {
        #expect(InotifyEventParser.headerSize == MemoryLayout<inotify_event>.size)
    }

    @Test func parsesSeveralRecordsWithNulPaddedNames() {
        let buffer = inotifyRecord(wd: 1, mask: IN_CREATE, name: "a.txt")
            + inotifyRecord(wd: 1, mask: IN_CLOSE_WRITE, name: "a.txt")
            + inotifyRecord(wd: 2, mask: IN_MOVED_TO, cookie: 77, name: "a-much-longer-file-name-than-sixteen.json")
        let events = InotifyEventParser.parse(buffer)
        #expect(events == [
            RawInotifyEvent(wd: 1, mask: UInt32(IN_CREATE), name: "a.txt"),
            RawInotifyEvent(wd: 1, mask: UInt32(IN_CLOSE_WRITE), name: "a.txt"),
            RawInotifyEvent(wd: 2, mask: UInt32(IN_MOVED_TO), cookie: 77, name: "a-much-longer-file-name-than-sixteen.json"),
        ])
    }

    @Test func recordWithoutNameDescribesTheWatchedFolderItself() {
        let events = InotifyEventParser.parse(inotifyRecord(wd: 3, mask: IN_IGNORED))
        #expect(events == [RawInotifyEvent(wd: 3, mask: UInt32(IN_IGNORED), name: "")])
    }

    @Test func overflowRecordHasNegativeWatchDescriptor() {
        let events = InotifyEventParser.parse(inotifyRecord(wd: -1, mask: IN_Q_OVERFLOW))
        #expect(events.count == 1)
        #expect(events[0].wd == -1)
        #expect(events[0].has(IN_Q_OVERFLOW))
    }

    @Test func truncatedTrailingNameIsDropped() {
        let whole = inotifyRecord(wd: 1, mask: IN_CLOSE_WRITE, name: "first.txt")
        let cut = Array(inotifyRecord(wd: 1, mask: IN_CLOSE_WRITE, name: "second.txt").dropLast(4))
        #expect(InotifyEventParser.parse(whole + cut).map(\.name) == ["first.txt"])
    }

    @Test func truncatedTrailingHeaderIsDropped() {
        let whole = inotifyRecord(wd: 1, mask: IN_CLOSE_WRITE, name: "first.txt")
        #expect(InotifyEventParser.parse(whole + [1, 0, 0, 0, 8]).map(\.name) == ["first.txt"])
        #expect(InotifyEventParser.parse([UInt8]()).isEmpty)
    }

    @Test func parsesRecordsAtUnalignedOffsets() {
        // Names padded to odd lengths put later headers off 4-byte alignment: loadUnaligned must cope.
        let buffer = inotifyRecord(wd: 5, mask: IN_MOVED_TO, name: "x", padTo: 3)
            + inotifyRecord(wd: 6, mask: IN_CLOSE_WRITE, name: "yy", padTo: 5)
        let events = InotifyEventParser.parse(buffer)
        #expect(events.map(\.wd) == [5, 6])
        #expect(events.map(\.name) == ["x", "yy"])
    }

    @Test func decodesUTF8Names() {
        let events = InotifyEventParser.parse(inotifyRecord(wd: 1, mask: IN_MOVED_TO, name: "Ünïcødé – статья.txt"))
        #expect(events.first?.name == "Ünïcødé – статья.txt")
    }

    @Test func directoryFlagIsExposed() {
        let event = InotifyEventParser.parse(inotifyRecord(wd: 1, mask: IN_CREATE | Int32(bitPattern: UInt32(IN_ISDIR)), name: "d"))[0]
        #expect(event.isDirectory)
    }
}
