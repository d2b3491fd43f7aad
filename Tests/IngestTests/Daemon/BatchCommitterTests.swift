import ArticleStore
@testable import Ingest
import Logging
import PQClient
import Testing

@Suite struct BatchCommitterTests {
    static func file(_ path: String) -> PreparedFile {
        let identity = FileIdentity(fileName: path, path: path, sha256: String(repeating: "0", count: 64), size: 10)
        return PreparedFile(claim: FileClaim(identity: identity, claimedAt: 0), items: [])
    }

    static func committer(stopping: Bool = false) -> BatchCommitter {
        BatchCommitter(isStopping: { stopping }, shouldAbandon: { false }, logger: Logger(label: "test"))
    }

    static func statuses(_ result: BatchCommitter.Result) -> [String: FileStatus]? {
        guard case let .written(reports) = result else { return nil }
        return Dictionary(uniqueKeysWithValues: reports.map { ($0.claim.path, $0.status) })
    }

    @Test func aCommittedBatchReportsEveryFileByItsClaimWhateverTheOrder() {
        let sink = InMemorySink()
        let result = Self.committer().commit(["a.txt", "b.txt", "c.txt"].map(Self.file), to: sink)
        #expect(Self.statuses(result) == ["a.txt": .ingested, "b.txt": .ingested, "c.txt": .ingested])
        #expect(sink.batches == [["a.txt", "b.txt", "c.txt"]])
    }

    @Test func aFileTheDatabaseRefusesIsRejectedAloneAndTheOthersAreWritten() {
        let sink = InMemorySink()
        sink.failure = { batch in
            batch.contains { $0.claim.path == "bad.txt" && $0.fileError == nil } ? PQError.refused : nil
        }
        let result = Self.committer().commit(["a.txt", "bad.txt", "c.txt"].map(Self.file), to: sink)
        #expect(Self.statuses(result) == ["a.txt": .ingested, "bad.txt": .rejected, "c.txt": .ingested])
        #expect(sink.committed["bad.txt"] == .rejected)
        // The whole batch once, then each file alone, then the refused one again as a rejection.
        #expect(sink.batches == [["a.txt", "bad.txt", "c.txt"], ["a.txt"], ["bad.txt"], ["bad.txt"], ["c.txt"]])
    }

    @Test func aFileThatHitsADeadlockOnItsOwnIsDeferredAndStaysInTheInbox() {
        let sink = InMemorySink()
        sink.failure = { batch in
            batch.count > 1 ? PQError.refused : batch[0].claim.path == "busy.txt" ? PQError.deadlock : nil
        }
        let result = Self.committer().commit(["a.txt", "busy.txt"].map(Self.file), to: sink)
        #expect(Self.statuses(result) == ["a.txt": .ingested, "busy.txt": .deferred])
        #expect(sink.committed["busy.txt"] == nil)
    }

    @Test func aLostConnectionHandsTheWholeBatchBack() {
        let sink = InMemorySink()
        sink.failure = { _ in
            sink.isConnected = false
            return PQError.lost
        }
        guard case .databaseLost = Self.committer().commit(["a.txt", "b.txt"].map(Self.file), to: sink) else {
            Issue.record("expected the batch to be handed back")
            return
        }
        #expect(sink.committed.isEmpty)
        #expect(sink.batches.count == 1)
    }

    @Test func aBatchThatFailsWhileStoppingIsAbandonedNotRetriedFileByFile() {
        let sink = InMemorySink()
        sink.failure = { _ in BatchAbandoned(files: 2) }
        guard case .abandoned = Self.committer(stopping: true).commit(["a.txt", "b.txt"].map(Self.file), to: sink) else {
            Issue.record("expected the batch to be abandoned")
            return
        }
        #expect(sink.batches.count == 1)
        #expect(sink.committed.isEmpty)
    }
}
