import ArticleStore
import Ingest
import Synchronization
import Testing
import TestSupport

@Suite struct BatchWriterTests {
    func file(_ n: Int) -> PreparedFile {
        let story = LearnedBoilerplateTests.stories[n]
        let text = ([story.title] + story.body).joined(separator: "\n\n")
        return FileProcessor().prepare(bytes: Array(text.utf8), relativePath: "batch/story-\(n).txt")
    }

    @Test func aBatchAbandonedBetweenTwoWindowsCommitsNothing() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        // Raised while the second file is being written (one statement per window): the batch gives up at the third.
        let asked = Atomic<Int>(0)
        let writer = BatchWriter(window: 1, shouldAbandon: { asked.add(1, ordering: .relaxed).newValue > 2 })
        #expect(throws: BatchAbandoned.self) { try writer.write((0..<4).map(file), to: store) }
        #expect(try store.connection.execute("SELECT count(*) FROM articled.article_files").int(0, 0) == 0)
        #expect(try store.connection.execute("SELECT count(*) FROM articled.articles").int(0, 0) == 0)
        // The connection is usable again: the same files go in whole once nobody abandons them.
        let reports = try BatchWriter().write((0..<4).map(file), to: store)
        #expect(reports.map(\.ingested) == [1, 1, 1, 1])
    }
}
