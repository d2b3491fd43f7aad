import ArticleCore
import ArticleStore

/// Turns file bytes into a `PreparedFile`: hash, normalize. Pure and thread-safe, so many run in parallel.
public struct FileProcessor: Sendable {
    public let normalizer: Normalizer

    public init(normalizer: Normalizer = Normalizer()) {
        self.normalizer = normalizer
    }

    /// `relativePath` is the path inside the inbox (or `folder`); its first folder is the publisher hint. `claimedAt`
    /// is when the caller took the file (`DispatchTime` uptime), passed in so that preparing stays free of the clock.
    public func prepare(bytes: [UInt8], relativePath: String, folder: String = "", claimedAt: UInt64 = 0) -> PreparedFile {
        let identity = FileIdentity(fileName: Self.baseName(relativePath), path: relativePath,
                                    sha256: SHA256.hex(bytes), size: Int64(bytes.count))
        let results = normalizer.normalize(bytes, sourcePath: relativePath, publisherHint: Self.publisherHint(relativePath))
        let multi = results.count > 1 || InputFormat.isLineDelimited(relativePath)
        var items: [(line: Int, result: Result<Article, NormalizeError>, signature: NearDuplicateSignature?)] = []
        items.reserveCapacity(results.count)
        for (index, result) in results.enumerated() {
            var line = 0
            var signature: NearDuplicateSignature?
            if case .success(let article) = result { signature = article.nearDuplicateSignature }
            if multi {
                switch result {
                case .failure(let error): line = error.line ?? index + 1
                case .success: line = index + 1
                }
            }
            items.append((line, result, signature))
        }
        if !multi, results.count == 1, case let .failure(error) = results[0] {
            return PreparedFile(claim: FileClaim(identity: identity, folder: folder, claimedAt: claimedAt), items: [],
                                fileError: error.description)
        }
        return PreparedFile(claim: FileClaim(identity: identity, folder: folder, claimedAt: claimedAt), items: items)
    }

    /// A file that could not be read at all still gets an identity, so its rejection is recorded once.
    public func unreadable(relativePath: String, folder: String = "", bytes: [UInt8]?, size: Int64, reason: String,
                           claimedAt: UInt64 = 0) -> PreparedFile {
        let sha = bytes.map { SHA256.hex($0) } ?? SHA256.hex(Array("unreadable:\(relativePath):\(size)".utf8))
        let identity = FileIdentity(fileName: Self.baseName(relativePath), path: relativePath, sha256: sha, size: size)
        return PreparedFile(claim: FileClaim(identity: identity, folder: folder, claimedAt: claimedAt), items: [], fileError: reason)
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `reuters/a.txt` → "reuters"; files at the top of the inbox have no hint.
    static func publisherHint(_ relativePath: String) -> String? {
        guard let slash = relativePath.firstIndex(of: "/") else { return nil }
        let hint = relativePath[..<slash]
        return hint.isEmpty ? nil : String(hint)
    }
}
