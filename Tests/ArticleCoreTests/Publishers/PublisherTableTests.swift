import Testing
@testable import ArticleCore

@Suite struct PublisherTableTests {
    @Test(arguments: [("reuters", "Reuters"), ("timesofisrael", "The Times of Israel"), ("times-of-israel", "The Times of Israel"),
                      ("JNS", "JNS"), ("jpost", "Jerusalem Post"), ("aljazeera", "Al Jazeera"), ("dw", "Deutsche Welle"),
                      ("guardian", "The Guardian"), ("apnews", "Associated Press")])
    func matchesAFolderHintByNameOrDomainStem(hint: String, name: String) {
        #expect(PublisherTable.builtIn.publisher(forHint: hint)?.name == name)
    }

    @Test func usesTheHintItselfForAnUnknownPublisher() throws {
        let a = try TestInput.article(TestInput.story(), hint: "daily-planet")
        #expect(a.publisher == "daily-planet")
        let known = try TestInput.article(TestInput.story(), hint: "reuters")
        #expect(known.publisher == "Reuters")
    }

    @Test func letsTheHintWinOverSignatures() throws {
        let text = TestInput.story() + "\n\nJoin The Times of Israel Community today"
        #expect(try TestInput.article(text).publisher == "The Times of Israel")
        #expect(try TestInput.article(text, hint: "jns").publisher == "JNS")
    }

    @Test func doesNotCreditAnOutletMerelyCitedInTheBody() throws {
        let text = TestInput.story(paragraphs: 2)
            + "\n\nThe New York Times reported earlier this month that the defense establishment was dipping into a store of ammunition."
        #expect(try TestInput.article(text).publisher == nil)
    }

    @Test func mergesUserEntriesInFront() {
        let table = PublisherTable.builtIn.merging([
            Publisher(name: "Daily Planet", domains: ["dailyplanet.example"], signatures: ["Daily Planet Club"]),
            Publisher(name: "Reuters", domains: ["reuters.example"], signatures: []),
        ])
        #expect(table.publishers.first?.name == "Daily Planet")
        #expect(table.publishers.filter { $0.name == "Reuters" }.count == 1)
        #expect(table.publisher(forURL: "https://news.dailyplanet.example/a")?.name == "Daily Planet")
        #expect(table.publisher(forHint: "dailyplanet")?.name == "Daily Planet")
    }
}
