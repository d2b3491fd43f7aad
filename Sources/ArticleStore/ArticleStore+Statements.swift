import ArticleCore
import PQClient

extension ArticleStore {
    /// The statement that records a file (or NDJSON line) that could not be ingested; see `recordRejection`.
    public static func rejectionStatement(file: FileIdentity, line: Int = 0, reason: String) -> PQConnection.Statement {
        PQConnection.Statement("SELECT articled.record_rejection($1, $2, $3, $4::bigint, $5::integer, $6)",
                               [file.fileName, file.path, file.sha256, String(file.size), String(line), reason])
    }

    /// Fingerprints and texts of the article's distinct body lines, as array literals; empty without a publisher.
    static func learnedLineArrays(_ article: Article) -> (fingerprints: String, samples: String) {
        guard article.publisher != nil, !article.paragraphs.isEmpty else { return ("{}", "{}") }
        var seen = Set<Int64>()
        var fingerprints: [String?] = []
        var samples: [String] = []
        for paragraph in article.paragraphs where paragraph.utf8.count <= 2_000 {
            let fingerprint = LineFingerprint.of(paragraph)
            guard seen.insert(fingerprint).inserted else { continue }
            fingerprints.append(String(fingerprint))
            samples.append(paragraph)
        }
        return (PQArray.literal(fingerprints), PQArray.literal(samples))
    }
}
