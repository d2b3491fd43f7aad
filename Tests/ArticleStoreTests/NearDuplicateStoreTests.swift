import ArticleCore
@testable import ArticleStore
import Foundation
import Testing
import TestSupport
import PQClient

/// An article with the given body, hashed as the normalizer would.
func story(_ paragraphs: [String], title: String = "A headline", publisher: String? = "Wire Service",
           url: String? = nil) -> Article {
    Article(sourcePath: "x.txt", format: .text, title: title, publisher: publisher, url: url, paragraphs: paragraphs,
            wordCount: ContentHasher.wordCount(paragraphs), contentHash: ContentHasher.contentHash(paragraphs),
            simhash: ContentHasher.simhash(paragraphs))
}

/// A file of its own for each name.
func uniqueFile(_ name: String) -> FileIdentity {
    FileIdentity(fileName: name, path: name, sha256: SHA256.hex(Array(name.utf8)), size: 100)
}

/// (canonical_id, match_kind) of an article, once the clusterer has assigned every article written so far.
func clusterOf(_ store: ArticleStore, _ id: Int?) throws -> (Int, String) {
    try store.clusterUntilDone()
    let row = try store.connection.execute(
        "SELECT canonical_id, match_kind FROM articled.articles WHERE id = $1::bigint", [id.map(String.init)])
    return (try row.int(0, 0) ?? -1, try row.string(0, 1) ?? "")
}

@Suite struct NearDuplicateStoreTests {
    let event = LabelledStories.events[0]

