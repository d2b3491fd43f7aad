import ArticleCore
@testable import ArticleStore
import Foundation
import PQClient
import Testing
import TestSupport

/// Migration 10: search vectors in `articled.article_search`, articles waiting for them in
/// `articled.search_queue`, and a batch staging table that empties itself at commit.
@Suite struct SearchTableTests {
    func item(_ article: Article, _ name: String) -> BatchItem {
        .article(article, signature: nil, file: uniqueFile(name), line: 0, learnLines: false)
    }

    @Test func everyNewArticleIsQueuedForSearchWhicheverFunctionWroteIt() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        _ = try store.recordBatch([item(story(LabelledStories.events[0].first), "a.txt"),
                                   item(story(LabelledStories.events[1].first), "b.txt")])
        let old = try store.record(story(LabelledStories.events[2].first), file: uniqueFile("c.txt"), viaV1: true)
        #expect(old > 0)
        // A duplicate adds no article and queues nothing.
        _ = try store.recordBatch([item(story(LabelledStories.events[0].first, publisher: "Valley Times"), "d.txt")])
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.search_queue") == "3")
        #expect(try psqlValue(conninfo, """
            SELECT count(*) FROM articled.articles a
             WHERE NOT EXISTS (SELECT 1 FROM articled.search_queue q WHERE q.article_id = a.id)
            """) == "0")

        #expect(try store.indexSearch(limit: 2) == 2)
        #expect(try psqlValue(conninfo, "SELECT string_agg(article_id::text, ',' ORDER BY article_id) FROM articled.search_queue")
                == String(old), "the pass takes the lowest ids first")
        #expect(try store.indexSearch(limit: 10) == 1)
        #expect(try store.indexSearch(limit: 10) == 0)
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_search") == "3")
    }

    @Test func theSearchFunctionFindsAnArticleOnlyOnceItsVectorIsFilled() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        _ = try store.record(sampleArticle(body: ["Helmets and flak jackets were shipped to rescue workers."]), file: file("a.txt"))
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.search('jackets')") == "0")
        #expect(try store.indexSearch(limit: 10) == 1)
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.search('jackets')") == "1")
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_search WHERE search @@ plainto_tsquery('english', 'helmet')") == "1")
    }

    @Test func aQueuedIdWhoseArticleIsGoneIsDroppedByThePass() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        try store.connection.execute("INSERT INTO articled.search_queue (article_id) VALUES (424242)")
        #expect(try store.indexSearch(limit: 10) == 1)
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.search_queue") == "0")
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_search") == "0")
    }

    @Test func upgradingMovesFilledVectorsAndQueuesTheRest() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try Migrator(migrations: Migration.embedded.filter { $0.version <= 9 }).migrate(store.connection)
        _ = try store.record(sampleArticle(body: ["Helmets and flak jackets were shipped to rescue workers."]), file: file("a.txt"))
        #expect(try store.indexSearch(limit: 10) == 1)
        _ = try store.record(sampleArticle(body: ["The harbour ferry resumed its winter timetable on Monday."]), file: file("b.txt"))
        let before = try psqlValue(conninfo, "SELECT search::text FROM articled.articles WHERE search IS NOT NULL")

        try store.migrate()
        #expect(try psqlValue(conninfo, "SELECT search::text FROM articled.article_search") == before)
        #expect(try psqlValue(conninfo, """
            SELECT count(*) FROM articled.search_queue q JOIN articled.articles a ON a.id = q.article_id
             WHERE a.body LIKE '%ferry%'
            """) == "1")
        #expect(try psqlValue(conninfo, """
            SELECT count(*) FROM information_schema.columns
             WHERE table_schema = 'articled' AND table_name = 'articles' AND column_name IN ('search', 'searchable_at')
            """) == "0")
        #expect(try store.indexSearch(limit: 10) == 1)
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.search('ferry')") == "1")
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.search('jackets')") == "1")
    }

    @Test func theStagingTableIsEmptyAfterEveryBatchCommittedOrRolledBack() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        struct Stop: Error {}
        let staged = "SELECT count(*) FROM pg_temp.articled_batch"

        _ = try store.transaction { try store.recordBatch([item(story(LabelledStories.events[0].first), "a.txt")]) }
        #expect(try store.connection.execute(staged).int(0, 0) == 0)

        // Abandoned after its rows were sent: nothing of it stays, in the tables or in the staging table.
        var checks = 0
        #expect(throws: Stop.self) {
            try store.transaction {
                try store.recordBatch([item(story(LabelledStories.events[1].first), "b.txt"),
                                       item(story(LabelledStories.events[2].first), "c.txt")], window: 1) {
                    checks += 1
                    if checks == 2 { throw Stop() }
                }
            }
        }
        #expect(try store.connection.execute(staged).int(0, 0) == 0)
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.articles") == "1")

        // Outside a transaction the batch opens its own, so the staged rows live until they are recorded.
        let outcomes = try store.recordBatch([item(story(LabelledStories.events[1].first), "b.txt"),
                                              item(story(LabelledStories.events[2].first), "c.txt")], window: 1)
        #expect(outcomes.allSatisfy { if case .ingested? = $0 { true } else { false } })
        #expect(!store.connection.isInTransaction)
        #expect(try store.connection.execute(staged).int(0, 0) == 0)
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.articles") == "3")
    }
}
