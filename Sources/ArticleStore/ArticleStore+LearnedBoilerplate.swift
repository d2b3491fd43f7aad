import ArticleCore

extension ArticleStore {
    /// Counts the body lines of a newly ingested article towards its publisher's learned boilerplate.
    /// Each line counts once per article, however often it repeats inside it, and only articles that
    /// start a story count: near duplicates and revisions share their story's text, not a footer.
    public func learnLines(of article: Article, articleID: Int) throws {
        guard let publisher = article.publisher, !article.paragraphs.isEmpty else { return }
        var seen = Set<Int64>()
        var fingerprints: [String] = []
        var samples: [String] = []
        for paragraph in article.paragraphs where paragraph.utf8.count <= 2_000 {
            let fingerprint = LineFingerprint.of(paragraph)
            guard seen.insert(fingerprint).inserted else { continue }
            fingerprints.append(String(fingerprint))
            samples.append(paragraph)
        }
        try connection.execute("""
            INSERT INTO articled.learned_lines AS l (publisher, fingerprint, sample)
            SELECT $1, u.f, u.s FROM unnest($2::bigint[], $3::text[]) AS u (f, s)
             WHERE EXISTS (SELECT 1 FROM articled.articles a WHERE a.id = $4::bigint AND a.canonical_id = a.id)
            ON CONFLICT (publisher, fingerprint) DO UPDATE SET articles = l.articles + 1, last_seen_at = now()
            """, [publisher, PQArray.literal(fingerprints.map(Optional.some)), PQArray.literal(samples), String(articleID)])
    }

    /// Publisher → fingerprints of lines seen in at least `minArticles` distinct articles of it.
    public func learnedBoilerplate(minArticles: Int) throws -> [String: Set<Int64>] {
        let rows = try connection.execute("""
            SELECT publisher, fingerprint FROM articled.learned_lines WHERE articles >= $1::integer
            """, [String(minArticles)])
        var result: [String: Set<Int64>] = [:]
        for row in 0..<rows.rowCount {
            guard let publisher = try rows.string(row, 0), let text = try rows.string(row, 1), let value = Int64(text) else { continue }
            result[publisher, default: []].insert(value)
        }
        return result
    }
}
