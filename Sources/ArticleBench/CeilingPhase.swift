import ArticleCore
import ArticleStore
import Foundation

/// The load ceiling: articles normalized in-process (the normalizer phase's output), loaded into a
/// fresh migrated database by `INSERT INTO articled.articles (…) SELECT … FROM unnest($1::text[], …)`,
/// 5,000 rows per statement, all in one transaction. ArticleStore exposes no COPY API and the bench
/// may not import CLibPQ, so this set-based INSERT stands in for `COPY … FROM STDIN`.
///
/// The normalizer is too slow on this machine to normalize every generated file in a bench run, so
/// the sample is repeated up to `rows`, each copy with its own content_hash (the unique key): the same
/// row shapes and bodies, distinct rows.
///
/// Timed: BEGIN, each INSERT, COMMIT. Not timed: building the array literals (client side).
struct CeilingPhase {
    let sample: [Article]
    let rows: Int
    let database: BenchDatabase
    let batchSize = 5_000

    static let insertSQL = """
        INSERT INTO articled.articles (content_hash, simhash, title, kicker, dek, authors, publisher, url, dateline,
                                       published_at, published_at_source, language, format, body, word_count, removed)
        SELECT h, s::bigint, t, k, d, a::text[], p, u, dl, pa::timestamptz, pas, l, f, b, w::integer, r::text[]
          FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                      $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
               AS x (h, s, t, k, d, a, p, u, dl, pa, pas, l, f, b, w, r)
        ON CONFLICT ON CONSTRAINT articles_content_hash_key DO NOTHING
        """

    func run() throws -> CeilingResult {
        let conninfo = try database.create("bench_ceiling")
        let connection = try PQConnection(conninfo, applicationName: "articled-bench")
        defer { connection.close() }
        try ArticleStore(connection: connection).migrate()

        var loadSeconds = 0.0
        var encodeSeconds = 0.0
        var inserted = 0
        var t = Monotonic.now()
        try connection.execute("BEGIN")
        loadSeconds += Monotonic.now() - t
        for start in stride(from: 0, to: rows, by: batchSize) {
            let range = start..<min(rows, start + batchSize)
            let encodeStart = Monotonic.now()
            let articles = range.map { Self.copy($0, of: sample) }
            let parameters = Self.columns(articles).map { Optional(PQArray.literal($0)) }
            encodeSeconds += Monotonic.now() - encodeStart
            t = Monotonic.now()
            inserted += try connection.execute(Self.insertSQL, parameters).affectedRows
            loadSeconds += Monotonic.now() - t
        }
        t = Monotonic.now()
        try connection.execute("COMMIT")
        loadSeconds += Monotonic.now() - t
        Progress.say("ceiling: \(inserted) rows in \(String(format: "%.2f", loadSeconds)) s of server time")
        return CeilingResult(rows: rows, sample: sample.count, inserted: inserted, batchSize: batchSize, loadSeconds: loadSeconds,
                             encodeSeconds: encodeSeconds)
    }

    /// The 16 columns, one array each, as text (arrays of text become array literals per row).
    static func columns(_ articles: [Article]) -> [[String?]] {
        var columns = [[String?]](repeating: [], count: 16)
        for i in columns.indices { columns[i].reserveCapacity(articles.count) }
        for a in articles {
            columns[0].append(a.contentHash)
            columns[1].append(String(Int64(bitPattern: a.simhash)))
            columns[2].append(a.title)
            columns[3].append(a.kicker)
            columns[4].append(a.dek)
            columns[5].append(PQArray.literal(a.authors))
            columns[6].append(a.publisher)
            columns[7].append(a.url)
            columns[8].append(a.dateline)
            columns[9].append(a.publishedAt)
            columns[10].append(a.publishedAtSource?.rawValue)
            columns[11].append(a.language)
            columns[12].append(a.format.rawValue)
            columns[13].append(a.body)
            columns[14].append(String(a.wordCount))
            columns[15].append(PQArray.literal(a.removed))
        }
        return columns
    }

    /// Row `index` of the load: sample article `index % count`, with a content_hash of its own after the first pass.
    static func copy(_ index: Int, of sample: [Article]) -> Article {
        var article = sample[index % sample.count]
        let round = index / sample.count
        if round > 0 { article.contentHash = SHA256.hex(Array("\(article.contentHash)/\(round)".utf8)) }
        return article
    }
}
