import ArticleCore
import Logging
import PQClient

/// articled's view of PostgreSQL: record articles and rejections, report status.
///
/// Owns one connection; not `Sendable`. Callers group calls into transactions with `transaction`.
public final class ArticleStore {
    public let connection: PQConnection
    let logger: Logger

    public init(conninfo: String, logger: Logger = Logger(label: "articled.store")) throws(PQError) {
        self.connection = try PQConnection(conninfo)
        self.logger = logger
    }

    public init(connection: PQConnection, logger: Logger = Logger(label: "articled.store")) {
        self.connection = connection
        self.logger = logger
    }

    @discardableResult
    public func migrate() throws -> [Migration] {
        try Migrator(logger: logger).migrate(connection)
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    /// Records `article` as carried by `file` (NDJSON: by line `line` of it; 0 for whole files): a batch of
    /// one (see `recordBatch`).
    ///
    /// PostgreSQL decides what it is: the very same file again (`unchanged`), a known body (`duplicate`: one
    /// more sighting), or a new body (`ingested`), its own story until `clusterPending` assigns it to the
    /// cluster of an earlier near duplicate or of an earlier article under the same URL (a revision).
    /// `signature` is `article.nearDuplicateSignature`, when the caller has it already.
    public func record(_ article: Article, signature: NearDuplicateSignature? = nil, file: FileIdentity,
                       line: Int = 0, learnLines: Bool = false) throws -> RecordOutcome {
        let outcomes = try recordBatch([.article(article, signature: signature, file: file, line: line, learnLines: learnLines)])
        guard let outcome = outcomes.first ?? nil else { return .unchanged(articleID: nil) }
        return outcome
    }

    /// Records that `file` (or one of its NDJSON lines) could not be ingested. False when it was recorded before.
    @discardableResult
    public func recordRejection(file: FileIdentity, line: Int = 0, reason: String) throws -> Bool {
        let statement = Self.rejectionStatement(file: file, line: line, reason: reason)
        return try connection.execute(statement.sql, statement.parameters).bool(0, 0) ?? false
    }

    /// Fills the search vectors of up to `limit` articles; returns how many it filled.
    public func indexSearch(limit: Int = 500) throws -> Int {
        try connection.execute("SELECT articled.index_search($1::integer)", [String(limit)]).int(0, 0) ?? 0
    }

    /// Computes the near-duplicate signature of up to `limit` articles written before schema v2 (or by the
    /// v1 form of `record_article`), so later articles can match them; returns how many it filled.
    /// Existing clusters are not changed. Run it repeatedly (each call its own transaction) until it returns 0.
    public func backfillNearDuplicateSignatures(limit: Int = 500) throws -> Int {
        try transaction {
            let rows = try connection.execute("""
                SELECT id, body FROM articled.articles WHERE shingles IS NULL
                 ORDER BY id LIMIT $1::integer FOR UPDATE SKIP LOCKED
                """, [String(limit)])
            for row in 0..<rows.rowCount {
                guard let id = try rows.int(row, 0) else { continue }
                // Shingles run across paragraph breaks, so the stored body gives the same signature as its paragraphs.
                let signature = MinHash.signature([try rows.string(row, 1) ?? ""])
                try connection.execute(
                    "UPDATE articled.articles SET shingles = $2::integer[], minhash_bands = $3::bigint[] WHERE id = $1::bigint",
                    [String(id), PQArray.literal(signature.shingles.map(Int.init)), PQArray.literal(signature.bands.map(Int.init))])
            }
            return rows.rowCount
        }
    }
}

extension ArticleStore {
    /// Publishes a running daemon's counters (JSON object text) for `articled status`.
    public func heartbeat(instance: String, host: String, pid: Int, inbox: String, startedAt: String, counters: String) throws {
        try connection.execute("""
            INSERT INTO articled.daemons (instance, host, pid, inbox, started_at, updated_at, counters)
            VALUES ($1, $2, $3::integer, $4, $5::timestamptz, now(), $6::jsonb)
            ON CONFLICT (instance) DO UPDATE SET updated_at = now(), counters = EXCLUDED.counters,
                pid = EXCLUDED.pid, inbox = EXCLUDED.inbox, started_at = EXCLUDED.started_at
            """, [instance, host, String(pid), inbox, startedAt, counters])
    }

    public func removeDaemon(instance: String) throws {
        try connection.execute("DELETE FROM articled.daemons WHERE instance = $1", [instance])
    }

    /// Daemons that reported within the last two minutes: instance, host, pid, inbox, counters JSON, seconds since.
    public func liveDaemons() throws -> [(instance: String, host: String, pid: Int, inbox: String, counters: String, age: Double)] {
        let rows = try connection.execute("""
            SELECT instance, host, pid, inbox, counters::text, extract(epoch FROM now() - updated_at)::float8
              FROM articled.daemons WHERE updated_at > now() - interval '2 minutes' ORDER BY instance
            """)
        return try (0..<rows.rowCount).map { row in
            (try rows.string(row, 0) ?? "", try rows.string(row, 1) ?? "", try rows.int(row, 2) ?? 0,
             try rows.string(row, 3) ?? "", try rows.string(row, 4) ?? "{}", try rows.double(row, 5) ?? 0)
        }
    }
}
