import ArticleCore
import ArticleStore
import Foundation
import PQClient

/// The load ceiling: articles normalized in-process (the normalizer phase's output), loaded into a
/// fresh migrated database by one `COPY articled.articles (…) FROM STDIN` in one transaction: the columns
/// the daemon writes for a new article, near-duplicate signature included, so the table's indexes
/// (content_hash, the band GIN index, the others) and TOAST do the same work.
///
/// The normalizer is too slow on this machine to normalize every generated file in a bench run, so
/// the sample is repeated up to `rows`, each copy with its own content_hash (the unique key): the same
/// row shapes and bodies, distinct rows.
///
/// Timed: BEGIN, the COPY (escaping and streaming included), COMMIT. Not timed: building the rows.
struct CeilingPhase {
    let sample: [Article]
    let rows: Int
    let database: BenchDatabase

    static let copySQL = """
        COPY articled.articles (content_hash, simhash, title, kicker, dek, authors, publisher, url, dateline,
                                published_at, published_at_source, language, format, body, word_count, removed,
                                shingles, minhash_bands)
        FROM STDIN
        """

    func run() throws -> CeilingResult {
        let conninfo = try database.create("bench_ceiling")
        let connection = try PQConnection(conninfo, applicationName: "articled-bench")
        defer { connection.close() }
        try ArticleStore(connection: connection).migrate()

        let encodeStart = Monotonic.now()
        let signatures = sample.map { article -> (String, String) in
            let signature = article.nearDuplicateSignature
            return (PQArray.literal(signature.shingles.map(Int.init)), PQArray.literal(signature.bands.map(Int.init)))
        }
        let table = (0..<rows).map { index in Self.row(Self.copy(index, of: sample), signature: signatures[index % sample.count]) }
        let encodeSeconds = Monotonic.now() - encodeStart

        let t = Monotonic.now()
        try connection.execute("BEGIN")
        let inserted = try connection.copyIn(Self.copySQL, rows: table)
        try connection.execute("COMMIT")
        let loadSeconds = Monotonic.now() - t
        Progress.say("ceiling: \(inserted) rows in \(String(format: "%.2f", loadSeconds)) s")
        return CeilingResult(rows: rows, sample: sample.count, inserted: inserted, loadSeconds: loadSeconds,
                             encodeSeconds: encodeSeconds)
    }

    /// One COPY row in the order of `copySQL`.
    static func row(_ a: Article, signature: (shingles: String, bands: String)) -> [String?] {
        [a.contentHash, String(Int64(bitPattern: a.simhash)), a.title, a.kicker, a.dek, PQArray.literal(a.authors),
         a.publisher, a.url, a.dateline, a.publishedAt, a.publishedAtSource?.rawValue, a.language, a.format.rawValue,
         a.body, String(a.wordCount), PQArray.literal(a.removed), signature.shingles, signature.bands]
    }

    /// Row `index` of the load: sample article `index % count`, with a content_hash of its own after the first pass.
    static func copy(_ index: Int, of sample: [Article]) -> Article {
        var article = sample[index % sample.count]
        let round = index / sample.count
        if round > 0 { article.contentHash = SHA256.hex(Array("\(article.contentHash)/\(round)".utf8)) }
        return article
    }
}
