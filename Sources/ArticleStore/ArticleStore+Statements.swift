import ArticleCore
import PQClient

extension ArticleStore {
    /// The statement that records `article` as carried by `file` (see `record`), for a pipeline.
    ///
    /// With `learnLines`, the same statement counts the body lines of a newly ingested article towards
    /// its publisher's learned boilerplate. Each line counts once per article, however often it repeats
    /// inside it, and only articles that start a story count (`kind` canonical): near duplicates and
    /// revisions share their story's text, not a footer. One statement instead of two saves a round trip,
    /// and the second needs nothing but the first one's outcome.
    public static func recordStatement(_ article: Article, signature: NearDuplicateSignature? = nil, file: FileIdentity,
                                       line: Int = 0, learnLines: Bool) -> PQConnection.Statement {
        let signature = signature ?? article.nearDuplicateSignature
        let lines = learnLines ? learnedLineArrays(article) : (fingerprints: "{}", samples: "{}")
        return PQConnection.Statement(recordArticleSQL, [
            file.fileName, file.path, file.sha256, String(file.size), String(line),
            article.format.rawValue, article.contentHash, String(Int64(bitPattern: article.simhash)),
            article.title, article.kicker, article.dek, PQArray.literal(article.authors),
            article.publisher, article.url, article.dateline, article.publishedAt,
            article.publishedAtSource?.rawValue, article.language, article.body, String(article.wordCount),
            PQArray.literal(article.removed),
            PQArray.literal(article.captions.map(\.text)), PQArray.literal(article.captions.map(\.credit)),
            PQArray.literal(article.quotes.map(\.text)), PQArray.literal(article.quotes.map(\.speaker)),
            PQArray.literal(signature.shingles.map(Int.init)), PQArray.literal(signature.bands.map(Int.init)),
            lines.fingerprints, lines.samples,
        ])
    }

    /// The statement that records a file (or NDJSON line) that could not be ingested; see `recordRejection`.
    public static func rejectionStatement(file: FileIdentity, line: Int = 0, reason: String) -> PQConnection.Statement {
        PQConnection.Statement("SELECT articled.record_rejection($1, $2, $3, $4::bigint, $5::integer, $6)",
                               [file.fileName, file.path, file.sha256, String(file.size), String(line), reason])
    }

    /// What the result of a `recordStatement` says happened.
    public func recordOutcome(_ result: PQResult) throws -> RecordOutcome {
        let articleID = try result.int(0, 1)
        if let articleID {
            let cluster = try result.int(0, 2) ?? articleID
            let kind = try result.string(0, 3) ?? ""
            logger.debug("recorded article", metadata: [
                "article.id": "\(articleID)", "article.cluster": "\(cluster)", "article.match": "\(kind)",
            ])
        }
        switch try result.string(0, 0).flatMap(FileStatus.init(rawValue:)) {
        case .ingested?: return .ingested(articleID: articleID ?? 0)
        case .duplicate?: return .duplicate(articleID: articleID ?? 0)
        default: return .unchanged(articleID: articleID)
        }
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

    // The learned-lines insert reads `r`, the function's own output: the outer statement's snapshot was
    // taken before the function inserted the article, so it could not look the row up.
    static let recordArticleSQL = """
        WITH r AS (
            SELECT outcome, article, cluster, kind FROM articled.record_article(
                $1, $2, $3, $4::bigint, $5::integer, $6, $7, $8::bigint, $9, $10, $11, $12::text[], $13, $14, $15,
                $16::timestamptz, $17, $18, $19, $20::integer, $21::text[], $22::text[], $23::text[], $24::text[],
                $25::text[], $26::integer[], $27::bigint[])
        ), learned AS (
            INSERT INTO articled.learned_lines AS l (publisher, fingerprint, sample)
            SELECT $13, u.f, u.s FROM r, unnest($28::bigint[], $29::text[]) AS u (f, s)
             WHERE r.outcome = 'ingested' AND r.kind = 'canonical' AND $13 IS NOT NULL
            ON CONFLICT (publisher, fingerprint) DO UPDATE SET articles = l.articles + 1, last_seen_at = now()
        )
        SELECT outcome, article, cluster, kind FROM r
        """
}
