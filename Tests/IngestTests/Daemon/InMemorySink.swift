import ArticleStore
@testable import Ingest
import PQClient

/// An `ArticleSink` in memory: records what it was given and fails on demand, for the pipeline's own logic.
final class InMemorySink: ArticleSink {
    /// Each call to `write`, as the paths of its batch.
    private(set) var batches: [[String]] = []
    /// Paths of the files committed, with their status.
    private(set) var committed: [String: FileStatus] = [:]
    var isConnected = true
    /// Decides, per call, whether the write fails; nil lets it through.
    var failure: ([PreparedFile]) -> (any Error)? = { _ in nil }

    func write(_ batch: [PreparedFile], shouldAbandon: @escaping @Sendable () -> Bool) throws -> [FileReport] {
        batches.append(batch.map(\.claim.path))
        if let error = failure(batch) { throw error }
        // Reports come back in reverse, so a caller that matched them to files by position would be caught.
        return batch.reversed().map { file in
            let status: FileStatus = file.fileError == nil ? .ingested : .rejected
            committed[file.claim.path] = status
            var report = FileReport(claim: file.claim, status: status, reason: file.fileError)
            if status == .ingested { report.ingested = 1 }
            return report
        }
    }
}

extension PQError {
    static let deadlock = PQError(code: .queryFailed, message: "deadlock detected", sqlState: .deadlockDetected)
    static let lost = PQError(code: .connectionLost, message: "server closed the connection unexpectedly")
    static let refused = PQError(code: .queryFailed, message: "value too long", sqlState: SQLState(rawValue: "22001"))
}
