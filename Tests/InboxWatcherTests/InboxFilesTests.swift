import Foundation
import Glibc
import Testing
@testable import InboxWatcher

@Suite struct InboxFilesReadTests {
    @Test func readsARegularFileWhole() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.path("reuters"))
        let text = String(repeating: "Paragraph. ", count: 50_000)
        try inbox.write(inbox.path("reuters/a.txt"), text)
        let bytes = try InboxFiles(layout: inbox.layout).read("reuters/a.txt", maxBytes: 50 << 20)
        #expect(bytes == Array(text.utf8))
        try inbox.write(inbox.path("empty.txt"), "")
        #expect(try InboxFiles(layout: inbox.layout).read("empty.txt", maxBytes: 10).isEmpty)
    }

    @Test func symlinkIsRefusedAndItsTargetUntouched() throws {
        let inbox = try TestInbox()
        try inbox.write(inbox.root + "/target.txt", "secret")
        symlink(inbox.root + "/target.txt", inbox.path("link.txt"))
        let error = #expect(throws: InboxError.self) { try InboxFiles(layout: inbox.layout).read("link.txt", maxBytes: 100) }
        #expect(error?.code == .symlink)
        #expect(error?.message.hasPrefix("symlinks are not followed") == true)
    }

    @Test func symlinkedFolderOnTheWayIsRefused() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.root + "/outside")
        try inbox.write(inbox.root + "/outside/a.txt")
        symlink(inbox.root + "/outside", inbox.path("via"))
        let error = #expect(throws: InboxError.self) { try InboxFiles(layout: inbox.layout).read("via/a.txt", maxBytes: 100) }
        #expect(error?.code == .symlink)
    }

    @Test func oversizedFileIsRefusedWithoutReadingIt() throws {
        let inbox = try TestInbox()
        let fd = open(inbox.path("huge.txt"), O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        #expect(ftruncate(fd, 60 << 20) == 0)   // sparse: reading it would take 60 MB of memory
        close(fd)
        let error = #expect(throws: InboxError.self) { try InboxFiles(layout: inbox.layout).read("huge.txt", maxBytes: 50 << 20) }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("62914560") == true)
        #expect(error?.message.contains("52428800") == true)
    }

    @Test func directoryFifoAndVanishedFileAreReportedAsSuch() throws {
        let inbox = try TestInbox()
        let files = InboxFiles(layout: inbox.layout)
        try inbox.mkdir(inbox.path("folder.txt"))
        #expect((try? files.read("folder.txt", maxBytes: 10)) == nil)
        #expect(#expect(throws: InboxError.self) { try files.read("folder.txt", maxBytes: 10) }?.code == .notRegularFile)
        mkfifo(inbox.path("pipe.txt"), 0o644)   // must not block waiting for a writer
        #expect(#expect(throws: InboxError.self) { try files.read("pipe.txt", maxBytes: 10) }?.code == .notRegularFile)
        #expect(#expect(throws: InboxError.self) { try files.read("never.txt", maxBytes: 10) }?.code == .gone)
        #expect(#expect(throws: InboxError.self) { try files.read("nodir/never.txt", maxBytes: 10) }?.code == .gone)
    }

    @Test func pathsEscapingTheInboxAreRefused() throws {
        let inbox = try TestInbox()
        let error = #expect(throws: InboxError.self) { try InboxFiles(layout: inbox.layout).read("../etc/passwd", maxBytes: 10) }
        #expect(error?.code == .invalidPath)
    }
}

