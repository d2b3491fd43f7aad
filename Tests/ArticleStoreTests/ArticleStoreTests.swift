import ArticleCore
@testable import ArticleStore
import Testing
import TestSupport
import PQClient

func sampleArticle(title: String = "A title", body: [String] = ["First paragraph of the story.", "Second one."],
                   hash: String? = nil) -> Article {
    Article(sourcePath: "x.txt", format: .text, title: title, authors: ["Ann Author"], publishedAt: "2022-05-16",
            publishedAtSource: .caption, publisher: "JNS", paragraphs: body,
            captions: [Caption(text: "A caption", credit: "AP Photo/Someone")],
            quotes: [Quote(text: "We will see,", speaker: "Blinken")],
            wordCount: 7, contentHash: hash ?? SHA256.hex(Array(body.joined(separator: "\n").utf8)),
            simhash: 0xF00D_0000_0000_BEEF)
}

func file(_ name: String, _ sha: String = String(repeating: "a", count: 64)) -> FileIdentity {
    FileIdentity(fileName: name, path: "jns/" + name, sha256: sha, size: 1234)
}

@Suite struct ArticleStoreTests {
    @Test func migrationsAreIdempotent() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        let first = try store.migrate()
        #expect(first.map(\.version) == Migration.embedded.map(\.version))
        let second = try store.migrate()
        #expect(second.isEmpty)
        #expect(try Migrator().appliedVersions(store.connection) == Migration.embedded.map(\.version))
    }

    @Test func sameBodyInAnotherFileIsOneArticleSeenTwice() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let article = sampleArticle()
        let first = try store.record(article, file: file("a.txt"))
        guard case let .ingested(id) = first else { Issue.record("expected ingested, got \(first)"); return }
        let second = try store.record(article, file: file("b.txt", String(repeating: "b", count: 64)))
        #expect(second == .duplicate(articleID: id))
        #expect(try psqlValue(conninfo, "SELECT count(*) || ' ' || max(seen_count) FROM articled.articles") == "1 2")
        #expect(try psqlValue(conninfo, "SELECT string_agg(status, ',' ORDER BY id) FROM articled.article_files") == "ingested,duplicate")
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_captions") == "1")
    }

    @Test func theVerySameFileAgainChangesNothing() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let first = try store.record(sampleArticle(), file: file("a.txt"))
        let again = try store.record(sampleArticle(), file: file("a.txt"))
        #expect(again == .unchanged(articleID: first.articleID))
        #expect(try psqlValue(conninfo, "SELECT count(*) || ' ' || max(seen_count) FROM articled.articles") == "1 1")
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_files") == "1")
    }

    @Test func hostileTextIsStoredVerbatim() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        let title = "Robert'); DROP TABLE articled.articles;--"
        let body = ["He said \"{a,b}\" and \\N and $1 — 'quoted' \t tab", "Ünïcödé ✓ 日本語"]
        _ = try store.record(sampleArticle(title: title, body: body), file: file("evil.txt"))
        let stored = try store.connection.execute("SELECT title, body, authors FROM articled.articles")
        #expect(try stored.string(0, 0) == title)
        #expect(try stored.string(0, 1) == body.joined(separator: "\n\n"))
        #expect(try PQArray.parse(stored.string(0, 2) ?? "") == ["Ann Author"])
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.articles") == "1")
    }

    @Test func constraintViolationsAreTypedErrors() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        do {
            _ = try store.record(sampleArticle(hash: "not-a-sha"), file: file("bad.txt"))
            Issue.record("expected a check violation")
        } catch let error as PQError {
            #expect(error.code == .queryFailed)
            #expect(error.sqlState == .checkViolation)
            #expect(error.constraint == "articles_content_hash_format")
            #expect(!error.isTransient)
        }
    }

    @Test func rejectionsAreRecordedOnce() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        #expect(try store.recordRejection(file: file("empty.txt"), reason: "the file is empty"))
        #expect(try !store.recordRejection(file: file("empty.txt"), reason: "the file is empty"))
        #expect(try psqlValue(conninfo, "SELECT status || ':' || error FROM articled.article_files") == "rejected:the file is empty")
    }

    @Test func unreachableServerIsAConnectionError() {
        #expect {
            _ = try PQConnection("host=/nonexistent-socket-dir port=5 connect_timeout=2")
        } throws: { error in
            (error as? PQError)?.code == .connectionFailed && (error as? PQError)?.isTransient == true
        }
    }

    @Test func malformedConnectionStringIsNamedAsSuch() {
        #expect {
            _ = try PQConnection("host=x = = nonsense")
        } throws: { error in
            (error as? PQError)?.code == .badConnectionString
        }
    }

    @Test func searchIndexFillsVectorsInTheBackgroundPass() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        _ = try store.record(sampleArticle(body: ["Helmets and flak jackets were shipped to rescue workers."]), file: file("a.txt"))
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.search_queue") == "1")
        #expect(try store.indexSearch(limit: 10) == 1)
        #expect(try psqlValue(conninfo, "SELECT count(*) FROM articled.article_search WHERE search @@ plainto_tsquery('english', 'jacket')") == "1")
        #expect(try store.status().searchPending == 0)
    }

    @Test func fileHashMatchesPostgresSHA256() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        let text = "In a further sign of its shifting stance — “quotes” ✓"
        let server = try store.connection.execute("SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex')", [text])
        #expect(try server.string(0, 0) == SHA256.hex(Array(text.utf8)))
    }

    @Test func biViewsAnswerForTheReadOnlyRole() throws {
        let conninfo = try TestPostgres.freshDatabase()
        let store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        _ = try store.record(sampleArticle(), file: file("a.txt"))
        try store.connection.execute("SET ROLE articled_reader")
        let stories = try store.connection.execute("SELECT cluster_size, sightings FROM articled.stories")
        #expect(try stories.int(0, 0) == 1)
        let daily = try store.connection.execute("SELECT day::text, publisher, articles FROM articled.daily_counts")
        #expect(try daily.string(0, 0) == "2022-05-16")
        #expect(try daily.string(0, 1) == "JNS")
        #expect(throws: PQError.self) { try store.connection.execute("DELETE FROM articled.articles") }
    }
}
