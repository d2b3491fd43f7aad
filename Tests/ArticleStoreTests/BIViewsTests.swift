import ArticleCore
@testable import ArticleStore
import Foundation
import Testing
import TestSupport

/// A small newsroom: one story run by three outlets (one of them with an edited copy), a revision of it
/// under the same URL, and an unrelated German article, stored through the ArticleStore API.
private struct Newsroom {
    let conninfo: String
    let store: ArticleStore
    var wire = 0, revision = 0, edited = 0, german = 0

    static let bridge = LabelledStories.events[0].first

    init() throws {
        conninfo = try TestPostgres.freshDatabase()
        store = try ArticleStore(conninfo: conninfo)
        try store.migrate()
        wire = try Self.id(store.record(article(Self.bridge, title: "Bridge reopens", publisher: "Wire Service",
                                                url: "https://wire.example/bridge", date: "2026-11-30T08:15:00Z",
                                                authors: ["Ana Lopez", "Ben Okafor"]),
                                        file: uniqueFile("wire.txt")))
        _ = try store.record(article(Self.bridge, title: "Bridge reopens", publisher: "Harbor Gazette",
                                     url: "https://gazette.example/bridge", date: "2026-11-30T08:15:00Z",
                                     authors: ["Ana Lopez", "Ben Okafor"]),
                             file: uniqueFile("gazette.txt"))
        edited = try Self.id(store.record(
            article(LabelledStories.apply(.sentenceEdited, to: Self.bridge, seed: 0), title: "Bridge reopens to traffic",
                    publisher: "Valley Times", url: "https://times.example/bridge", date: "2026-11-30T11:40:00Z",
                    authors: ["Ana Lopez"]),
            file: uniqueFile("times.txt")))
        revision = try Self.id(store.record(
            article(Self.bridge + ["Officials said on Monday evening that traffic was flowing normally again in both directions."],
                    title: "Bridge reopens after inspection", publisher: "Wire Service", url: "https://wire.example/bridge",
                    date: "2026-11-30T15:00:00Z", authors: ["Ana Lopez", "Ben Okafor"]),
            file: uniqueFile("wire-2.txt")))
        german = try Self.id(store.record(
            article(["Die Stadtverwaltung hat am Dienstag neue Fahrradwege in der Innenstadt eröffnet, die Pendler schneller ans Ziel bringen sollen.",
                     "Nach Angaben der Verkehrsbehörde wurden in diesem Jahr mehr als zwanzig Kilometer Radwege gebaut."],
                    title: "Neue Radwege eröffnet", publisher: "Stadtanzeiger", url: "https://anzeiger.example/radwege",
                    date: "2026-12-01T09:00:00Z", language: "de", authors: ["Eva Schulz"],
                    captions: [Caption(text: "Radfahrer auf dem neuen Weg.", credit: "Foto: Max Bauer")],
                    quotes: [Quote(text: "Das ist ein guter Tag für die Stadt", speaker: "Bürgermeisterin Klein")]),
            file: uniqueFile("anzeiger.txt")))
        try store.clusterUntilDone()
        while try store.indexSearch() > 0 {}
    }

    static func id(_ outcome: RecordOutcome) throws -> Int {
        guard case let .ingested(id) = outcome else { throw Shell.Failure(message: "expected a new article: \(outcome)") }
        return id
    }

    func value(_ sql: String) throws -> String { try psqlValue(conninfo, sql) }
}

private func article(_ paragraphs: [String], title: String, publisher: String, url: String, date: String,
                     language: String = "en", authors: [String] = [], captions: [Caption] = [],
                     quotes: [Quote] = []) -> Article {
    Article(sourcePath: "x.txt", format: .text, title: title, authors: authors, publishedAt: date,
            publishedAtSource: .metadata, publisher: publisher, url: url, language: language, paragraphs: paragraphs,
            captions: captions, quotes: quotes, wordCount: ContentHasher.wordCount(paragraphs),
            contentHash: ContentHasher.contentHash(paragraphs), simhash: ContentHasher.simhash(paragraphs))
}

