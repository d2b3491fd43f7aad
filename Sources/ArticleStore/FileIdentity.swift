/// What identifies one received file: "the very same file" is the same name with the same bytes.
public struct FileIdentity: Sendable, Hashable {
    /// Base name (`a.txt`).
    public var fileName: String
    /// Path relative to the inbox (`reuters/a.txt`).
    public var path: String
    /// Hex SHA-256 of the file bytes.
    public var sha256: String
    public var size: Int64

    public init(fileName: String, path: String, sha256: String, size: Int64) {
        self.fileName = fileName
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}

/// What recording an article did.
public enum RecordOutcome: Sendable, Equatable {
    /// A new body: a new article row.
    case ingested(articleID: Int)
    /// A known body in another file: the article's sighting counters went up.
    case duplicate(articleID: Int)
    /// This very file (name and bytes) was recorded before; nothing changed.
    case unchanged(articleID: Int?)

    public var articleID: Int? {
        switch self {
        case let .ingested(id), let .duplicate(id): return id
        case let .unchanged(id): return id
        }
    }

    public var status: FileStatus {
        switch self {
        case .ingested: return .ingested
        case .duplicate: return .duplicate
        case .unchanged: return .unchanged
        }
    }
}
