import Testing
import HTMLKit
@testable import ArticleCore

/// The block model decides over the whole `<body>`: article text the finder's container misses comes
/// back, and boxes inside the container that are not the story go. The pages are invented.
@Suite struct HTMLBlockModelTests {
    static let prose = [
        "The council voted on Tuesday to reopen the harbour baths after a three-year closure, ending a long dispute over repair costs that had divided residents and the city's finance office.",
        "Engineers found that the sea wall needed less work than the first survey suggested, and the final bill came in at just under half of the original estimate, according to the council's report.",
        "Swimmers who campaigned for the reopening said they were relieved, and several of them gathered at the gate on Wednesday morning to watch the first repair crews arrive with their equipment.",
    ]
    static let lastParagraph =
        "The baths are expected to open again in early summer, with reduced prices for children and pensioners during the first season, the council said in a statement published after the vote."

    static let menu = (0..<8).map { "<li><a href=\"/s/\($0)\">Section \($0)</a></li>" }.joined()

    func article(_ body: String) throws -> Article {
        let html = """
            <!DOCTYPE html><html><head><title>Harbour baths to reopen after three years</title></head>
            <body><header><ul class="top">\(Self.menu)</ul></header>\(body)
            <footer><p>Copyright 2026 Example Courier. All rights reserved.</p></footer></body></html>
            """
        return try TestInput.article(html, path: "inbox/a.html")
    }

    @Test func aParagraphRightAfterTheArticleElementIsKept() throws {
        // The page closes <article> too early: the story goes on in the wrapper around it.
        let more = [
            Self.lastParagraph,
            "A public swim is planned for the first weekend, and the lifeguard club has asked for volunteers to help with the opening day, when the council expects several hundred visitors at the baths.",
        ]
        let a = try article("""
            <div class="wrap"><article><h1>Harbour baths to reopen after three years</h1>
            \(Self.prose.map { "<p>\($0)</p>" }.joined())</article>
            \(more.map { "<p>\($0)</p>" }.joined())</div>
            """)
        #expect(Array(a.paragraphs.prefix(4)) == Self.prose + [Self.lastParagraph])
        #expect(!a.paragraphs.contains { $0.contains("rights reserved") || $0.hasPrefix("Section") })
    }

    @Test func aTeaserBoxInsideTheArticleElementIsNotKept() throws {
        let teasers = [
            "Ferry timetable cut as bridge traffic returns to the estuary towns",
            "New cycle lanes planned along the northern shore road next spring",
            "Library opening hours extended for the winter months in the old town",
        ]
        let box = teasers.map { "<div class=\"card\"><h3><a href=\"/n/\($0.count)\">\($0)</a></h3><span class=\"kicker\">Local</span></div>" }
            .joined()
        let a = try article("""
            <article><h1>Harbour baths to reopen after three years</h1>
            \((Self.prose + [Self.lastParagraph]).map { "<p>\($0)</p>" }.joined())
            <div class="more">\(box)</div></article>
            """)
        #expect(a.paragraphs == Self.prose + [Self.lastParagraph])
    }

    @Test func everyTextBlockOfTheBodyGetsARowWithItsClassWords() {
        let html = "<html><body><nav class=\"siteNav\"><a href=\"/\">Home</a></nav><main><p class=\"story-text\">"
            + Self.prose[0] + "</p></main></body></html>"
        let rows = HTMLBlockModel.featureRows(html: html)
        #expect(rows.map(\.text) == ["Home", Self.prose[0]])
        #expect(rows.allSatisfy { $0.features.count == HTMLBlockModel.featureNames.count })
        #expect(rows[0].tokens == ["site", "nav"])
        #expect(rows[1].tokens == ["story", "text"])
        let inRoots = HTMLBlockModel.featureNames.firstIndex(of: "in_roots")!
        #expect(rows.map { $0.features[inRoots] } == [0, 1])
    }
}