@Suite struct BIViewsTests {
    @Test func timeSeriesCountArticlesStoriesAndSightingsPerDayAndHourWithATimestamptzTimeColumn() throws {
        let room = try Newsroom()
        #expect(try room.value("""
            SELECT string_agg(to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24') || ' ' || publisher || ' ' || language
                              || ' ' || articles || '/' || stories || '/' || sightings, ', ' ORDER BY time, publisher)
              FROM articled.activity_daily
            """) == "2026-11-30 00 Valley Times en 1/0/1, 2026-11-30 00 Wire Service en 2/1/3, 2026-12-01 00 Stadtanzeiger de 1/1/1")
        #expect(try room.value("""
            SELECT string_agg(to_char(time AT TIME ZONE 'UTC', 'HH24') || ' ' || publisher || ' ' || articles, ', '
                              ORDER BY time, publisher)
              FROM articled.activity_hourly WHERE time < '2026-12-01'
            """) == "08 Wire Service 1, 11 Valley Times 1, 15 Wire Service 1")
        // Sightings per outlet: the syndicated copy counts for the outlet that ran it.
        #expect(try room.value("""
            SELECT string_agg(publisher || ' ' || sightings || ' ' || stories, ', ' ORDER BY publisher)
              FROM articled.sightings_daily
            """) == "Harbor Gazette 1 1, Stadtanzeiger 1 1, Valley Times 1 1, Wire Service 2 1")
        #expect(try room.value("""
            SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.columns
             WHERE table_schema = 'articled' AND column_name = 'time' AND data_type <> 'timestamp with time zone'
            """) == "")
    }

    @Test func topStoriesRankStoriesByOutletsWithClusterSizeAndFirstAndLastSeen() throws {
        let room = try Newsroom()
        #expect(try room.value("""
            SELECT string_agg(story_id || ' ' || title || ' ' || cluster_size || ' ' || outlets || ' ' || sightings || ' '
                              || revisions || ' ' || near_duplicates || ' ' || (first_seen_at <= last_seen_at)
                              || ' ' || to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), '; ' ORDER BY outlets DESC, story_id)
              FROM articled.top_stories
            """) == "\(room.wire) Bridge reopens after inspection 3 3 4 2 1 true 2026-11-30 08:15; "
                 + "\(room.german) Neue Radwege eröffnet 1 1 1 1 0 true 2026-12-01 09:00")
    }

    @Test func aStoryTimelineListsEveryBodyAndSightingInOrder() throws {
        let room = try Newsroom()
        #expect(try room.value("""
            SELECT string_agg(step || ':' || event || ':' || article_id || ':' || publisher, ', ' ORDER BY step)
              FROM articled.story_timeline WHERE story_id = \(room.wire)
            """) == [
                "1:first_article:\(room.wire):Wire Service", "2:sighting:\(room.wire):Wire Service",
                "3:sighting:\(room.wire):Harbor Gazette", "4:near_duplicate:\(room.edited):Valley Times",
                "5:sighting:\(room.edited):Valley Times", "6:revision:\(room.revision):Wire Service",
                "7:sighting:\(room.revision):Wire Service",
            ].joined(separator: ", "))
        #expect(try room.value("SELECT count(*) FROM articled.story_timeline WHERE story_id = \(room.german)") == "2")
    }

    @Test func authorsPublishersCaptionsAndQuotesAreFlattenedIntoRows() throws {
        let room = try Newsroom()
        #expect(try room.value("""
            SELECT string_agg(author || ' ' || articles || ' ' || stories || ' ' || publishers, ', ' ORDER BY author)
              FROM articled.authors
            """) == "Ana Lopez 3 1 2, Ben Okafor 2 1 1, Eva Schulz 1 1 1")
        #expect(try room.value("""
            SELECT string_agg(position || ' ' || author, ', ' ORDER BY position) FROM articled.article_authors
             WHERE article_id = \(room.wire)
            """) == "1 Ana Lopez, 2 Ben Okafor")
        #expect(try room.value("SELECT authors FROM articled.article_list WHERE article_id = \(room.wire)") == "Ana Lopez, Ben Okafor")
        #expect(try room.value("""
            SELECT string_agg(publisher || ' ' || articles || ' ' || stories || ' ' || sightings || ' ' || original_articles,
                              ', ' ORDER BY publisher)
              FROM articled.publishers
            """) == "Harbor Gazette 1 1 1 0, Stadtanzeiger 1 1 1 1, Valley Times 1 1 1 1, Wire Service 2 1 2 2")
        #expect(try room.value("SELECT text || ' | ' || credit || ' | ' || publisher FROM articled.captions")
                == "Radfahrer auf dem neuen Weg. | Foto: Max Bauer | Stadtanzeiger")
        #expect(try room.value("SELECT speaker || ' | ' || article_id FROM articled.quotes") == "Bürgermeisterin Klein | \(room.german)")
        // No view of the schema hands a BI tool an array.
        #expect(try room.value("""
            SELECT coalesce(string_agg(c.table_name || '.' || c.column_name, ', '), '')
              FROM information_schema.columns c JOIN information_schema.views v USING (table_schema, table_name)
             WHERE c.table_schema = 'articled' AND c.data_type = 'ARRAY'
               AND c.table_name NOT IN ('stories', 'clusters', 'story_revisions', 'daily_counts', 'ingest_log')
            """) == "")
    }

    @Test func searchFindsArticlesInTheirOwnLanguageAndRanksTheBestFirst() throws {
        let room = try Newsroom()
        // English stemming ("reopening" finds "reopens"), best first: the headline match outranks the body-only one.
        let hits = try room.value("""
            SELECT string_agg(article_id::text, ',' ORDER BY rank DESC, article_id) FROM articled.search('bridge reopening')
            """)
        #expect(Set(hits.split(separator: ",").map { Int($0) ?? 0 }) == [room.wire, room.edited, room.revision])
        // German stemming on the German article, through the same call.
        #expect(try room.value("SELECT article_id || ' ' || language FROM articled.search('Radweg')") == "\(room.german) de")
        #expect(try room.value("SELECT count(*) FROM articled.search('Radweg', 'en')") == "0")
        #expect(try room.value("SELECT count(*) FROM articled.search('bridge -inspection')") == "2")
        #expect(try room.value("SELECT snippet LIKE '%«%»%' FROM articled.search('Radweg')") == "t")
        #expect(try room.value("SELECT count(*) FROM articled.search('bridge', NULL, 1)") == "1")
        // A title hit ranks above a body hit: only the revision's added paragraph says "evening".
        #expect(try room.value("""
            SELECT string_agg(article_id::text, ',' ORDER BY rank DESC) FROM articled.search('inspection OR evening')
            """).hasPrefix("\(room.revision)"))
        // Typed rows, so a BI tool sees a timestamptz time column and a real rank.
        #expect(try room.value("SELECT pg_get_function_result('articled.search(text, text, integer)'::regprocedure)")
                .contains("rank real, article_id bigint, story_id bigint, title text"))
    }

    @Test func everyColumnOfEveryViewInTheSchemaHasAComment() throws {
        let room = try Newsroom()
        #expect(try room.value("""
            SELECT coalesce(string_agg(c.relname || '.' || a.attname, ', ' ORDER BY c.relname, a.attnum), '')
              FROM pg_class c
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
              LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
             WHERE c.relnamespace = 'articled'::regnamespace AND c.relkind = 'v' AND coalesce(d.description, '') = ''
            """) == "")
        #expect(try room.value("""
            SELECT coalesce(string_agg(c.relname, ', '), '') FROM pg_class c
             WHERE c.relnamespace = 'articled'::regnamespace AND c.relkind = 'v'
               AND obj_description(c.oid, 'pg_class') IS NULL
            """) == "")
        #expect(try room.value("SELECT count(*) >= 16 FROM pg_views WHERE schemaname = 'articled'") == "t")
    }

    @Test func theReadOnlyRoleReadsEveryViewAndCallsSearchButCannotWrite() throws {
        let room = try Newsroom()
        let views = try room.value("SELECT string_agg(viewname, ' ' ORDER BY viewname) FROM pg_views WHERE schemaname = 'articled'")
            .split(separator: " ")
        #expect(views.contains("top_stories") && views.contains("stories") && views.contains("daily_counts"))
        for view in views {
            #expect(try room.value("SET ROLE articled_reader; SELECT count(*) >= 0 FROM articled.\(view)") == "t", "\(view)")
        }
        #expect(try room.value("SET ROLE articled_reader; SELECT count(*) FROM articled.search('bridge')") == "3")
        for write in ["INSERT INTO articled.learned_lines (publisher, fingerprint, sample) VALUES ('x', 1, 'x')",
                      "UPDATE articled.articles SET title = 'x'",
                      "DELETE FROM articled.article_files",
                      "CREATE VIEW articled.mine AS SELECT 1"] {
            #expect(throws: Shell.Failure.self, "\(write)") { try room.value("SET ROLE articled_reader; \(write)") }
        }
        #expect(try room.value("SELECT count(*) FROM articled.articles WHERE title = 'x'") == "0")
    }

    @Test func viewsCreatedLaterAreReadableByTheReadOnlyRoleWithoutAGrant() throws {
        let room = try Newsroom()
        _ = try room.value("CREATE VIEW articled.later_view AS SELECT id FROM articled.articles")
        #expect(try room.value("SET ROLE articled_reader; SELECT count(*) FROM articled.later_view") == "4")
    }
}
