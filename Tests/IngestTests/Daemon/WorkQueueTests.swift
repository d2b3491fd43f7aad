import Dispatch
import Ingest
import Testing

@Suite struct WorkQueueTests {
    @Test func pathsComeOutOldestFirstInBatchesOfTheLimitAndEachOnce() {
        let queue = WorkQueue()
        for name in ["a", "b", "c", "d", "e"] { #expect(queue.push(name)) }
        #expect(!queue.push("b"))
        #expect(queue.count == 5)
        let first = queue.next(limit: 2, idle: 0, linger: 0)
        #expect(first.paths == ["a", "b"])
        #expect(!first.rescan)
        #expect(queue.next(limit: 10, idle: 0, linger: 0).paths == ["c", "d", "e"])
        #expect(queue.count == 0)
        // Taken paths may be queued again (a file that came back after a deferral).
        #expect(queue.push("a"))
    }

    @Test func pathsBeyondTheCapacityAreDroppedAndARescanIsAskedForInstead() {
        let queue = WorkQueue(capacity: 3)
        let accepted = (0..<10).filter { queue.push("f\($0)") }
        #expect(accepted == [0, 1, 2])
        let taken = queue.next(limit: 100, idle: 0, linger: 0)
        #expect(taken.paths == ["f0", "f1", "f2"])
        #expect(taken.rescan)
        // The flag is cleared once reported.
        #expect(!queue.next(limit: 100, idle: 0, linger: 0).rescan)
    }

    @Test func aStoppedQueueReturnsWhatIsLeftAtOnceWithoutWaiting() {
        let queue = WorkQueue()
        queue.push("left.txt")
        queue.stop()
        #expect(queue.isStopped)
        let started = DispatchTime.now().uptimeNanoseconds
        #expect(queue.next(limit: 10, idle: 30, linger: 30).paths == ["left.txt"])
        #expect(queue.next(limit: 10, idle: 30, linger: 30).paths.isEmpty)
        queue.pause(30)
        #expect(DispatchTime.now().uptimeNanoseconds - started < 10_000_000_000)
    }

    @Test func aPushFromAnotherThreadWakesAWaitingConsumer() {
        let queue = WorkQueue()
        DispatchQueue.global().async { queue.push("late.txt") }
        // Waits up to 30 s for the first path; returns as soon as it is there.
        #expect(queue.next(limit: 1, idle: 30, linger: 0).paths == ["late.txt"])
    }
}
