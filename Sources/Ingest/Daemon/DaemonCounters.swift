import ArticleCore
import ArticleStore
import Foundation
import Synchronization

/// Live counters of a running daemon, for `STATUS=`, progress lines and `articled status`.
public final class DaemonCounters: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var ingested = 0
        public var duplicate = 0
        public var unchanged = 0
        public var rejected = 0
        public var batches = 0
        public var databaseUp = false
        public var queued = 0
        /// What keeps files waiting in the inbox (a full `processed/`, files it may not read), if anything.
        public var problem: String?
    }

    private let value = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { value.withLock { $0 } }

    public func update(_ change: (inout Snapshot) -> Void) {
        value.withLock { change(&$0) }
    }

    /// Files handled in any way.
    public var filesDone: Int {
        let s = snapshot
        return s.ingested + s.duplicate + s.unchanged + s.rejected
    }
}

extension DaemonCounters.Snapshot {
    /// Counts one file by its status; a deferred file is counted when it is finally written.
    public mutating func count(_ status: FileStatus) {
        switch status {
        case .ingested: ingested += 1
        case .duplicate: duplicate += 1
        case .unchanged: unchanged += 1
        case .rejected: rejected += 1
        case .deferred: break
        }
    }

    /// One line for `STATUS=` and logs.
    public var summary: String {
        "ingested \(ingested), duplicate \(duplicate), unchanged \(unchanged), rejected \(rejected), "
            + "queued \(queued), database \(databaseUp ? "up" : "down")" + (problem.map { "; problem: \($0)" } ?? "")
    }

    public var json: String {
        "{\"ingested\":\(ingested),\"duplicate\":\(duplicate),\"unchanged\":\(unchanged),\"rejected\":\(rejected),"
            + "\"batches\":\(batches),\"queued\":\(queued),\"database_up\":\(databaseUp)"
            + (problem.map { ",\"problem\":\(ArticleJSON.quoted($0))" } ?? "") + "}"
    }
}
