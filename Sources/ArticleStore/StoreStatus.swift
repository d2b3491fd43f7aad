/// What is in the database, for `articled status`.
public struct StoreStatus: Sendable {
    public struct PublisherTotal: Sendable {
        public var publisher: String
        public var articles: Int
        public var sightings: Int
    }

    public var schemaVersion: Int
    public var articles: Int
    public var stories: Int
    public var filesIngested: Int
    public var filesDuplicate: Int
    public var filesRejected: Int
    public var captions: Int
    public var quotes: Int
    public var searchPending: Int
    /// Articles not yet assigned to their story by the clusterer.
    public var clusterPending: Int
    /// ISO-8601 time of the newest file row, nil when none.
    public var lastReceivedAt: String?
    public var publishers: [PublisherTotal]
}

extension ArticleStore {
    public func status(publisherLimit: Int = 20) throws -> StoreStatus {
        let counts = try connection.execute("""
            SELECT (SELECT coalesce(max(version), 0) FROM articled.schema_migrations),
                   (SELECT count(*) FROM articled.articles),
                   (SELECT count(*) FROM articled.articles WHERE canonical_id = id),
                   (SELECT count(*) FROM articled.article_files WHERE status = 'ingested'),
                   (SELECT count(*) FROM articled.article_files WHERE status = 'duplicate'),
                   (SELECT count(*) FROM articled.article_files WHERE status = 'rejected'),
                   (SELECT count(*) FROM articled.article_captions),
                   (SELECT count(*) FROM articled.article_quotes),
                   (SELECT to_char(max(received_at), 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM articled.article_files)
            """)
        // A database still at an older schema (status does not migrate) has no clusterer queue.
        let clusterPending = try connection.execute("SELECT to_regclass('articled.cluster_queue') IS NOT NULL").bool(0, 0) == true
            ? try clusterPendingCount() : 0
        // Before migration 10 the articles waiting for the search pass were those with `search IS NULL`.
        let searchPending = try connection.execute("SELECT to_regclass('articled.search_queue') IS NOT NULL").bool(0, 0) == true
            ? try connection.execute("SELECT count(*) FROM articled.search_queue").int(0, 0) ?? 0
            : try connection.execute("SELECT count(*) FROM articled.articles WHERE search IS NULL").int(0, 0) ?? 0
        let rows = try connection.execute("""
            SELECT coalesce(publisher, '(unknown)'), count(*), sum(seen_count)
              FROM articled.articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $1::integer
            """, [String(publisherLimit)])
        let publishers = try (0..<rows.rowCount).map { row in
            StoreStatus.PublisherTotal(publisher: try rows.string(row, 0) ?? "",
                                       articles: try rows.int(row, 1) ?? 0,
                                       sightings: try rows.int(row, 2) ?? 0)
        }
        return StoreStatus(
            schemaVersion: try counts.int(0, 0) ?? 0, articles: try counts.int(0, 1) ?? 0,
            stories: try counts.int(0, 2) ?? 0, filesIngested: try counts.int(0, 3) ?? 0,
            filesDuplicate: try counts.int(0, 4) ?? 0, filesRejected: try counts.int(0, 5) ?? 0,
            captions: try counts.int(0, 6) ?? 0, quotes: try counts.int(0, 7) ?? 0,
            searchPending: searchPending, clusterPending: clusterPending,
            lastReceivedAt: try counts.string(0, 8),
            publishers: publishers)
    }
}
