import ArticleCore
import ArticleStore
import Logging
import PQClient

/// Writes prepared files to the store, one transaction per batch.
///
/// Either the whole batch commits or none of it does; callers move files only after `write` returns.
/// The batch's statements (one per article or rejection) go through one libpq pipeline: PostgreSQL goes
/// from one to the next without waiting for a round trip each.
public struct BatchWriter {
    /// Count new articles' lines towards their publisher's learned boilerplate.
    public var learnBoilerplate: Bool
    /// Asked before each pipeline window is sent; once true the transaction rolls back with `BatchAbandoned`.
    ///
    /// A server-side cancel alone is not enough to end a batch: it only stops the statement running at that
    /// moment, and one that lands between two statements is ignored, so the batch would carry on to the end.
    public var shouldAbandon: @Sendable () -> Bool
    /// Statements per pipeline window: how often `shouldAbandon` is asked.
    public var window: Int

    public init(learnBoilerplate: Bool = true, window: Int = 64, shouldAbandon: @escaping @Sendable () -> Bool = { false }) {
        self.learnBoilerplate = learnBoilerplate
        self.window = window
        self.shouldAbandon = shouldAbandon
    }

    /// What each statement of the pipeline is for.
    private enum Step {
        case article(file: Int)
        case rejectedLine(file: Int, reason: String)
        case rejectedFile
    }

    public func write(_ batch: [PreparedFile], to store: ArticleStore) throws -> [FileReport] {
        var reports = batch.map { FileReport(claim: $0.claim, status: .rejected) }
        var statements: [PQConnection.Statement] = []
        var steps: [Step] = []
        var rejectedFiles = Set<Int>()
        for (index, file) in batch.enumerated() {
            if let reason = file.rejectionReason {
                rejectedFiles.insert(index)
                reports[index].reason = reason
                if file.items.isEmpty {
                    statements.append(ArticleStore.rejectionStatement(file: file.identity, reason: reason))
                    steps.append(.rejectedFile)
                }
                for item in file.items {
                    if case let .failure(error) = item.result {
                        statements.append(ArticleStore.rejectionStatement(file: file.identity, line: item.line, reason: error.description))
                        steps.append(.rejectedFile)
                    }
                }
                continue
            }
            for item in file.items {
                switch item.result {
                case .success(let article):
                    statements.append(ArticleStore.recordStatement(article, signature: item.signature, file: file.identity,
                                                                   line: item.line, learnLines: learnBoilerplate))
                    steps.append(.article(file: index))
                case .failure(let error):
                    statements.append(ArticleStore.rejectionStatement(file: file.identity, line: item.line, reason: error.description))
                    steps.append(.rejectedLine(file: index, reason: error.description))
                }
            }
        }

        let results = try store.transaction {
            try store.connection.executePipeline(statements, window: window) {
                if shouldAbandon() { throw BatchAbandoned(files: batch.count) }
            }
        }

        var firstFailure: [Int: String] = [:]
        for (step, result) in zip(steps, results) {
            switch step {
            case .article(let index):
                let outcome = try store.recordOutcome(result)
                if let id = outcome.articleID { reports[index].articleIDs.append(id) }
                reports[index].count(outcome.status)
            case .rejectedLine(let index, let reason):
                reports[index].count(.rejected)
                if firstFailure[index] == nil { firstFailure[index] = reason }
            case .rejectedFile:
                break
            }
        }
        for index in reports.indices where !rejectedFiles.contains(index) {
            let report = reports[index]
            reports[index].status = report.ingested > 0 ? .ingested : report.duplicates > 0 ? .duplicate : .unchanged
            if report.rejectedLines > 0 {
                reports[index].reason = "\(report.rejectedLines) line(s) rejected; first: \(firstFailure[index] ?? "")"
            }
        }
        return reports
    }
}
