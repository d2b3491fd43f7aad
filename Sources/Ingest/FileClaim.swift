import ArticleStore
import Dispatch

/// One file from the moment the pipeline reads it until it is moved: which file (the folder it was read from,
/// its path there, name, hash and the bytes read) and when it was taken. It travels with the file's articles
/// into the batch and comes back in the file's report, so a report is never matched to its file by position.
public struct FileClaim: Sendable, Hashable {
    public var identity: FileIdentity
    /// The folder `path` is relative to: the inbox for the daemon, a named folder (or a named file's folder)
    /// for `articled ingest`, whose files under different folders may share a relative path.
    public var folder: String
    /// `DispatchTime` uptime when the file was taken, for the per-file time in the log.
    public var claimedAt: UInt64

    public init(identity: FileIdentity, folder: String = "", claimedAt: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        self.identity = identity
        self.folder = folder
        self.claimedAt = claimedAt
    }

    /// Path relative to the inbox: what the file is moved, deleted or rejected by.
    public var path: String { identity.path }

    /// `path` inside `folder`: the file itself, wherever it was read from.
    public var fullPath: String { Self.fullPath(path, in: folder) }

    /// What `fullPath` is for a file at `path` inside `folder`, for callers that look a claim up by its file.
    public static func fullPath(_ path: String, in folder: String) -> String {
        if folder.isEmpty { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

    /// Milliseconds from the claim to now.
    public var elapsedMilliseconds: Double {
        Double(DispatchTime.now().uptimeNanoseconds &- claimedAt) / 1e6
    }
}
