import Testing
import HTMLKit
@testable import ArticleCore

@Suite struct HTMLCopiedTextTests {
    static let prose = [
        "The council voted on Tuesday to reopen the harbour baths after a three-year closure, ending a long dispute over repair costs that had divided residents and the city's finance office.",
        "Engineers found that the sea wall needed less work than the first survey suggested, and the final bill came in at just under half of the original estimate, according to the council's report.",
        "Swimmers who campaigned for the reopening said they were relieved, and several of them gathered at the gate on Wednesday morning to watch the first repair crews arrive with their equipment.",
        "The baths are expected to open again in early summer, with reduced prices for children and pensioners during the first season, the council said in a statement published after the vote.",
    ]

    static func page(wrappedIn open: String, _ close: String, prose: [String] = prose) -> String {
        let links = (0..<8).map { "<li><a href=\"/s/\($0)\">Section \($0)</a></li>" }.joined()
        return """
            <!DOCTYPE html><html><head><title>Harbour baths to reopen after three years</title>
            <meta property="og:title" content="Harbour baths to reopen after three years">
            <body>\(open)<ul>\(links)</ul>
            <h1>Harbour baths to reopen after three years</h1>
            \(prose.map { "<p>\($0)</p>" }.joined())
            \(close)</body></html>
            """
    }

    @Test func anArticleInsideAMenuWrapperIsReadFromThePageCopy() throws {
        // Off-canvas themes wrap the whole page in a <nav>: the finder sees only a menu, a reader sees the story.
        let results = TestInput.results(Self.page(wrappedIn: "<nav class=\"offcanvas\">", "</nav>"), path: "inbox/a.html")
        let article = try #require(try results.first?.get())
        #expect(article.title == "Harbour baths to reopen after three years")
        #expect(article.paragraphs == Self.prose)
        #expect(article.format == .html)
    }

    @Test func aPageOfLinksOnlyIsStillRejected() {
        let results = TestInput.results(Self.page(wrappedIn: "<nav>", "</nav>", prose: []), path: "inbox/a.html")
        #expect(throws: NormalizeError.self) { try results.first?.get() }
    }

    @Test func theCopyShowsWhatABrowserShowsOneBlockPerLine() {
        let html = "<html><head><title>T</title><meta charset=utf-8><p>One <b>bold</b> word</p>"
            + "<div style=\"display: none\">Hidden</div><div hidden>Gone</div><script>x()</script>"
            + "<p>Two<br>Three</p><button>Menu</button><ul><li>Four</li></ul>"
        let text = HTMLCopiedText.text(HTMLDocument(bytes: Array(html.utf8)))
        #expect(text == "One bold word\n\nTwo\n\nThree\n\nFour")
    }
}