@Suite struct InboxFilesDispositionTests {
    @Test func moveToProcessedKeepsTheSubfolderAndCreatesIt() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.path("reuters"))
        try inbox.write(inbox.path("reuters/a.txt"), "A")
        let outcome = try InboxFiles(layout: inbox.layout).moveToProcessed("reuters/a.txt")
        #expect(outcome == .moved(to: "reuters/a.txt"))
        #expect(inbox.contents(inbox.layout.processed + "/reuters/a.txt") == "A")
        #expect(!inbox.exists(inbox.path("reuters/a.txt")))
    }

    @Test(arguments: [NoReplaceRename.Strategy.automatic, .placeholder])
    func moveNeverOverwritesAndNumbersClashes(strategy: NoReplaceRename.Strategy) throws {
        let inbox = try TestInbox()
        let files = InboxFiles(layout: inbox.layout, logger: .init(label: "t"), renameStrategy: strategy, forceCopy: false)
        var outcomes: [FileOutcome] = []
        for version in ["one", "two", "three"] {
            try inbox.write(inbox.path("a.txt"), version)
            outcomes.append(try files.moveToProcessed("a.txt"))
        }
        #expect(outcomes == [.moved(to: "a.txt"), .moved(to: "a.1.txt"), .moved(to: "a.2.txt")])
        #expect(inbox.contents(inbox.layout.processed + "/a.txt") == "one")
        #expect(inbox.contents(inbox.layout.processed + "/a.1.txt") == "two")
        #expect(inbox.contents(inbox.layout.processed + "/a.2.txt") == "three")
    }

    @Test func moveAcrossFileSystemsCopiesSyncsAndRemovesTheSource() throws {
        let inbox = try TestInbox()
        try inbox.write(inbox.path("a.txt"), "copied", mtime: 12_345)
        try inbox.mkdir(inbox.layout.processed)
        try inbox.write(inbox.layout.processed + "/a.txt", "older")
        let files = InboxFiles(layout: inbox.layout, logger: .init(label: "t"), renameStrategy: .automatic, forceCopy: true)
        #expect(try files.moveToProcessed("a.txt") == .moved(to: "a.1.txt"))
        #expect(inbox.contents(inbox.layout.processed + "/a.1.txt") == "copied")
        #expect(inbox.contents(inbox.layout.processed + "/a.txt") == "older")
        #expect(!inbox.exists(inbox.path("a.txt")))
        var st = stat()
        stat(inbox.layout.processed + "/a.1.txt", &st)
        #expect(st.st_mtim.tv_sec == 12_345)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: inbox.layout.processed)
        #expect(Set(leftovers) == ["a.txt", "a.1.txt"])
    }

    @Test func moveToARealOtherFileSystemWorks() throws {
        let inbox = try TestInbox()
        let shm = "/dev/shm/inboxwatcher-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: shm) }
        let layout = InboxLayout(inbox: inbox.inbox, processed: shm + "/processed", rejected: shm + "/rejected")
        try inbox.mkdir(inbox.path("ap"))
        try inbox.write(inbox.path("ap/a.txt"), "x")
        #expect(try InboxFiles(layout: layout).moveToProcessed("ap/a.txt") == .moved(to: "ap/a.txt"))
        #expect(inbox.contents(shm + "/processed/ap/a.txt") == "x")
        #expect(!inbox.exists(inbox.path("ap/a.txt")))
    }

    @Test func movingAVanishedFileReportsGone() throws {
        let inbox = try TestInbox()
        let files = InboxFiles(layout: inbox.layout)
        #expect(try files.moveToProcessed("nope.txt") == .gone)
        #expect(try files.moveToProcessed("nodir/nope.txt") == .gone)
        #expect(try files.delete("nope.txt") == .gone)
        #expect(try files.reject("nope.txt", reason: "x", at: Date()) == .gone)
    }

    @Test(arguments: [false, true])
    func twoThreadsMovingTheSameFileExactlyOneWins(forceCopy: Bool) async throws {
        let inbox = try TestInbox()
        let files = InboxFiles(layout: inbox.layout, logger: .init(label: "t"), renameStrategy: .automatic, forceCopy: forceCopy)
        for round in 0..<40 {
            let name = "r\(round).txt"
            try inbox.write(inbox.path(name), "content \(round)")
            let results = await withTaskGroup(of: Result<FileOutcome, InboxError>.self) { group in
                for _ in 0..<2 {
                    group.addTask { Result { () throws(InboxError) in try files.moveToProcessed(name) } }
                }
                return await group.reduce(into: [Result<FileOutcome, InboxError>]()) { $0.append($1) }
            }
            let outcomes = results.map { try? $0.get() }
            #expect(outcomes.filter { $0 == .moved(to: name) || $0 == .moved(to: "r\(round).1.txt") }.count == 1, "\(outcomes)")
            #expect(outcomes.filter { $0 == .gone }.count == 1, "\(results)")
        }
        let processed = try FileManager.default.contentsOfDirectory(atPath: inbox.layout.processed)
        #expect(processed.count == 40, "each file exists exactly once: \(processed.sorted())")
        #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.inbox).isEmpty)
    }

    @Test func deleteAndKeep() throws {
        let inbox = try TestInbox()
        let files = InboxFiles(layout: inbox.layout)
        try inbox.write(inbox.path("a.txt"))
        try inbox.write(inbox.path("b.txt"))
        #expect(try files.dispose("a.txt", as: .delete) == .deleted)
        #expect(try files.dispose("b.txt", as: .keep) == .kept)
        #expect(!inbox.exists(inbox.path("a.txt")))
        #expect(inbox.exists(inbox.path("b.txt")))
    }
}

