import ArticleStore
import Dispatch

/// One file from the moment the pipeline reads it until it is moved: which file (its path in the inbox,
/// name, hash and the bytes read) and when it was taken. It travels with the file's articles into the batch
/// and comes back in the file's report, so a report is never matched to its file by position.
public struct FileClaim: Sendable, Hashable {
    public var identity: FileIdentity
    /// `DispatchTime` uptime when the file was taken, for the per-file time in the log.
    public var claimedAt: UInt64

    public init(identity: FileIdentity, claimedAt: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        self.identity = identity
        self.claimedAt = claimedAt
    }

    /// Path relative to the inbox: what the file is moved, deleted or rejected by.
    public var path: String { identity.path }

    /// Milliseconds from the claim to now.
    public var elapsedMilliseconds: Double {
        Double(DispatchTime.now().uptimeNanoseconds &- claimedAt) / 1e6
    }
}
