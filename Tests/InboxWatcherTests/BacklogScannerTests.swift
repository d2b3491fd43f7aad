import Foundation
import Glibc
import Testing
@testable import InboxWatcher

@Suite struct BacklogScannerTests {
    @Test func filesComeOldestFirstAcrossSubfolders() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.path("reuters/deep"))
        try inbox.write(inbox.path("new.txt"), mtime: 3_000)
        try inbox.write(inbox.path("reuters/old.txt"), mtime: 1_000)
        try inbox.write(inbox.path("reuters/deep/middle.json"), mtime: 2_000)
        var scanner = BacklogScanner(layout: inbox.layout)
        let batch = try scanner.nextBatch()
        #expect(batch.map(\.relativePath) == ["reuters/old.txt", "reuters/deep/middle.json", "new.txt"])
        #expect(batch[0].absolutePath == inbox.path("reuters/old.txt"))
        #expect(batch[0].size == 6)
        #expect(batch[0].modifiedNanoseconds == 1_000_000_000_000)
        #expect(try scanner.nextBatch().isEmpty)
    }

    @Test func nanosecondDifferencesOrderFilesAndTiesGoByPath() throws {
        let inbox = try TestInbox()
        for name in ["b.txt", "a.txt", "c.txt"] { try inbox.write(inbox.path(name)) }
        inbox.setMtime(inbox.path("c.txt"), seconds: 500, nanoseconds: 1)
        inbox.setMtime(inbox.path("b.txt"), seconds: 500, nanoseconds: 2)
        inbox.setMtime(inbox.path("a.txt"), seconds: 500, nanoseconds: 2)
        let files = Array(BacklogScanner(layout: inbox.layout))
        #expect(files.map(\.relativePath) == ["c.txt", "a.txt", "b.txt"])
    }

    @Test func aWindowSmallerThanTheBacklogStillReturnsEveryFileOnceInOrder() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.path("x"))
        var expected: [String] = []
        for i in 0..<57 {
            // Scrambled mtimes, with runs of equal mtimes straddling window borders.
            let name = (i % 3 == 0 ? "x/" : "") + "f\(String(format: "%02d", i)).txt"
            let mtime = 10_000 + (i * 37 % 19)
            try inbox.write(inbox.path(name), mtime: mtime)
            expected.append(name)
        }
        let order = expected.sorted {
            let a = (10_000 + (Int($0.suffix(6).prefix(2))! * 37 % 19), $0)
            let b = (10_000 + (Int($1.suffix(6).prefix(2))! * 37 % 19), $1)
            return a < b
        }
        var scanner = BacklogScanner(layout: inbox.layout, window: 5)
        var seen: [String] = []
        var batches = 0
        while true {
            let batch = try scanner.nextBatch()
            if batch.isEmpty { break }
            #expect(batch.count <= 5)
            seen += batch.map(\.relativePath)
            batches += 1
        }
        #expect(seen == order)
        #expect(batches == 12)
        #expect(Array(BacklogScanner(layout: inbox.layout, window: 4)).map(\.relativePath) == order)
    }

    @Test func processedRejectedTempNamesAndErrorNotesAreSkipped() throws {
        let inbox = try TestInbox(processedInside: true)
        try inbox.mkdir(inbox.layout.processed + "/reuters")
        try inbox.mkdir(inbox.layout.rejected)
        try inbox.mkdir(inbox.path(".staging"))
        try inbox.write(inbox.layout.processed + "/reuters/done.txt")
        try inbox.write(inbox.layout.rejected + "/bad.txt")
        try inbox.write(inbox.layout.rejected + "/bad.txt.error")
        try inbox.write(inbox.path(".staging/later.txt"))
        for name in ["x.tmp", ".hidden", "y.part", "z.partial", "w.crdownload", "v~", "stray.txt.error", "keep.md"] {
            try inbox.write(inbox.path(name))
        }
        #expect(Array(BacklogScanner(layout: inbox.layout)).map(\.relativePath) == ["keep.md"])
    }

    @Test func symlinkedFoldersAreNotFollowedButLinksAreReportedForRejection() throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.root + "/outside")
        try inbox.write(inbox.root + "/outside/secret.txt")
        symlink(inbox.root + "/outside", inbox.path("dirlink"))
        symlink(inbox.root + "/outside/secret.txt", inbox.path("filelink.txt"))
        let paths = Set(BacklogScanner(layout: inbox.layout).map(\.relativePath))
        #expect(paths == ["dirlink", "filelink.txt"])
    }

    @Test func missingInboxThrows() throws {
        let inbox = try TestInbox()
        var scanner = BacklogScanner(layout: InboxLayout(inbox: inbox.root + "/missing"))
        let error = #expect(throws: InboxError.self) { try scanner.nextBatch() }
        #expect(error?.code == .notFound)
    }

    @Test func boundedHeapKeepsTheSmallest() {
        var heap = BoundedMaxHeap<Int>(capacity: 3)
        for value in [9, 4, 7, 1, 8, 2, 6] { heap.insert(value) }
        #expect(heap.drainSorted() == [1, 2, 4])
    }
}
