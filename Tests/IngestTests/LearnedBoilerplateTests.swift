import ArticleCore
import ArticleStore
import Ingest
import Testing
import TestSupport

/// A footer no rule knows becomes boilerplate once it recurs in enough articles of one publisher.
@Suite struct LearnedBoilerplateTests {
    let footer = "The Valley Courier has served the river towns since 1921 and thanks every reader who keeps it going."

    func page(_ n: Int) -> String {
        let topics = ["bridge repairs", "school budget", "flood barriers", "bus timetable", "library hours", "market square"]
        return """
        Council votes on \(topics[n % topics.count]) after long debate number \(n)

        The town council voted late on Tuesday on the \(topics[n % topics.count]), ending a debate that had run for \(n + 2) weeks and drawn residents from across the valley to the packed chamber.

        Council member Dana Whitfield said the decision on the \(topics[n % topics.count]) reflected months of careful work with residents, engineers and the county office, and that the first results would be visible by spring.

        Opponents argued that item \(n) of the plan had been rushed and that the costs for the \(topics[n % topics.count]) were still not clear, and they promised to raise the matter again at the next public meeting.

        \(footer)
        """
    }

    func prepared(_ n: Int, _ processor: FileProcessor) -> PreparedFile {
        processor.prepare(bytes: Array(page(n).utf8), relativePath: "valleycourier/story-\(n).txt")
    }

    @Test func aFooterSeenInFiveArticlesOfOnePublisherIsRemovedFromTheSixth() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        let plain = FileProcessor()
        // Unknown to every rule: the footer stays in the body at first.
        let first = try #require(try prepared(0, plain).items.first?.result.get())
        #expect(first.paragraphs.contains(footer))
        #expect(first.publisher == "valleycourier")

        for n in 0..<4 { _ = try BatchWriter().write([prepared(n, plain)], to: store) }
        let afterFour = try store.learnedBoilerplate(minArticles: 5)
        #expect(afterFour["valleycourier"] == nil, "four articles are not yet enough")

        _ = try BatchWriter().write([prepared(4, plain)], to: store)
        let learned = try store.learnedBoilerplate(minArticles: 5)
        #expect(learned["valleycourier"]?.contains(LineFingerprint.of(footer)) == true)
        // Only the shared line is learned, not the articles' own paragraphs.
        #expect(learned["valleycourier"]?.count == 1)

        var options = NormalizerOptions()
        options.learnedBoilerplate = learned
        let sixth = try #require(try prepared(5, FileProcessor(normalizer: Normalizer(options: options))).items.first?.result.get())
        #expect(!sixth.paragraphs.contains(footer))
        #expect(sixth.removed.contains(footer))
        #expect(sixth.paragraphs.count == 3)
    }

    @Test func anotherPublishersArticlesDoNotTeachIt() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        let plain = FileProcessor()
        for n in 0..<5 {
            let file = plain.prepare(bytes: Array(page(n).utf8), relativePath: "publisher\(n)/story.txt")
            _ = try BatchWriter().write([file], to: store)
        }
        #expect(try store.learnedBoilerplate(minArticles: 5).isEmpty)
    }
}
