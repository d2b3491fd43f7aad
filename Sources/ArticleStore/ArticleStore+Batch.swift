import ArticleCore
import Glibc
import PQClient

extension ArticleStore {
    /// Records a batch with a few set-based statements (`articled.record_batch`, migration 8): the items are
    /// COPYed into a session-local staging table, then one call decides for all of them at once. Returns one
    /// outcome per item, in order: nil for a rejection.
    ///
    /// Within the batch, a file (or line) named twice is `unchanged` the second time, and a body carried twice
    /// is `ingested` by its first item and a `duplicate` of it for the later ones, as if recorded one by one.
    /// New bodies are their own story until `clusterPending` assigns them. Outside a transaction it opens one
    /// of its own; inside one, the batch commits or rolls back with it. `checkpoint` runs before every `window` items are sent and before the
    /// batch is recorded; what it throws ends the batch (roll the transaction back).
    public func recordBatch(_ items: [BatchItem], window: Int = 256,
                            checkpoint: () throws -> Void = {}) throws -> [RecordOutcome?] {
        guard !items.isEmpty else { return [] }
        // The staging table empties itself at commit (migration 10): staged rows and the call that records
        // them must share one transaction.
        guard connection.isInTransaction else {
            return try connection.transaction { try recordBatch(items, window: window, checkpoint: checkpoint) }
        }
        try connection.execute("SELECT articled.batch_staging()")
        var start = 0
        while start < items.count {
            try checkpoint()
            let end = min(start + max(1, window), items.count)
            try connection.copyIn(Self.stagingCopySQL, rows: (start..<end).lazy.map { Self.stagingRow(items[$0], item: $0) })
            start = end
        }
        try checkpoint()
        let rows = try connection.execute("SELECT item, outcome, article FROM articled.record_batch()")
        precondition(rows.rowCount == items.count, "record_batch returns one row per staged item")
        return try (0..<rows.rowCount).map { row in
            let articleID = try rows.int(row, 2)
            switch try rows.string(row, 1) {
            case "ingested": return .ingested(articleID: articleID ?? 0)
            case "duplicate": return .duplicate(articleID: articleID ?? 0)
            case "unchanged": return .unchanged(articleID: articleID)
            default: return nil
            }
        }
    }

    static let stagingCopySQL = """
        COPY pg_temp.articled_batch (item, file_name, path, file_sha256, size_bytes, line_no, error, format,
            content_hash, simhash, title, kicker, dek, authors, publisher, url, dateline, published_at,
            published_at_source, language, body, word_count, removed, caption_texts, caption_credits, quote_texts,
            quote_speakers, shingles, bands, line_fingerprints, line_samples) FROM STDIN
        """

    /// The staging row of `item` (COPY text values, in `stagingCopySQL`'s column order).
    static func stagingRow(_ batchItem: BatchItem, item: Int) -> [String?] {
        switch batchItem {
        case let .rejection(file, line, reason):
            return [String(item), file.fileName, file.path, file.sha256, String(file.size), String(line), reason]
                + Array(repeating: nil, count: 24)
        case let .article(article, signature, file, line, learnLines):
            let signature = signature ?? article.nearDuplicateSignature
            let lines = learnLines ? learnedLineArrays(article) : (fingerprints: "{}", samples: "{}")
            return [
                String(item), file.fileName, file.path, file.sha256, String(file.size), String(line), nil,
                article.format.rawValue, article.contentHash, String(Int64(bitPattern: article.simhash)),
                article.title, article.kicker, article.dek, PQArray.literal(article.authors),
                article.publisher, article.url, article.dateline, article.publishedAt,
                article.publishedAtSource?.rawValue, article.language, article.body, String(article.wordCount),
                PQArray.literal(article.removed),
                PQArray.literal(article.captions.map(\.text)), PQArray.literal(article.captions.map(\.credit)),
                PQArray.literal(article.quotes.map(\.text)), PQArray.literal(article.quotes.map(\.speaker)),
                PQArray.literal(signature.shingles.map(Int.init)), PQArray.literal(signature.bands.map(Int.init)),
                lines.fingerprints, lines.samples,
            ]
        }
    }

    /// Assigns up to `limit` articles waiting for their story (`articled.cluster_pending`), in id order, in a
    /// transaction of its own unless one is open. Returns how many it assigned, or nil when another clusterer
    /// in the database holds the lock (only one runs at a time; try again shortly).
    public func clusterPending(limit: Int = 200) throws -> Int? {
        try connection.execute("SELECT articled.cluster_pending($1::integer)", [String(limit)]).int(0, 0)
    }

    /// Articles written but not yet assigned to their story.
    public func clusterPendingCount() throws -> Int {
        try connection.execute("SELECT count(*) FROM articled.cluster_queue").int(0, 0) ?? 0
    }

    /// Runs the clusterer until no article up to `articleID` (every article, when nil) waits for its story.
    /// While another clusterer holds the lock it waits for that one, polling every `pollSeconds`.
    public func clusterUntilDone(through articleID: Int? = nil, limit: Int = 200, pollSeconds: Double = 0.05) throws {
        while true {
            let waiting = try connection.execute(
                "SELECT EXISTS (SELECT FROM articled.cluster_queue WHERE article_id <= $1::bigint)",
                [String(articleID ?? Int.max)]).bool(0, 0) ?? false
            guard waiting else { return }
            if try clusterPending(limit: limit) == nil {
                usleep(UInt32(pollSeconds * 1_000_000))
            }
        }
    }
}
