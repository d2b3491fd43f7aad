import ArticleCore
import ArticleStore

/// One input file after reading and normalizing, ready to be written in a batch.
public struct PreparedFile: Sendable {
    public var claim: FileClaim
    /// Per article: `line` is the NDJSON line (0 for whole-file formats). `signature` is the article's
    /// near-duplicate signature, computed here, on the cores that normalize, rather than by the one writer.
    public var items: [(line: Int, result: Result<Article, NormalizeError>, signature: NearDuplicateSignature?)]
    /// Set when the whole file is unusable (unreadable, binary, empty, …); `items` is then empty.
    public var fileError: String?

    public init(claim: FileClaim, items: [(line: Int, result: Result<Article, NormalizeError>, signature: NearDuplicateSignature?)], fileError: String? = nil) {
        self.claim = claim
        self.items = items
        self.fileError = fileError
    }

    public var identity: FileIdentity { claim.identity }

    /// The reason the whole file is rejected: a file-level error, or every article in it failed.
    public var rejectionReason: String? {
        if let fileError { return fileError }
        guard !items.isEmpty else { return "no article found in the file" }
        let failures = items.compactMap { item -> String? in
            if case let .failure(error) = item.result { return error.description }
            return nil
        }
        guard failures.count == items.count else { return nil }
        if failures.count == 1 { return failures[0] }
        return "all \(failures.count) lines failed; first: \(failures[0])"
    }
}

/// What happened to one file, after its transaction committed.
public struct FileReport: Sendable {
    /// The file this report is about, as it was claimed.
    public var claim: FileClaim
    public var status: FileStatus
    public var articleIDs: [Int]
    /// Per-article outcomes for multi-article files.
    public var ingested = 0
    public var duplicates = 0
    public var unchanged = 0
    public var rejectedLines = 0
    public var reason: String?
    public var milliseconds: Double = 0

    public init(claim: FileClaim, status: FileStatus, articleIDs: [Int] = [], reason: String? = nil) {
        self.claim = claim
        self.status = status
        self.articleIDs = articleIDs
        self.reason = reason
    }

    public var identity: FileIdentity { claim.identity }
}

extension FileReport {
    /// Counts one article (or line) of a multi-article file.
    mutating func count(_ status: FileStatus) {
        switch status {
        case .ingested: ingested += 1
        case .duplicate: duplicates += 1
        case .unchanged: unchanged += 1
        case .rejected: rejectedLines += 1
        case .deferred: break
        }
    }
}
