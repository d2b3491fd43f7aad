import ArticleCore
import ArticleStore
import Ingest
import Testing
import TestSupport

/// A footer no rule knows becomes boilerplate once it recurs in enough articles of one publisher.
@Suite struct LearnedBoilerplateTests {
    let footer = "The Valley Courier has served the river towns since 1921 and thanks every reader who keeps it going."

    /// Six different stories of one local paper, each ending in the same footer.
    static let stories: [(title: String, body: [String])] = [
        ("Council approves bridge repairs after a long debate", [
            "The town council voted late on Tuesday to repair the old iron bridge over the river, ending a debate that had filled three meetings and drawn farmers from across the valley.",
            "Engineers told members that rust had eaten into two of the main supports and that heavy trucks would have to take the long road through Millbrook until the work is finished.",
            "Council member Dana Whitfield said the repairs would start in April and should be done before the harvest traffic begins in late summer.",
        ]),
        ("School budget leaves music teachers without a room", [
            "Parents crowded the gymnasium of Northside Elementary on Thursday to protest a budget that moves the music program into a converted storage hall.",
            "The district says enrolment has grown faster than expected and that every classroom is already in use, leaving no better space until the new wing opens in two years.",
            "A petition signed by more than four hundred families asks the board to rent portable classrooms instead, a plan the treasurer called too expensive for this year.",
        ]),
        ("Flood barriers tested as spring rains arrive early", [
            "Volunteers and county workers spent Saturday morning assembling the temporary flood walls along Mill Street, the first full test of the system bought after last year's floods.",
            "The aluminium panels slot into steel posts sunk into the pavement and can be raised by a crew of twelve in under four hours, according to the emergency office.",
            "Shop owners on the riverfront watched the drill with relief, though several said the county still owes them compensation for the water that reached their floors in May.",
        ]),
        ("New bus timetable cuts the last evening service", [
            "Riders who rely on the 42 bus to get home from the hospital will lose the last evening departure when the new regional timetable takes effect next month.",
            "The transit authority blames a shortage of drivers and says the nine o'clock run carried an average of six passengers during the autumn survey.",
            "Nurses working the late shift say they will now have to pay for taxis or rely on colleagues, and their union has asked for a meeting with the authority's director.",
        ]),
        ("Library extends weekend hours for exam season", [
            "The central library will stay open until ten o'clock on Saturdays and Sundays through June, the first time it has offered late hours since the renovation.",
            "Head librarian Marcus Obi said students had been studying in the car park to use the free wireless network after the building closed at five.",
            "The extra hours are paid for by a grant from the regional education fund, and the library hopes to make them permanent if enough readers use them.",
        ]),
        ("Market square reopens with new paving and fountains", [
            "After eighteen months behind fences, the market square reopened on Sunday with granite paving, new benches and two fountains that children were quick to test.",
            "Stallholders returned to their old places along the east side, where electricity points and water taps now sit beneath removable covers.",
            "The contractor finished three months late, blaming a shortage of stone, but the mayor said the result was worth the wait and thanked residents for their patience.",
        ]),
    ]

    func page(_ n: Int) -> String {
        let story = Self.stories[n]
        return ([story.title] + story.body + [footer]).joined(separator: "\n\n")
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
        // Lines count once the clusterer finds that their article starts a story.
        try store.clusterUntilDone()
        let afterFour = try store.learnedBoilerplate(minArticles: 5)
        #expect(afterFour["valleycourier"] == nil, "four articles are not yet enough")

        _ = try BatchWriter().write([prepared(4, plain)], to: store)
        #expect(try store.learnedBoilerplate(minArticles: 5).isEmpty, "not before the fifth article is clustered")
        try store.clusterUntilDone()
        let learned = try store.learnedBoilerplate(minArticles: 5)
        #expect(learned["valleycourier"]?.contains(LineFingerprint.of(footer)) == true)
        // Only the shared line is learned, not the articles' own paragraphs.
        #expect(learned["valleycourier"]?.count == 1)

        var options = NormalizerOptions()
        options.learnedBoilerplate = learned
        let sixth = try #require(try prepared(5, FileProcessor(normalizer: Normalizer(options: options))).items.first?.result.get())
        #expect(!sixth.paragraphs.contains(footer))
        #expect(sixth.removed.contains(footer))
        #expect(sixth.paragraphs == Self.stories[5].body)
    }

    @Test func anotherPublishersArticlesDoNotTeachIt() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        let plain = FileProcessor()
        for n in 0..<5 {
            let file = plain.prepare(bytes: Array(page(n).utf8), relativePath: "publisher\(n)/story.txt")
            _ = try BatchWriter().write([file], to: store)
        }
        try store.clusterUntilDone()
        #expect(try store.learnedBoilerplate(minArticles: 5).isEmpty)
    }

    @Test func reRunsOfOneStoryDoNotTeachTheirOwnParagraphs() throws {
        let store = try ArticleStore(conninfo: try TestPostgres.freshDatabase())
        try store.migrate()
        let plain = FileProcessor()
        // The same story five times with one sentence changed: near duplicates, one cluster.
        for n in 0..<5 {
            let text = page(0).replacingOccurrences(of: "ending a debate", with: "in vote number \(n), ending a debate")
            _ = try BatchWriter().write([plain.prepare(bytes: Array(text.utf8), relativePath: "valleycourier/rerun-\(n).txt")], to: store)
        }
        try store.clusterUntilDone()
        #expect(try store.clusterPendingCount() == 0)
        #expect(try store.learnedBoilerplate(minArticles: 5).isEmpty)
        // The first run started the story and taught its lines, once; the four near duplicates taught nothing.
        #expect(try store.learnedBoilerplate(minArticles: 1)["valleycourier"]?.contains(LineFingerprint.of(footer)) == true)
        #expect(try store.learnedBoilerplate(minArticles: 2).isEmpty)
    }
}