@Suite struct InboxFilesRejectTests {
    let time = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func rejectWritesTheErrorLineAndMovesTheFile() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.path("reuters"))
        try inbox.write(inbox.path("reuters/a.txt"), "bad")
        let outcome = try InboxFiles(layout: inbox.layout).reject("reuters/a.txt", reason: "no title found\nsecond line", at: time)
        #expect(outcome == .moved(to: "reuters/a.txt"))
        #expect(inbox.contents(inbox.layout.rejected + "/reuters/a.txt") == "bad")
        #expect(inbox.contents(inbox.layout.rejected + "/reuters/a.txt.error") == "2023-11-14T22:13:20Z no title found second line\n")
        #expect(!inbox.exists(inbox.path("reuters/a.txt")))
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox.layout.rejected + "/reuters")
        #expect(Set(left) == ["a.txt", "a.txt.error"], "no temp files left behind")
    }

    @Test func rejectClashGetsANumberAndAMatchingNote() throws {
        let inbox = try TestInbox()
        let files = InboxFiles(layout: inbox.layout)
        try inbox.write(inbox.path("a.txt"), "first")
        #expect(try files.reject("a.txt", reason: "one", at: time) == .moved(to: "a.txt"))
        try inbox.write(inbox.path("a.txt"), "second")
        #expect(try files.reject("a.txt", reason: "two", at: time) == .moved(to: "a.1.txt"))
        #expect(inbox.contents(inbox.layout.rejected + "/a.1.txt") == "second")
        #expect(inbox.contents(inbox.layout.rejected + "/a.1.txt.error")?.hasSuffix(" two\n") == true)
        #expect(inbox.contents(inbox.layout.rejected + "/a.txt.error")?.hasSuffix(" one\n") == true)
    }

    @Test func anOrphanNoteFromACrashIsNeverOverwritten() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.layout.rejected)
        try inbox.write(inbox.layout.rejected + "/a.txt.error", "old note\n")
        try inbox.write(inbox.path("a.txt"), "retry")
        #expect(try InboxFiles(layout: inbox.layout).reject("a.txt", reason: "again", at: time) == .moved(to: "a.1.txt"))
        #expect(inbox.contents(inbox.layout.rejected + "/a.txt.error") == "old note\n")
    }

    @Test func rejectingASymlinkMovesTheLinkAndLeavesTheTargetAlone() throws {
        let inbox = try TestInbox()
        try inbox.write(inbox.root + "/target.txt", "precious")
        symlink(inbox.root + "/target.txt", inbox.path("link.txt"))
        let files = InboxFiles(layout: inbox.layout)
        let reason = try #require(#expect(throws: InboxError.self) { try files.read("link.txt", maxBytes: 100) })
        #expect(try files.reject("link.txt", reason: reason.message, at: time) == .moved(to: "link.txt"))
        var st = stat()
        #expect(lstat(inbox.layout.rejected + "/link.txt", &st) == 0)
        #expect(st.st_mode & S_IFMT == S_IFLNK)
        #expect(inbox.contents(inbox.root + "/target.txt") == "precious")
        #expect(inbox.contents(inbox.layout.rejected + "/link.txt.error")?.contains("symlinks are not followed") == true)
    }

    @Test func rejectingASymlinkAcrossFileSystemsRecreatesTheLink() throws {
        let inbox = try TestInbox()
        symlink("/etc/hostname", inbox.path("link.txt"))
        let files = InboxFiles(layout: inbox.layout, logger: .init(label: "t"), renameStrategy: .automatic, forceCopy: true)
        #expect(try files.reject("link.txt", reason: "symlink", at: time) == .moved(to: "link.txt"))
        var target = [UInt8](repeating: 0, count: 256)
        let length = readlink(inbox.layout.rejected + "/link.txt", &target, 255)
        #expect(String(decoding: target.prefix(max(0, length)), as: UTF8.self) == "/etc/hostname")
        #expect(!inbox.exists(inbox.path("link.txt")))
    }
}
