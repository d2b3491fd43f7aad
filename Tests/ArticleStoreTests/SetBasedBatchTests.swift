import ArticleCore
@testable import ArticleStore
import Foundation
import Testing
import TestSupport

/// `recordBatch` decides for a whole batch at once what one-by-one recording decided, and the clusterer
/// assigns stories afterwards as sequential assignment did at insert time.
@Suite struct SetBasedBatchTests {
    func item(_ article: Article, _ name: String, line: Int = 0) -> BatchItem {
        .article(article, signature: nil, file: uniqueFile(name), line: line, learnLines: true)
    }

    @Test func aBatchHoldingTheSameBodyTwiceRecordsOneArticleAndOneDuplicate() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let body = LabelledStories.events[0].first
        let outcomes = try store.transaction {
            try store.recordBatch([
                item(story(body, publisher: "Harbor Gazette"), "a.txt"),
                item(story(LabelledStories.events[1].first), "b.txt"),
                item(story(body, publisher: "Valley Times"), "c.txt"),
                // The same file (name and bytes) twice in one batch: recorded once.
                item(story(body, publisher: "Valley Times"), "c.txt"),
                .rejection(file: uniqueFile("d.txt"), line: 0, reason: "empty"),
            ])
        }
        guard case let .ingested(first)? = outcomes[0], case let .ingested(other)? = outcomes[1] else {
            Issue.record("expected two new bodies: \(outcomes)"); return
        }
        #expect(first < other, "ids follow the batch order")
        #expect(outcomes[2] == .duplicate(articleID: first))
        #expect(outcomes[3] == .unchanged(articleID: first))
        #expect(outcomes[4] == nil)
        #expect(try psqlValue(conninfo, "SELECT count(*) || ' ' || sum(seen_count) FROM articled.articles") == "2 3")
        #expect(try psqlValue(conninfo, "SELECT string_agg(file_name || ':' || status, ',' ORDER BY id) FROM articled.article_files")
                == "a.txt:ingested,b.txt:ingested,c.txt:duplicate,d.txt:rejected")
        #expect(try psqlValue(conninfo, "SELECT string_agg(publisher, ',' ORDER BY id) FROM articled.article_sightings")
                == "Harbor Gazette,Wire Service,Valley Times")
        // The same batch again changes nothing.
        let again = try store.transaction {
            try store.recordBatch([item(story(body, publisher: "Harbor Gazette"), "a.txt"),
                                   .rejection(file: uniqueFile("d.txt"), line: 0, reason: "empty")])
        }
        #expect(again == [.unchanged(articleID: first), .unchanged(articleID: nil)])
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_files") == "4")
    }

    @Test func aPendingArticleIsItsOwnStoryInTheViewsUntilClustered() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let original = LabelledStories.events[2].first
        let a = try store.record(story(original, publisher: "Harbor Gazette"), file: uniqueFile("a.txt"))
        let b = try store.record(story(LabelledStories.apply(.paragraphAdded, to: original, seed: 3), publisher: "Valley Times"),
                                 file: uniqueFile("b.txt"))
        #expect(try store.clusterPendingCount() == 2)
        #expect(try psqlValue(conninfo, "SELECT count(*) || ' ' || max(cluster_size) FROM articled.stories") == "2 1")
        #expect(try psqlValue(conninfo, "SELECT string_agg(match_kind, ',') FROM articled.clusters") == "canonical,canonical")
        #expect(try store.clusterPending(limit: 100) == 2)
        #expect(try store.clusterPendingCount() == 0)
        #expect(try psqlValue(conninfo, "SELECT count(*) || ' ' || max(cluster_size) FROM articled.stories") == "1 2")
        #expect(try clusterOf(store, b.articleID) == (a.articleID ?? -1, "near_duplicate"))
    }

    @Test func theBandIndexTakesEntriesDirectlySoALookupReadsNoPendingList() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let original = LabelledStories.events[2].first
        let a = try store.record(story(original, publisher: "Harbor Gazette"), file: uniqueFile("a.txt"))
        let b = try store.record(story(LabelledStories.apply(.paragraphAdded, to: original, seed: 3), publisher: "Valley Times"),
                                 file: uniqueFile("b.txt"))
        let aID = a.articleID ?? -1, bID = b.articleID ?? -1
        // Nothing waits in a pending list: the entries are in the index, and a lookup finds them there.
        #expect(try psqlValue(conninfo, "SELECT articled.flush_band_index()") == "0")
        #expect(try psqlValue(conninfo, """
            SELECT string_agg(c.id::text, ',') FROM articled.articles b,
                   articled.earlier_near_duplicate_candidates(b.minhash_bands, b.id, 16) c WHERE b.id = \(bID)
            """) == "\(aID)")
        #expect(try store.clusterPending(limit: 100) == 2)
        #expect(try clusterOf(store, bID) == (aID, "near_duplicate"))
        // Turned on by hand, the list is still flushed by the clusterer before its lookups.
        try store.connection.execute("ALTER INDEX articled.articles_minhash_bands_idx SET (fastupdate = on)")
        _ = try store.record(story(LabelledStories.events[3].first), file: uniqueFile("c.txt"))
        #expect(try store.clusterPending(limit: 100) == 1)
        #expect(try psqlValue(conninfo, "SELECT articled.flush_band_index()") == "0")
    }

    @Test func onlyOneClustererRunsAtATime() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        _ = try store.record(story(LabelledStories.events[0].first), file: uniqueFile("a.txt"))
        let other = try ArticleStore(conninfo: conninfo)
        try other.connection.execute("BEGIN")
        #expect(try other.clusterPending(limit: 100) == 1)
        // While the first clusterer's transaction is open, a second one finds the lock taken and does nothing.
        #expect(try store.clusterPending(limit: 100) == nil)
        try other.connection.execute("COMMIT")
        #expect(try store.clusterPending(limit: 100) == 0)
    }

    /// Each labelled event as a first report, an edited copy, a rewrite under the first one's URL, the second
    /// report, its brief and a copy of the second: sequentially (one record, one clusterer pass each, as
    /// record_article decided at insert time) and as one batch clustered in passes of three.
    @Test func theClustererGivesTheSameClustersAsSequentialAssignmentOnTheLabelledStories() throws {
        var articles: [Article] = []
        for (n, event) in LabelledStories.events.enumerated() {
            let url = "https://gazette.example/news/\(n)"
            articles.append(story(event.first, publisher: "Harbor Gazette", url: url))
            articles.append(story(LabelledStories.apply(.sentenceEdited, to: event.first, seed: n), publisher: "Valley Times"))
            articles.append(story(LabelledStories.apply(.combined, to: event.first, seed: n), publisher: "Harbor Gazette", url: url))
            articles.append(story(event.second, publisher: "Wire Service"))
            if let brief = event.brief { articles.append(story(brief, publisher: "Briefs")) }
            articles.append(story(LabelledStories.apply(.paragraphDropped, to: event.second, seed: n), publisher: "Courier"))
        }
        func assignments(_ store: ArticleStore, _ ids: [Int]) throws -> [String] {
            let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            let rows = try store.connection.execute(
                "SELECT id, canonical_id, match_kind, matched_article_id, similarity FROM articled.articles ORDER BY id")
            return try (0..<rows.rowCount).map { row in
                let at = { (column: Int) throws -> String in try rows.int(row, column).flatMap { position[$0] }.map(String.init) ?? "-" }
                return "\(try at(0)) in \(try at(1)) \(try rows.string(row, 2) ?? "") of \(try at(3)) \(try rows.string(row, 4) ?? "-")"
            }
        }
        let sequential = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try sequential.migrate()
        var sequentialIDs: [Int] = []
        for (n, article) in articles.enumerated() {
            sequentialIDs.append(try sequential.record(article, file: uniqueFile("\(n).txt")).articleID ?? -1)
            #expect(try sequential.clusterPending(limit: 10) == 1)
        }
        let batched = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try batched.migrate()
        let outcomes = try batched.transaction {
            try batched.recordBatch(articles.enumerated().map { item($1, "\($0).txt") }, window: 7)
        }
        let batchedIDs = outcomes.map { $0?.articleID ?? -1 }
        try batched.clusterUntilDone(limit: 3)
        let expected = try assignments(sequential, sequentialIDs)
        #expect(try assignments(batched, batchedIDs) == expected)
        // Not trivially equal: every kind occurs.
        for kind in ["canonical", "near_duplicate", "revision"] {
            #expect(expected.contains { $0.contains(" \(kind) ") }, "\(kind)")
        }
    }

    /// Two writers on two connections send overlapping batches at the same moment: every file and every body is
    /// recorded exactly once, whichever commits first, and every file is a sighting of its body.
    @Test func twoConcurrentBatchWritersWithOverlappingFilesAndBodiesRecordEachOnce() throws {
        let conninfo = try TestPostgres.freshDatabase()
        try ArticleStore(conninfo: conninfo).migrate()
        let bodies = Array(LabelledStories.events.map(\.first).prefix(5))
        for round in 0..<4 {
            // Files 0..<6 and 3..<9 (in reverse): three files in both batches; file k carries body k % 5.
            let files = (0..<9).map { k in (name: "r\(round)-\(k).txt", article: story(bodies[k % bodies.count] + ["Round \(round)."])) }
            let batches = [Array(files[0..<6]), Array(files[3..<9].reversed())]
            let failures = NearDuplicateRaceTests.Results()
            let ready = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            let done = DispatchSemaphore(value: 0)
            for (slot, batch) in batches.enumerated() {
                NearDuplicateRaceTests.spawn(done) {
                    do {
                        let store = try ArticleStore(conninfo: conninfo)
                        try store.transaction {
                            if slot == 0 { ready.0.signal(); ready.1.wait() } else { ready.1.signal(); ready.0.wait() }
                            _ = try store.recordBatch(batch.map { item($0.article, $0.name) })
                        }
                    } catch { failures.fail(error) }
                }
            }
            done.wait(); done.wait()
            #expect(failures.failures.isEmpty, "\(failures.failures)")
            let prefix = "r\(round)-"
            #expect(try psqlValue(conninfo, """
                SELECT count(*) || ' ' || count(DISTINCT file_name) FROM articled.article_files WHERE file_name LIKE '\(prefix)%'
                """) == "9 9")
            #expect(try psqlValue(conninfo, """
                SELECT count(*) || ' ' || sum(a.seen_count) FROM articled.articles a WHERE a.body LIKE '%Round \(round).'
                """) == "\(min(9, bodies.count)) 9")
            #expect(try psqlValue(conninfo, """
                SELECT count(*) FROM articled.article_sightings s JOIN articled.article_files f ON f.id = s.file_id
                 WHERE f.file_name LIKE '\(prefix)%' AND s.article_id = f.article_id
                """) == "9")
        }
    }
}
