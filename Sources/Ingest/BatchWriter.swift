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
        // `reports[i]` is built here from `batch[i]` and indexed only in this function, by the file's index.
        var reports = batch.map { FileReport(claim: $0.claim, status: .rejected) }
        // Each statement is planned together with what it is for, so the two cannot drift apart.
        var plan: [(statement: PQConnection.Statement, step: Step)] = []
        var rejectedFiles = Set<Int>()
        for (index, file) in batch.enumerated() {
            if let reason = file.rejectionReason {
                rejectedFiles.insert(index)
                reports[index].reason = reason
                if file.items.isEmpty {
                    plan.append((ArticleStore.rejectionStatement(file: file.identity, reason: reason), .rejectedFile))
                }
                for item in file.items {
                    if case let .failure(error) = item.result {
                        plan.append((ArticleStore.rejectionStatement(file: file.identity, line: item.line, reason: error.description),
                                     .rejectedFile))
                    }
                }
                continue
            }
            for item in file.items {
                switch item.result {
                case .success(let article):
                    plan.append((ArticleStore.recordStatement(article, signature: item.signature, file: file.identity,
                                                              line: item.line, learnLines: learnBoilerplate),
                                 .article(file: index)))
                case .failure(let error):
                    plan.append((ArticleStore.rejectionStatement(file: file.identity, line: item.line, reason: error.description),
                                 .rejectedLine(file: index, reason: error.description)))
                }
            }
        }

        let results = try store.transaction {
            try store.connection.executePipeline(plan.map(\.statement), window: window) {
                if shouldAbandon() { throw BatchAbandoned(files: batch.count) }
            }
        }
        // A pipeline that returns gives one result per statement, in the order sent (it throws otherwise).
        precondition(results.count == plan.count, "one pipeline result per statement")

        var firstFailure: [Int: String] = [:]
        for ((_, step), result) in zip(plan, results) {
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
