import ArticleCore
import ArticleStore
import Logging
import PQClient

/// Writes prepared files to the store, one transaction per batch.
///
/// Either the whole batch commits or none of it does; callers move files only after `write` returns.
/// The batch's articles and rejections are COPYed to the server and recorded by a few set-based statements
/// (`ArticleStore.recordBatch`); new bodies are assigned to their story afterwards, by the clusterer.
public struct BatchWriter {
    /// Count new articles' lines towards their publisher's learned boilerplate (once the clusterer finds
    /// that they start a story).
    public var learnBoilerplate: Bool
    /// Asked before each window of rows is sent and before the batch is recorded; once true the transaction
    /// rolls back with `BatchAbandoned`.
    ///
    /// A server-side cancel alone is not enough to end a batch: it only stops the statement running at that
    /// moment, and one that lands between two statements is ignored, so the batch would carry on to the end.
    public var shouldAbandon: @Sendable () -> Bool
    /// Rows per COPY: how often `shouldAbandon` is asked while the batch is sent.
    public var window: Int

    public init(learnBoilerplate: Bool = true, window: Int = 256, shouldAbandon: @escaping @Sendable () -> Bool = { false }) {
        self.learnBoilerplate = learnBoilerplate
        self.window = window
        self.shouldAbandon = shouldAbandon
    }

    /// What each staged item is for.
    private enum Step {
        case article(file: Int)
        case rejectedLine(file: Int, reason: String)
        case rejectedFile
    }

    public func write(_ batch: [PreparedFile], to store: ArticleStore) throws -> [FileReport] {
        // `reports[i]` is built here from `batch[i]` and indexed only in this function, by the file's index.
        var reports = batch.map { FileReport(claim: $0.claim, status: .rejected) }
        // Each item is planned together with what it is for, so the two cannot drift apart.
        var plan: [(item: BatchItem, step: Step)] = []
        var rejectedFiles = Set<Int>()
        for (index, file) in batch.enumerated() {
            if let reason = file.rejectionReason {
                rejectedFiles.insert(index)
                reports[index].reason = reason
                if file.items.isEmpty {
                    plan.append((.rejection(file: file.identity, line: 0, reason: reason), .rejectedFile))
                }
                for item in file.items {
                    if case let .failure(error) = item.result {
                        plan.append((.rejection(file: file.identity, line: item.line, reason: error.description), .rejectedFile))
                    }
                }
                continue
            }
            for item in file.items {
                switch item.result {
                case .success(let article):
                    plan.append((.article(article, signature: item.signature, file: file.identity, line: item.line,
                                          learnLines: learnBoilerplate),
                                 .article(file: index)))
                case .failure(let error):
                    plan.append((.rejection(file: file.identity, line: item.line, reason: error.description),
                                 .rejectedLine(file: index, reason: error.description)))
                }
            }
        }

        let outcomes = try store.transaction {
            try store.recordBatch(plan.map(\.item), window: window) {
                if shouldAbandon() { throw BatchAbandoned(files: batch.count) }
            }
        }

        var firstFailure: [Int: String] = [:]
        for ((_, step), outcome) in zip(plan, outcomes) {
            switch step {
            case .article(let index):
                let outcome = outcome ?? .unchanged(articleID: nil)
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
