import ArticleCore
import ArticleStore
import Logging

/// Writes prepared files to the store, one transaction per batch.
///
/// Either the whole batch commits or none of it does; callers move files only after `write` returns.
public struct BatchWriter {
    /// Count new articles' lines towards their publisher's learned boilerplate.
    public var learnBoilerplate: Bool
    /// Asked before each file; once true the transaction rolls back with `BatchAbandoned`.
    ///
    /// A server-side cancel alone is not enough to end a batch: it only stops the statement running at that
    /// moment, and one that lands between two statements is ignored, so the batch would carry on to the end.
    public var shouldAbandon: @Sendable () -> Bool

    public init(learnBoilerplate: Bool = true, shouldAbandon: @escaping @Sendable () -> Bool = { false }) {
        self.learnBoilerplate = learnBoilerplate
        self.shouldAbandon = shouldAbandon
    }

    public func write(_ batch: [PreparedFile], to store: ArticleStore) throws -> [FileReport] {
        try store.transaction {
            try batch.map { file in
                if shouldAbandon() { throw BatchAbandoned(filesLeft: batch.count) }
                return try write(file, to: store)
            }
        }
    }

    private func write(_ file: PreparedFile, to store: ArticleStore) throws -> FileReport {
        var report = FileReport(identity: file.identity, status: .rejected, articleIDs: [])
        if let reason = file.rejectionReason {
            if file.items.isEmpty {
                try store.recordRejection(file: file.identity, line: 0, reason: reason)
            } else {
                for item in file.items {
                    if case let .failure(error) = item.result {
                        try store.recordRejection(file: file.identity, line: item.line, reason: error.description)
                    }
                }
            }
            report.reason = reason
            return report
        }
        var firstFailure: String?
        for item in file.items {
            switch item.result {
            case .success(let article):
                let outcome = try store.record(article, signature: item.signature, file: file.identity, line: item.line)
                if let id = outcome.articleID { report.articleIDs.append(id) }
                switch outcome {
                case .ingested(let id):
                    report.ingested += 1
                    if learnBoilerplate { try store.learnLines(of: article, articleID: id) }
                case .duplicate: report.duplicates += 1
                case .unchanged: report.unchanged += 1
                }
            case .failure(let error):
                try store.recordRejection(file: file.identity, line: item.line, reason: error.description)
                report.rejectedLines += 1
                firstFailure = firstFailure ?? error.description
            }
        }
        report.status = report.ingested > 0 ? .ingested : report.duplicates > 0 ? .duplicate : .unchanged
        if report.rejectedLines > 0 {
            report.reason = "\(report.rejectedLines) line(s) rejected; first: \(firstFailure ?? "")"
        }
        return report
    }
}
