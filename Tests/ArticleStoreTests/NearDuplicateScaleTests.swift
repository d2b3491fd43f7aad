import ArticleCore
@testable import ArticleStore
import Foundation
import Testing
import TestSupport
import PQClient

/// The near-duplicate lookup with 1,000,000 articles in the table. Slow (minutes) and disk-hungry (~3 GB):
/// runs only with ARTICLED_SCALE_TEST=1.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ARTICLED_SCALE_TEST"] == "1"))
struct NearDuplicateScaleTests {
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func summary(_ name: String, _ samples: [Double]) -> String {
        let sorted = samples.sorted()
        func at(_ q: Double) -> String { String(format: "%.2f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]) }
        return "\(name): n=\(sorted.count) median \(at(0.5)) ms, p90 \(at(0.9)) ms, p99 \(at(0.99)) ms, max \(at(1.0)) ms"
    }

    @Test func nearDuplicateLookupWithAMillionArticles() throws {
        let rows = Int(ProcessInfo.processInfo.environment["ARTICLED_SCALE_ROWS"] ?? "") ?? 1_000_000
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let db = store.connection
        var report: [String] = []
        // Background articles: 64 band hashes drawn from [0, 2e9) (so a lookup meets a couple of unrelated
        // candidates, as real text sharing a stock phrase would) and 100 random shingles each.
        try db.execute("DROP INDEX articled.articles_minhash_bands_idx")
        let load = try Self.milliseconds {
            try db.execute("""
                INSERT INTO articled.articles (content_hash, simhash, title, language, format, body, word_count,
                                               shingles, minhash_bands)
                SELECT encode(sha256(('bg' || g)::bytea), 'hex'), 0, 'Background ' || g, 'en', 'text', 'body', 100,
                       ARRAY(SELECT (random() * 2e9 - 1e9)::integer FROM generate_series(1, 100) WHERE g > 0),
                       ARRAY(SELECT (random() * 2e9)::bigint FROM generate_series(1, 64) WHERE g > 0)
                  FROM generate_series(1, \(rows)) g
                """)
        }
        report.append("generated \(rows) rows in \(Int(load / 1000)) s")
        try db.execute("SET maintenance_work_mem = '1GB'")
        let build = try Self.milliseconds {
            // As migration 10 leaves it: no pending list, which every lookup would have to read.
            try db.execute("CREATE INDEX articles_minhash_bands_idx ON articled.articles USING gin (minhash_bands) WITH (fastupdate = off)")
        }
        try db.execute("VACUUM ANALYZE articled.articles")
        report.append("GIN index built in \(Int(build / 1000)) s; " + (try db.execute("""
            SELECT 'table ' || pg_size_pretty(pg_table_size('articled.articles')) || ', GIN ' ||
                   pg_size_pretty(pg_relation_size('articled.articles_minhash_bands_idx'))
            """).string(0, 0) ?? ""))

        // The labelled stories as the real articles to find.
        for (i, event) in LabelledStories.events.enumerated() {
            _ = try store.record(story(event.first), file: uniqueFile("seed\(i)a"))
            _ = try store.record(story(event.second), file: uniqueFile("seed\(i)b"))
        }
        try store.clusterUntilDone()

        // (1) Candidate lookup alone, for near duplicates of the seeded stories and for random signatures.
        var lookups: [Double] = []
        var found = 0
        for round in 0..<1000 {
            let event = LabelledStories.events[round % LabelledStories.events.count]
            let body = LabelledStories.apply(LabelledStories.Edit.allCases[round % 6], to: round % 2 == 0 ? event.first : event.second, seed: round)
                + ["Filed as item \(round) of the measurement."]
            let bands = PQArray.literal(MinHash.signature(body).bands.map(Int.init))
            var count = 0
            lookups.append(try Self.milliseconds {
                count = try db.execute("SELECT count(*) FROM articled.near_duplicate_candidates($1::bigint[])", [bands]).int(0, 0) ?? 0
            })
            if count > 0 { found += 1 }
        }
        report.append(Self.summary("candidate lookup (GIN, top 16)", lookups) + "; \(found)/1000 found candidates")

        // (2) The whole path of a new near duplicate: the batch write (locks, insert) and the clusterer's pass
        // (lookup, exact check, assignment).
        var records: [Double] = []
        var joined = 0
        for round in 0..<500 {
            let event = LabelledStories.events[round % LabelledStories.events.count]
            let body = LabelledStories.apply(.paragraphAdded, to: event.first, seed: round) + ["Copy \(round) of the wire story."]
            var outcome: RecordOutcome = .unchanged(articleID: nil)
            records.append(try Self.milliseconds {
                outcome = try store.record(story(body), file: uniqueFile("near\(round)"))
                _ = try store.clusterPending(limit: 10)
            })
            if try clusterOf(store, outcome.articleID).1 == "near_duplicate" { joined += 1 }
        }
        report.append(Self.summary("record and cluster a near duplicate", records) + "; \(joined)/500 joined a cluster")

        let bands = PQArray.literal(story(LabelledStories.events[0].first).nearDuplicateSignature.bands.map(Int.init))
        try db.execute("SET enable_seqscan = off")
        let plan = try db.execute("""
            EXPLAIN (ANALYZE, BUFFERS) SELECT a.id FROM articled.articles a WHERE a.minhash_bands && $1::bigint[]
            """, [bands])
        report.append(try (0..<plan.rowCount).map { try plan.string($0, 0) ?? "" }.joined(separator: "\n"))
        print("SCALE REPORT\n" + report.joined(separator: "\n"))
        #expect(joined == 500)
    }
}
