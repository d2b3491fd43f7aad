import Dispatch
import Foundation
import Glibc
import Logging
import Testing
@testable import InboxWatcher

@Suite struct InboxWatcherTests {
    /// Starts a watcher and waits for its startup rescan, so the watches certainly exist.
    func started(_ inbox: TestInbox, mode: WatchMode = .inotify, rescan: Duration = .seconds(3600),
                 newDirectoryLimit: Int = 1_000) async throws -> (InboxWatcher, EventRecorder) {
        let watcher = InboxWatcher(layout: inbox.layout, mode: mode, rescanInterval: rescan,
                                   logger: Logger(label: "test"), newDirectoryArrivalLimit: newDirectoryLimit)
        let recorder = EventRecorder()
        try watcher.start(recorder.handler)
        #expect(await recorder.wait { $0.rescans(.startup) == 1 })
        return (watcher, recorder)
    }

    @Test func startupReportsARescanFirst() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        #expect(recorder.events.first == .rescan(reason: .startup))
    }

    @Test func fileWrittenAndClosedArrives() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        try inbox.write(inbox.path("a.txt"))
        #expect(await recorder.waitForArrivals(["a.txt"]))
    }

    @Test func copyInChunksArrivesOnlyAfterClose() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        let fd = open(inbox.path("big.html"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let chunk = [UInt8](repeating: 65, count: 64 * 1024)
        for _ in 0..<16 { _ = chunk.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } }
        try inbox.write(inbox.path("marker.txt"))
        #expect(await recorder.waitForArrivals(["marker.txt"]))
        #expect(!recorder.arrivals.contains("big.html"), "still open for writing")
        close(fd)
        #expect(await recorder.waitForArrivals(["big.html"]))
    }

    @Test func renameFromATempNameReportsOnlyTheFinalName() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        for name in ["x", "y", ".z"] {
            try inbox.write(inbox.path(name == ".z" ? ".z" : "\(name).tmp"))
        }
        try inbox.rename(inbox.path("x.tmp"), inbox.path("x.txt"))
        try inbox.rename(inbox.path("y.tmp"), inbox.path("y.json"))
        try inbox.rename(inbox.path(".z"), inbox.path("z.md"))
        #expect(await recorder.waitForArrivals(["x.txt", "y.json", "z.md"]))
        #expect(Set(recorder.arrivals) == ["x.txt", "y.json", "z.md"])
    }

    @Test func filesWrittenQuicklyIntoANewNestedFolderAllArrive() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        try inbox.mkdir(inbox.path("reuters/2024"))
        var expected = Set<String>()
        for i in 0..<50 {
            try inbox.write(inbox.path("reuters/2024/\(i).txt"))
            expected.insert("reuters/2024/\(i).txt")
        }
        try inbox.write(inbox.path("reuters/top.txt"))
        expected.insert("reuters/top.txt")
        #expect(await recorder.waitForArrivals(expected))
        #expect(watcher.watchedFolderCount == 3)
    }

    @Test func folderMovedInWithFilesAlreadyInsideReportsThem() async throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.root + "/staging/ap/sub")
        try inbox.write(inbox.root + "/staging/ap/one.txt")
        try inbox.write(inbox.root + "/staging/ap/sub/two.txt")
        try inbox.write(inbox.root + "/staging/ap/skip.tmp")
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        try inbox.rename(inbox.root + "/staging/ap", inbox.path("ap"))
        #expect(await recorder.waitForArrivals(["ap/one.txt", "ap/sub/two.txt"]))
        // The moved-in folder is watched too.
        try inbox.write(inbox.path("ap/sub/three.txt"))
        #expect(await recorder.waitForArrivals(["ap/sub/three.txt"]))
        #expect(!recorder.arrivals.contains("ap/skip.tmp"))
    }

    @Test func aHugeFolderMovedInBecomesOneRescanInsteadOfAFlood() async throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.root + "/bulk")
        for i in 0..<5 { try inbox.write(inbox.root + "/bulk/\(i).txt") }
        let (watcher, recorder) = try await started(inbox, newDirectoryLimit: 3)
        defer { watcher.stop() }
        try inbox.rename(inbox.root + "/bulk", inbox.path("bulk"))
        #expect(await recorder.wait { $0.rescans(.newDirectory) == 1 })
        #expect(recorder.arrivals.isEmpty)
    }

    @Test func folderMovedOutStopsBeingWatched() async throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.path("gone"))
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        #expect(watcher.watchedFolderCount == 2)
        try inbox.rename(inbox.path("gone"), inbox.root + "/elsewhere")
        try inbox.write(inbox.root + "/elsewhere/late.txt")
        try inbox.write(inbox.path("marker.txt"))
        #expect(await recorder.waitForArrivals(["marker.txt"]))
        #expect(!recorder.arrivals.contains { $0.hasSuffix("late.txt") })
        #expect(await eventually { watcher.watchedFolderCount == 1 })
    }

    @Test func deletedFolderDropsItsWatch() async throws {
        let inbox = try TestInbox()
        try inbox.mkdir(inbox.path("tmpdir"))
        let (watcher, _) = try await started(inbox)
        defer { watcher.stop() }
        #expect(watcher.watchedFolderCount == 2)
        rmdir(inbox.path("tmpdir"))
        #expect(await eventually { watcher.watchedFolderCount == 1 })
    }

    @Test func processedAndRejectedInsideTheInboxAreNotWatched() async throws {
        let inbox = try TestInbox(processedInside: true)
        try inbox.mkdir(inbox.layout.processed + "/reuters")
        try inbox.mkdir(inbox.layout.rejected)
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        #expect(watcher.watchedFolderCount == 1)
        try inbox.write(inbox.layout.processed + "/reuters/done.txt")
        try inbox.write(inbox.layout.rejected + "/bad.txt")
        try inbox.write(inbox.path("marker.txt"))
        #expect(await recorder.waitForArrivals(["marker.txt"]))
        #expect(recorder.arrivals == ["marker.txt"])
    }

    @Test func symlinkCreatedInPlaceArrivesSoItCanBeRejected() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        symlink("/etc/passwd", inbox.path("link.txt"))
        #expect(await recorder.waitForArrivals(["link.txt"]))
    }

    @Test func requestedAndPeriodicRescansAreReported() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox, rescan: .milliseconds(30))
        defer { watcher.stop() }
        #expect(await recorder.wait { $0.rescans(.periodic) >= 2 })
        watcher.setRescanInterval(.seconds(3600))
        watcher.requestRescan()
        #expect(await recorder.wait { $0.rescans(.requested) == 1 })
    }

    @Test func pollingModeReportsPeriodicRescansWithoutInotify() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox, mode: .polling(interval: .milliseconds(20)))
        defer { watcher.stop() }
        #expect(watcher.watchedFolderCount == 0)
        try inbox.write(inbox.path("a.txt"))
        #expect(await recorder.wait { $0.rescans(.periodic) >= 3 })
        #expect(recorder.arrivals.isEmpty)
    }

    @Test func startingOnAMissingInboxThrowsAnActionableError() throws {
        let inbox = try TestInbox()
        let layout = InboxLayout(inbox: inbox.root + "/nope")
        for mode in [WatchMode.inotify, .polling(interval: .seconds(1))] {
            let watcher = InboxWatcher(layout: layout, mode: mode)
            let error = #expect(throws: InboxError.self) { try watcher.start { _ in } }
            #expect(error?.code == .notFound)
            #expect(error?.message.contains(inbox.root + "/nope") == true)
        }
    }

    @Test func eventsStreamDeliversAndFinishesOnStop() async throws {
        let inbox = try TestInbox()
        let watcher = InboxWatcher(layout: inbox.layout)
        let stream = try watcher.events()
        let task = Task {
            var seen: [InboxEvent] = []
            for await event in stream {
                seen.append(event)
                if event == .arrived(relativePath: "s.txt") { watcher.stop() }
            }
            return seen
        }
        try inbox.write(inbox.path("s.txt"))
        let seen = await task.value   // returns only because stop() finished the stream
        #expect(seen.first == .rescan(reason: .startup))
        #expect(seen.contains(.arrived(relativePath: "s.txt")))
    }

    @Test func aFullStreamBufferTurnsIntoAnOverflowRescan() async throws {
        let inbox = try TestInbox()
        let watcher = InboxWatcher(layout: inbox.layout)
        let stream = try watcher.events(bufferLimit: 2)   // startup + one arrival fit, the rest drop
        defer { watcher.stop() }
        for i in 0..<5 { try inbox.write(inbox.path("\(i).txt")) }
        // Nothing consumes yet, so all but the first arrival drop.
        watcher.processPendingEvents()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .rescan(reason: .startup))
        _ = await iterator.next()
        watcher.requestRescan()   // the next event pushes the pending overflow notice first
        #expect(await iterator.next() == .rescan(reason: .overflow))
    }

    @Test func kernelQueueOverflowAsksForARescanAndRewatchesNewFolders() async throws {
        let limit = Int((try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16_384
        try #require(limit <= 65_536, "queue too large to overflow quickly here")
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        defer { watcher.stop() }
        // Stall the watcher's queue so the kernel queue fills: each write+close queues two events.
        let stalled = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        watcher.queue.async { stalled.signal(); release.wait() }
        stalled.wait()
        for i in 0..<(limit / 2 + 64) { try inbox.write(inbox.path("f\(i).txt"), "") }
        try inbox.mkdir(inbox.path("late"))   // its IN_CREATE is lost in the overflow
        release.signal()
        #expect(await recorder.wait { $0.rescans(.overflow) >= 1 })
        #expect(await eventually { watcher.watchedFolderCount == 2 })
        try inbox.write(inbox.path("late/after.txt"))
        #expect(await recorder.waitForArrivals(["late/after.txt"]))
    }

    @Test func stopIsIdempotentAndSilencesTheHandler() async throws {
        let inbox = try TestInbox()
        let (watcher, recorder) = try await started(inbox)
        watcher.stop()
        watcher.stop()
        let count = recorder.events.count
        watcher.requestRescan()
        // requestRescan runs on the watcher queue; a sync hop proves it ran before we look.
        _ = watcher.watchedFolderCount
        #expect(recorder.events.count == count)
    }
}