    @Test func sameBodyFromAnotherOutletIsOneArticleWithASightingPerOutlet() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let first = try store.record(story(event.first, publisher: "Harbor Gazette", url: "https://gazette.example/bridge"),
                                     file: uniqueFile("a.txt"))
        let second = try store.record(story(event.first, publisher: "Valley Times", url: "https://times.example/k-bridge"),
                                      file: uniqueFile("b.txt"))
        #expect(second == .duplicate(articleID: first.articleID ?? -1))
        #expect(try psqlValue(conninfo, "SELECT count(*) || ' ' || max(seen_count) FROM articled.articles") == "1 2")
        #expect(try psqlValue(conninfo, """
            SELECT string_agg(publisher || '=' || url, ',' ORDER BY id) FROM articled.article_sightings
            """) == "Harbor Gazette=https://gazette.example/bridge,Valley Times=https://times.example/k-bridge")
        #expect(try psqlValue(conninfo, "SELECT cluster_size || ' ' || sightings || ' ' || outlets FROM articled.stories") == "1 2 2")
        // The very same file again still changes nothing, sightings included.
        #expect(try store.record(story(event.first), file: uniqueFile("a.txt")) == .unchanged(articleID: first.articleID))
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_sightings") == "2")
    }

    @Test func nearDuplicatesJoinTheClusterOfItsFirstArticle() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let original = event.first
        let added = LabelledStories.apply(.paragraphAdded, to: original, seed: 0)
        // Near to `added` but not to `original`'s text as much: it still joins the first article's cluster.
        let addedAndEdited = LabelledStories.apply(.sentenceEdited, to: added, seed: 0)
        let a = try store.record(story(original, publisher: "Wire Service"), file: uniqueFile("a.txt"))
        let b = try store.record(story(added, publisher: "Harbor Gazette"), file: uniqueFile("b.txt"))
        let c = try store.record(story(addedAndEdited, publisher: "Valley Times"), file: uniqueFile("c.txt"))
        guard case let .ingested(aID) = a, case let .ingested(bID) = b, case let .ingested(cID) = c else {
            Issue.record("expected three new bodies: \(a) \(b) \(c)"); return
        }
        #expect(try clusterOf(store, aID) == (aID, "canonical"))
        #expect(try clusterOf(store, bID) == (aID, "near_duplicate"))
        #expect(try clusterOf(store, cID) == (aID, "near_duplicate"))
        #expect(try psqlValue(conninfo, "SELECT matched_article_id FROM articled.articles WHERE id = \(cID)") == "\(bID)")
        #expect(try psqlValue(conninfo, "SELECT similarity >= 0.7 FROM articled.articles WHERE id = \(bID)") == "t")
        #expect(try psqlValue(conninfo, """
            SELECT story_id || ' ' || cluster_size || ' ' || sightings || ' ' || outlets || ' ' || near_duplicates
              FROM articled.stories
            """) == "\(aID) 3 3 3 2")
        #expect(try psqlValue(conninfo, "SELECT string_agg(article_id || ':' || match_kind, ',' ORDER BY article_id) FROM articled.clusters WHERE cluster_id = \(aID)")
                == "\(aID):canonical,\(bID):near_duplicate,\(cID):near_duplicate")
    }

    @Test func twoArticlesAboutTheSameEventStaySeparate() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        for event in LabelledStories.events {
            let first = try store.record(story(event.first, publisher: "Harbor Gazette"), file: uniqueFile(event.name + "1"))
            let second = try store.record(story(event.second, publisher: "Valley Times"), file: uniqueFile(event.name + "2"))
            #expect(try clusterOf(store, second.articleID) == (second.articleID ?? -1, "canonical"), "\(event.name)")
            if let brief = event.brief {
                let third = try store.record(story(brief, publisher: "Briefs"), file: uniqueFile(event.name + "3"))
                #expect(try clusterOf(store, third.articleID).1 == "canonical", "\(event.name) brief")
            }
            #expect(try clusterOf(store, first.articleID).1 == "canonical")
        }
        #expect(try psqlValue(conninfo, "SELECT count(*) = (SELECT count(*) FROM articled.articles) FROM articled.stories") == "t")
    }

    @Test func aNewBodyUnderTheSameURLIsARevisionOfTheStory() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let url = "https://gazette.example/news/2024/bridge-closed"
        let first = try store.record(story(event.first, title: "Bridge closed", url: url), file: uniqueFile("a.txt"))
        // Rewritten from scratch under the same URL: not a near duplicate, still the same story.
        let rewrite = try store.record(story(event.second, title: "Bridge closed for months", url: url), file: uniqueFile("b.txt"))
        let update = try store.record(story(LabelledStories.events[1].first, title: "Bridge: ferry starts", url: url + " "),
                                      file: uniqueFile("c.txt"))
        let (aID, bID, cID) = (first.articleID ?? -1, rewrite.articleID ?? -1, update.articleID ?? -1)
        #expect(try clusterOf(store, bID) == (aID, "revision"))
        #expect(try clusterOf(store, cID) == (aID, "revision"))
        #expect(try psqlValue(conninfo, "SELECT matched_article_id FROM articled.articles WHERE id = \(cID)") == "\(bID)")
        #expect(try psqlValue(conninfo, """
            SELECT story_id || '|' || title || '|' || first_title || '|' || latest_article_id || '|' || revisions || '|' || cluster_size
              FROM articled.stories
            """) == "\(aID)|Bridge: ferry starts|Bridge closed|\(cID)|3|3")
        #expect(try psqlValue(conninfo, """
            SELECT string_agg(revision || ':' || article_id || ':' || coalesce(previous_article_id::text, '-') || ':' || is_latest,
                              ',' ORDER BY revision)
              FROM articled.story_revisions WHERE story_id = \(aID)
            """) == "1:\(aID):-:false,2:\(bID):\(aID):false,3:\(cID):\(bID):true")
        // A site's home page identifies no story.
        let home = try store.record(story(event.second + ["One more line."], url: "https://gazette.example/"), file: uniqueFile("d.txt"))
        let home2 = try store.record(story(LabelledStories.events[2].first, url: "https://gazette.example/"), file: uniqueFile("e.txt"))
        #expect(try clusterOf(store, home2.articleID).1 == "canonical")
        #expect(try clusterOf(store, home.articleID).1 != "revision")
    }

    @Test func candidatesAreFoundThroughTheBandIndex() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        try store.connection.execute("""
            INSERT INTO articled.articles (content_hash, simhash, title, language, format, body, word_count, shingles, minhash_bands)
            SELECT encode(sha256(g::text::bytea), 'hex'), 0, 'T' || g, 'en', 'text', 'b', 1, '{1,2,3}',
                   ARRAY(SELECT (random() * 9e18)::bigint FROM generate_series(1, 64) WHERE g > 0)
              FROM generate_series(1, 20000) g
            """)
        try store.connection.execute("ANALYZE articled.articles")
        let bands = PQArray.literal(story(event.first).nearDuplicateSignature.bands.map(Int.init))
        // The candidate function runs with enable_seqscan off; its query must then use the GIN index.
        #expect(try psqlValue(conninfo, """
            SELECT proconfig::text FROM pg_proc WHERE proname = 'near_duplicate_candidates'
            """) == "{enable_seqscan=off,jit=off}")
        try store.connection.execute("SET enable_seqscan = off")
        let plan = try store.connection.execute("""
            EXPLAIN SELECT a.id FROM articled.articles a WHERE a.minhash_bands && $1::bigint[]
            """, [bands])
        let text = try (0..<plan.rowCount).map { try plan.string($0, 0) ?? "" }.joined(separator: "\n")
        #expect(text.contains("Bitmap Index Scan on articles_minhash_bands_idx"), "\(text)")
        #expect(!text.contains("Seq Scan"), "\(text)")
        #expect(try store.connection.execute("SELECT count(*) FROM articled.near_duplicate_candidates($1::bigint[])", [bands]).int(0, 0) == 0)

        // The plan the function keeps for the session (PL/pgSQL switches to a generic plan after five calls)
        // must still go through the index: table scans stay where they were, index scans go up.
        try store.connection.execute("RESET enable_seqscan")
        func scans() throws -> (seq: Int, index: Int) {
            try store.connection.execute("SELECT pg_stat_force_next_flush()")
            try store.connection.execute("SELECT pg_stat_clear_snapshot()")
            let row = try store.connection.execute(
                "SELECT seq_scan, idx_scan FROM pg_stat_user_tables WHERE relid = 'articled.articles'::regclass")
            return (try row.int(0, 0) ?? -1, try row.int(0, 1) ?? -1)
        }
        let before = try scans()
        for _ in 0..<12 {
            try store.connection.execute("SELECT count(*) FROM articled.near_duplicate_candidates($1::bigint[])", [bands])
        }
        let after = try scans()
        #expect(after.seq == before.seq)
        #expect(after.index >= before.index + 12)
    }

    @Test func theClusterersLookupReadsTheBandIndexAloneHoweverManyEarlierArticlesThereAre() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        try store.connection.execute("""
            INSERT INTO articled.articles (content_hash, simhash, title, language, format, body, word_count, shingles, minhash_bands)
            SELECT encode(sha256(g::text::bytea), 'hex'), 0, 'T' || g, 'en', 'text', 'b', 1, '{1,2,3}',
                   ARRAY(SELECT (random() * 9e18)::bigint FROM generate_series(1, 64) WHERE g > 0)
              FROM generate_series(1, 6000) g
            """)
        try store.connection.execute("ANALYZE articled.articles")
        let bands = PQArray.literal(story(LabelledStories.events[0].first).nearDuplicateSignature.bands.map(Int.init))
        func scans(_ index: String) throws -> Int {
            try store.connection.execute("SELECT pg_stat_force_next_flush()")
            try store.connection.execute("SELECT pg_stat_clear_snapshot()")
            return try store.connection.execute(
                "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelid = $1::regclass", [index]).int(0, 0) ?? -1
        }
        let primary = try scans("articled.articles_pkey"), bandIndex = try scans("articled.articles_minhash_bands_idx")
        // The first calls get custom plans, the later ones the generic plan PL/pgSQL keeps: neither may
        // bound the ids through the primary key, which reads every earlier article.
        for _ in 0..<12 {
            try store.connection.execute(
                "SELECT count(*) FROM articled.earlier_near_duplicate_candidates($1::bigint[], 5990, 16)", [bands])
        }
        #expect(try scans("articled.articles_pkey") == primary)
        #expect(try scans("articled.articles_minhash_bands_idx") == bandIndex + 12)
    }

    @Test func shingleOverlapCountsWhatASetIntersectionCounts() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        // v4 counts with intarray (installed into our schema, not public) when the server has it.
        #expect(try psqlValue(conninfo, """
            SELECT coalesce((SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                              WHERE e.extname = 'intarray'), 'none')
            """) == "articled")
        let original = event.first
        let pairs: [([String], [String])] = [
            (original, LabelledStories.apply(.combined, to: original, seed: 1)),
            (original, LabelledStories.apply(.truncatedToHalf, to: original, seed: 2)),
            (original, LabelledStories.events[1].first),
            (original, original),
            (original, []),
        ]
        for (a, b) in pairs {
            let x = PQArray.literal(story(a).nearDuplicateSignature.shingles.map(Int.init))
            let y = PQArray.literal(story(b).nearDuplicateSignature.shingles.map(Int.init))
            let row = try store.connection.execute("""
                SELECT s.shared, s.jaccard, s.containment,
                       (SELECT count(*) FROM (SELECT unnest($1::integer[]) INTERSECT SELECT unnest($2::integer[])) i)
                  FROM articled.shingle_similarity($1::integer[], $2::integer[]) s
                """, [x, y])
            #expect(try row.int(0, 0) == row.int(0, 3))
            let expected = Set(story(a).nearDuplicateSignature.shingles).intersection(story(b).nearDuplicateSignature.shingles).count
            #expect(try row.int(0, 0) == expected)
            if b.isEmpty { #expect(try row.string(0, 1) == "0" && row.string(0, 2) == nil) }
        }
        #expect(try store.connection.execute("SELECT (articled.shingle_similarity(NULL, '{1,2}')).shared").int(0, 0) == 0)
    }

    @Test func v1RowsGetSignaturesFromTheBackfillAndThenMatch() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try Migrator(migrations: Array(Migration.embedded.prefix(1))).migrate(store.connection)
        let old = story(event.first, publisher: "Harbor Gazette")
        let v1 = try store.record(old, file: uniqueFile("old.txt"), viaV1: true)
        try store.migrate()
        #expect(try psqlValue(conninfo, "SELECT count(*) || ' ' || min(publisher) FROM articled.article_sightings") == "1 Harbor Gazette")
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.articles WHERE shingles IS NULL") == "1")
        #expect(try store.backfillNearDuplicateSignatures(limit: 10) == 1)
        #expect(try store.backfillNearDuplicateSignatures(limit: 10) == 0)
        #expect(try psqlValue(conninfo, "SELECT shingles = $$\(PQArray.literal(old.nearDuplicateSignature.shingles.map(Int.init)))$$ FROM articled.articles") == "t")
        let near = try store.record(story(LabelledStories.apply(.paragraphDropped, to: event.first, seed: 0)), file: uniqueFile("new.txt"))
        #expect(try clusterOf(store, near.articleID) == (v1, "near_duplicate"))
    }

    @Test func theReadOnlyRoleCanReadTheNewViews() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        _ = try store.record(story(event.first), file: uniqueFile("a.txt"))
        try store.connection.execute("SET ROLE articled_reader")
        for view in ["stories", "clusters", "story_revisions", "article_sightings"] {
            #expect(try store.connection.execute("SELECT count(*) FROM articled.\(view)").int(0, 0) == 1, "\(view)")
        }
        try store.connection.execute("RESET ROLE")
        let undocumented = try store.connection.execute("""
            SELECT c.relname || '.' || coalesce(a.attname, '') FROM pg_class c
              LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                   AND (c.relname <> 'articles' OR a.attname IN ('shingles', 'minhash_bands', 'match_kind', 'matched_article_id', 'similarity'))
             WHERE c.relnamespace = 'articled'::regnamespace
               AND c.relname IN ('article_sightings', 'clusters', 'story_revisions', 'stories', 'articles')
               AND (obj_description(c.oid, 'pg_class') IS NULL OR (a.attnum IS NOT NULL AND col_description(c.oid, a.attnum) IS NULL))
            """)
        let missing = try (0..<undocumented.rowCount).map { try undocumented.string($0, 0) ?? "" }
        #expect(missing.isEmpty, "no COMMENT ON: \(missing)")
    }
}

extension ArticleStore {
    /// Records through the v1 function (no signature), as a v1 build did; returns the article id.
    func record(_ article: Article, file: FileIdentity, viaV1: Bool) throws -> Int {
        let result = try connection.execute("""
            SELECT article FROM articled.record_article($1, $2, $3, $4::bigint, 0, 'text', $5, 0, $6, NULL, NULL, '{}',
                $7, NULL, NULL, NULL, NULL, 'en', $8, $9::integer, '{}', '{}', '{}', '{}', '{}')
            """, [file.fileName, file.path, file.sha256, String(file.size), article.contentHash, article.title,
                  article.publisher, article.body, String(article.wordCount)])
        return try result.int(0, 0) ?? -1
    }
}
