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

    /// 3,000 files in the inbox and two subfolders, mtimes distinct and scrambled against the names, so a
    /// walk meets them in an order unrelated to age. Returns them in strict (mtime, path) order.
    private func scrambledBacklog(_ inbox: TestInbox, count: Int = 3_000) throws -> [String] {
        try inbox.mkdir(inbox.path("ap"))
        try inbox.mkdir(inbox.path("ap/wire"))
        var files: [(Int, String)] = []
        for i in 0..<count {
            let folder = ["", "ap/", "ap/wire/"][i % 3]
            let name = folder + "f\(i).txt"
            let mtime = 100_000 + i * 7_919 % count
            try inbox.write(inbox.path(name), mtime: mtime)
            files.append((mtime, name))
        }
        return files.sorted { $0 < $1 }.map(\.1)
    }

    /// Every window until the scanner is done; the files are left in place, as the `keep` disposition does.
    private func allWindows(_ scanner: inout BacklogScanner) throws -> [[InboxFile]] {
        var windows: [[InboxFile]] = []
        while true {
            let batch = try scanner.nextBatch()
            if batch.isEmpty { return windows }
            windows.append(batch)
            if windows.count > 1_000 { Issue.record("the scanner never ends"); return windows }
        }
    }

    @Test func aFirstWindowCutAtItsBudgetComesFromAPartialWalkAndNoFileIsSkippedOrRepeated() throws {
        let inbox = try TestInbox()
        let order = try scrambledBacklog(inbox)
        var scanner = BacklogScanner(layout: inbox.layout, window: 700, firstWindowBudget: .zero, partialWindowLimit: 50)
        let windows = try allWindows(&scanner)
        let first = try #require(windows.first).map(\.relativePath)

        #expect(scanner.firstWindowWasPartial)
        #expect(!first.isEmpty && first.count <= 50)
        // The oldest of the files seen before the cut, in order among themselves, but not the oldest overall.
        #expect(first == order.filter(Set(first).contains))
        #expect(first != Array(order.prefix(first.count)))

        let all = windows.flatMap { $0.map(\.relativePath) }
        #expect(all.count == order.count)
        #expect(Set(all) == Set(order))
        // From the second window on: strict order over everything the first window did not take.
        let rest = windows.dropFirst().flatMap { $0 }
        #expect(rest.map(\.relativePath) == order.filter { !Set(first).contains($0) })
        #expect(zip(rest, rest.dropFirst()).allSatisfy { a, b in
            (a.modifiedNanoseconds, a.relativePath) < (b.modifiedNanoseconds, b.relativePath)
        })
        #expect(windows.dropFirst().allSatisfy { $0.count <= 700 })
    }

    @Test func aWalkThatEndsWithinTheBudgetGivesStrictOrderFromTheFirstFile() throws {
        let inbox = try TestInbox()
        let order = try scrambledBacklog(inbox)
        var scanner = BacklogScanner(layout: inbox.layout, window: 700, firstWindowBudget: .seconds(120), partialWindowLimit: 50)
        let windows = try allWindows(&scanner)
        #expect(!scanner.firstWindowWasPartial)
        #expect(windows.map(\.count) == [700, 700, 700, 700, 200])
        #expect(windows.flatMap { $0.map(\.relativePath) } == order)
        // No budget at all (the daemon's rescans): strict from the first file, as before budgets existed.
        var unbounded = BacklogScanner(layout: inbox.layout, window: 700, firstWindowBudget: nil)
        #expect(try allWindows(&unbounded).flatMap { $0.map(\.relativePath) } == order)
    }

    @Test func nameBytesAreJudgedAsTheirStringIs() {
        let names = ["a.txt", "A.TMP", "b.Part", "c.PARTIAL", "d.CrDownload", "e~", ".hidden", ".", "..", "x.ERROR",
                     "f.tmp.txt", "g.txt.tmp", "ünï.TMP", "ünï.md", "\u{212A}.tmp", "tmp", "part", "\u{130}.error",
                     "report.partial.json", "~", "n.tmP"]
        for name in names {
            let fromBytes = name.withCString { InboxNames.isIgnored(cName: $0) }
            #expect(fromBytes == InboxNames.isIgnored(name), "\(name)")
        }
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
