@testable import ArticleCore
import Foundation
import HTMLKit
import Testing

/// `.html` input: the article found in the page, its metadata read from the markup, and the page text
/// around it (menus, teasers, sidebars, scripts) kept out. All page texts are invented.
@Suite struct HTMLFormatTests {
    static let newsPage = """
    <!DOCTYPE html>
    <html lang="en-GB"><head><meta charset="utf-8">
    <title>Harbour bridge reopens after two-year repair | Coastline Courier</title>
    <meta property="og:title" content="Harbour bridge reopens after two-year repair | Coastline Courier">
    <meta property="og:site_name" content="Coastline Courier">
    <meta property="og:url" content="https://www.coastline-courier.example/news/harbour-bridge">
    <meta property="article:author" content="https://www.coastline-courier.example/authors/marta">
    <link rel="canonical" href="https://www.coastline-courier.example/news/harbour-bridge?amp=1">
    <style>.promo::after { content: "Subscribe now"; }</style>
    <script>document.write("<p>Tracking text</p>");</script>
    <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Coastline Courier"},
     {"@type": "NewsArticle", "headline": "Harbour bridge reopens", "datePublished": "2024-03-04T07:45:00Z",
      "author": [{"@type": "Person", "name": "Marta Kowalczyk"}, {"@type": "Person", "name": "Tomas Reyes"}],
      "publisher": {"@type": "Organization", "name": "Coastline Courier"}}]}
    </script></head>
    <body class="article-page has-sidebar">
    <div class="cookie-banner"><p>We use cookies to improve your experience, as explained in our policy.</p><button>Accept</button></div>
    <header class="site-header"><a class="logo" href="/">Coastline Courier</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
    <main><article>
    <header>
    <a class="kicker" href="/news/transport">Transport</a>
    <h1>Harbour bridge reopens after two-year repair</h1>
    <p class="standfirst">Engineers replaced every cable on the span, which carries 40,000 vehicles a day</p>
    <div class="byline">By <a rel="author" href="/a/marta">Marta Kowalczyk</a> and <a rel="author" href="/a/tomas">Tomas Reyes</a></div>
    <time datetime="2024-03-04T07:45:00Z">4 March 2024</time>
    <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
    </header>
    <figure><img src="/img/bridge.jpg" alt="The bridge at dawn">
    <figcaption>Traffic crosses the Milbrook harbour bridge on Monday morning. <span class="credit">Photo: Lena Ortiz</span></figcaption>
    </figure>
    <div class="article-body">
    <p>Commuters crossed the Milbrook harbour bridge on Monday for the first time since the span was closed in 2022, ending two years of detours that added up to an hour to some journeys.</p>
    <p>&ldquo;It feels like getting part of the town back,&rdquo; said Aisha Conte, who runs a bakery on the northern shore and had been driving 30 kilometres around the estuary each day.</p>
    <div class="inline-teaser"><p>Read more: <a href="/news/ferry">Ferry timetable cut as bridge traffic returns</a></p></div>
    <p>The council said engineers had replaced all 212 suspension cables and resurfaced the deck, at a cost of &pound;48 million &mdash; about &pound;6 million more than first planned.</p>
    <figure><img src="/img/tower.jpg"><figcaption>A crew member on the north tower last winter.</figcaption></figure>
    <p>Repairs were delayed last winter when storms kept crews off the towers for several weeks, the council&rsquo;s transport director, Gareth Ellwood, told reporters.</p>
    <div class="ad-slot"><p>Advertisement</p></div>
    <p>A weight limit for lorries will stay in place until a final inspection in May, after which the council expects to lift it.</p>
    </div>
    <aside class="related"><h2>Related stories</h2>
    <ul><li><a href="/a">Town plans new cycle lanes along the estuary</a></li><li><a href="/b">Estuary ferry gets a new boat</a></li></ul></aside>
    <div class="newsletter-box"><h3>Get the Courier Daily</h3><p>Sign up for our free morning newsletter and never miss a story from the coast.</p>
    <form><input type="email"><button>Sign up</button></form></div>
    </article></main>
    <footer class="site-footer"><p>&copy; 2024 Coastline Courier. All rights reserved by the publisher and its partners.</p><a href="/privacy">Privacy</a></footer>
    </body></html>
    """

    static let bodyOfNewsPage = [
        "Commuters crossed the Milbrook harbour bridge on Monday for the first time since the span was closed in 2022, ending two years of detours that added up to an hour to some journeys.",
        "\u{201C}It feels like getting part of the town back,\u{201D} said Aisha Conte, who runs a bakery on the northern shore and had been driving 30 kilometres around the estuary each day.",
        "The council said engineers had replaced all 212 suspension cables and resurfaced the deck, at a cost of \u{00A3}48 million \u{2014} about \u{00A3}6 million more than first planned.",
        "Repairs were delayed last winter when storms kept crews off the towers for several weeks, the council\u{2019}s transport director, Gareth Ellwood, told reporters.",
        "A weight limit for lorries will stay in place until a final inspection in May, after which the council expects to lift it.",
    ]

    func page(_ html: String, path: String = "inbox/page.html") throws -> Article {
        try TestInput.article(html, path: path)
    }

    @Test func readsTheHeadlineDateAuthorsAndSiteFromTheMarkup() throws {
        let a = try page(Self.newsPage)
        #expect(a.format == .html)
        #expect(a.title == "Harbour bridge reopens after two-year repair")
        #expect(a.kicker == "Transport")
        #expect(a.dek == "Engineers replaced every cable on the span, which carries 40,000 vehicles a day")
        #expect(a.authors == ["Marta Kowalczyk", "Tomas Reyes"])
        #expect(a.publishedAt == "2024-03-04T07:45:00Z")
        #expect(a.publishedAtSource == .metadata)
        #expect(a.publisher == "Coastline Courier")
        #expect(a.url == "https://www.coastline-courier.example/news/harbour-bridge")
        #expect(a.language == "en")
    }

    @Test func keepsTheArticleParagraphsInOrderAndNothingAroundThem() throws {
        let a = try page(Self.newsPage)
        #expect(a.paragraphs == Self.bodyOfNewsPage)
        let everything = (a.paragraphs + a.captions.map(\.text) + [a.title, a.dek ?? ""]).joined(separator: "\n")
        for chrome in ["cookies", "Sport", "Share on", "Ferry timetable", "Advertisement", "cycle lanes", "newsletter",
                       "Sign up", "rights reserved", "Tracking", "Subscribe"] {
            #expect(!everything.contains(chrome), "\(chrome) leaked")
        }
        #expect(a.removed == ["Read more: Ferry timetable cut as bridge traffic returns"])
        #expect(a.quotes.first?.speaker == "Aisha Conte")
    }

    @Test func splitsCaptionsFromTheBodyWithTheirCredit() throws {
        let a = try page(Self.newsPage)
        #expect(a.captions == [
            Caption(text: "Traffic crosses the Milbrook harbour bridge on Monday morning.", credit: "Lena Ortiz"),
            Caption(text: "A crew member on the north tower last winter.", credit: nil),
        ])
    }

    @Test func findsTheArticleByTextDensityWhenNothingMarksIt() throws {
        let body = (1...4).map(TestInput.prose)
        let html = """
        <html><head><title>Library opens a late-night reading room - Valley Post</title>
        <meta property="og:site_name" content="Valley Post"></head><body>
        <div id="top"><a href="/">Home</a> | <a href="/local">Local news from the valley</a> | <a href="/events">Events</a></div>
        <div id="wrapper"><div id="left-col"><div class="story">
        <div class="headline">Library opens a late-night reading room</div>
        <div class="meta">By Priya Nandakumar | 12 June 2023</div>
        <div class="txt">\(body.map { "<p>\($0)</p>" }.joined(separator: "\n"))</div>
        </div></div>
        <div id="right-col"><div class="box"><b>Most read</b>
        <div><a href="/1">Council approves a new bus route through the old town centre, after a long debate</a></div>
        <div><a href="/2">Heatwave warning issued for the weekend</a></div></div>
        <p>Short notes from the editor, with thanks to all readers, writers, and contributors.</p></div>
        </div><div id="bottom">Copyright Valley Post 2023, all rights reserved. <a href="/terms">Terms</a></div>
        </body></html>
        """
        #expect(HTMLContentFinder(HTMLDocument(bytes: Array(html.utf8))).kind == .density)
        let a = try page(html)
        #expect(a.title == "Library opens a late-night reading room")
        #expect(a.paragraphs == body)
        #expect(a.authors == ["Priya Nandakumar"])
        #expect(a.publishedAt == "2023-06-12")
        #expect(a.publisher == "Valley Post")
    }

    @Test func decodesCharacterReferences() throws {
        let html = """
        <html><head><meta property="og:title" content="Caf&eacute; owners &amp; critics: &quot;a fair deal&quot;"></head><body><article>
        <p>Caf&eacute; owners in Z&uuml;rich and Krak&oacute;w, Ren&eacute;e Dubois and &Aacute;lvaro Ib&aacute;&ntilde;ez among them, said on Monday&hellip; that it was &lsquo;fine&rsquo;.</p>
        <p>&ldquo;We&apos;re open&rdquo;&nbsp;&ndash; prices rose 5&#37; &#8212; or &#x2014; more, AT&T said &copy 2024, &unknown; stays &lt;b&gt; &#0; &#x110000;!</p>
        </article></body></html>
        """
        let a = try page(html)
        #expect(a.title == "Caf\u{E9} owners & critics: \"a fair deal\"")
        #expect(a.paragraphs == [
            "Caf\u{E9} owners in Z\u{FC}rich and Krak\u{F3}w, Ren\u{E9}e Dubois and \u{C1}lvaro Ib\u{E1}\u{F1}ez among them, said on Monday\u{2026} that it was \u{2018}fine\u{2019}.",
            "\u{201C}We're open\u{201D} \u{2013} prices rose 5% \u{2014} or \u{2014} more, AT&T said \u{A9} 2024, &unknown; stays <b> !",
        ])
    }

    @Test func neverLetsScriptStyleOrTemplateContentIntoTheText() throws {
        let html = """
        <html><head><script>var s = "<p>From a script</p>"; if (a < b && c > d) {}</script>
        <style>p::before { content: "From a style" }</style></head><body><article>
        <h1>Ministers agree to widen the aid programme</h1>
        <script type="text/javascript">document.write('</p><p>Written by a script');</script>
        <noscript><p>Please enable JavaScript to read from a noscript.</p></noscript>
        <template><p>From a template paragraph that is never rendered by the browser.</p></template>
        <svg viewBox="0 0 10 10"><text>From an svg</text><title>From an svg title</title></svg>
        <p>\(TestInput.prose(1))</p><SCRIPT>x = "</scripted>"; y = "<p>From an uppercase script</p>";</SCRIPT>
        <p>\(TestInput.prose(2))</p>
        </article></body></html>
        """
        let a = try page(html)
        #expect(a.title == "Ministers agree to widen the aid programme")
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
        #expect(!(a.removed + a.captions.map(\.text)).joined().contains("From"))
    }

    @Test func toleratesBrokenMarkup() throws {
        let html = """
        <HTML><BODY BGCOLOR=white><TABLE WIDTH=600><TR><TD CLASS=content>
        <H1 CLASS=title>Flood barrier test passes on the Lenne</H1>
        <P>By Jonas Weber
        <P ALIGN=left>Engineers raised the new flood barrier on the river for the first time on Saturday, holding back a simulated surge for six hours without a leak, the authority said.
        <P>The test drew several hundred spectators, some of whom had lost homes in 2021.<BR>
        Officials said the barrier would be ready for winter if a second test succeeds.
        <P>Residents said they were cautious < wary even > about promises made after the last flood, which left 40 homes empty.
        <!-- an unclosed comment
        <P>The barrier cost 31 million euros, <b>financed <i>mostly</b> by the region</i>.</p></p></div>
        <P title="unclosed quote>The last line of the page has a broken attribute but its text still counts for something.
        """
        let a = try page(html)
        #expect(a.title == "Flood barrier test passes on the Lenne")
        #expect(a.authors == ["Jonas Weber"])
        #expect(a.paragraphs == [
            "Engineers raised the new flood barrier on the river for the first time on Saturday, holding back a simulated surge for six hours without a leak, the authority said.",
            "The test drew several hundred spectators, some of whom had lost homes in 2021.",
            "Officials said the barrier would be ready for winter if a second test succeeds.",
            "Residents said they were cautious < wary even > about promises made after the last flood, which left 40 homes empty.",
            "The barrier cost 31 million euros, financed mostly by the region.",
            "The last line of the page has a broken attribute but its text still counts for something.",
        ])
    }

    @Test func readsLinkedBylinesAndUncreditedCaptionsFromTheText() throws {
        let html = """
        <html><body><main><h1>Aid deal is struck at last in Brussels</h1>
        <div class="article-meta"><div class="byline">By <a href="/a/jane">Jane Doe</a> and <a href="/a/john">John Roe</a></div>
        <span>Updated</span> <time datetime="2023-03-03T10:00">March 3, 2023</time></div>
        <p>\(TestInput.prose(1))</p>
        <div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">Ministers meet in Brussels on Friday. (AP Photo/Jo Bloggs)</p></div>
        <p>\(TestInput.prose(2))</p>
        <ul class="tags"><li><a href="/t/eu">EU</a></li><li><a href="/t/aid">Aid</a></li></ul>
        </main></body></html>
        """
        let a = try page(html)
        #expect(a.title == "Aid deal is struck at last in Brussels")
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(a.publishedAt == "2023-03-03T10:00")
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
        #expect(a.captions == [Caption(text: "Ministers meet in Brussels on Friday.", credit: "AP Photo/Jo Bloggs")])
    }

    @Test func rejectsAPageWithoutArticleText() {
        let navOnly = """
        <html><head><title>Coastline Courier</title></head><body>
        <header><a href="/">Coastline Courier</a></header>
        <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <script>console.log("Long script text that is not an article, with commas, and more commas.")</script>
        <footer><p>Copyright 2024 Coastline Courier, all rights reserved, every one of them.</p></footer>
        </body></html>
        """
        let e = TestInput.error(navOnly, path: "front.html")
        #expect(e?.code == .noArticle)
        #expect(e?.message.hasPrefix("the HTML page has no article text") == true)
        let linksOnly = "<html><body><div><a href='/a'>Town plans new cycle lanes</a></div><div><a href='/b'>Ferry gets new boat</a></div></body></html>"
        #expect(TestInput.error(linksOnly, path: "index.htm")?.message.contains("only links (2 menus, lists or teasers)") == true)
        #expect(TestInput.error("<html><body>   </body></html>", path: "blank.html")?.code == .noArticle)
    }

    @Test func printsHTMLAsTheParseFormat() throws {
        let a = try page(Self.newsPage, path: "inbox/coastline/bridge.htm")
        let object = try JSONSerialization.jsonObject(with: Data(ArticleJSON.encode(a).utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "html")
        #expect(object?["source_path"] as? String == "inbox/coastline/bridge.htm")
        #expect((object?["paragraphs"] as? [String])?.count == 5)
        #expect((object?["captions"] as? [[String: Any]])?.first?["credit"] as? String == "Lena Ortiz")
    }

    @Test func fallsBackFromOpenGraphToJSONLDToTheHeading() throws {
        let body = "<p>\(TestInput.prose(1))</p><p>\(TestInput.prose(2))</p>"
        let jsonLD = """
        <script type="application/ld+json">{"@type": ["NewsArticle"], "headline": "Aid deal struck", "datePublished": "2023-03-03",
        "author": {"name": "Jane Doe and John Roe"}, "publisher": "Example Wire", "url": "https://wire.example/aid"}</script>
        """
        let fromJSONLD = try page("<html><head>\(jsonLD)</head><body><article><h1>Aid deal is struck at last</h1>\(body)</article></body></html>")
        #expect(fromJSONLD.title == "Aid deal struck")
        #expect(fromJSONLD.authors == ["Jane Doe", "John Roe"])
        #expect(fromJSONLD.publishedAt == "2023-03-03")
        #expect(fromJSONLD.publisher == "Example Wire")
        #expect(fromJSONLD.url == "https://wire.example/aid")
        #expect(fromJSONLD.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
        let meta = "<meta property=\"article:author\" content=\"https://wire.example/ann\"><meta name=\"author\" content=\"Ann Lee\">"
        let fromHeading = try page("<html><head><title>Site | Aid</title>\(meta)</head><body><article><h1>Aid deal is struck at last</h1><time datetime=\"2023-03-05\">Sunday</time>\(body)</article></body></html>")
        #expect(fromHeading.title == "Aid deal is struck at last")
        #expect(fromHeading.authors == ["Ann Lee"])
        #expect(fromHeading.publishedAt == "2023-03-05")
        #expect(fromHeading.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
    }

    @Test func prefersTheVisibleHeadlineWhenTheDocumentTitleOnlyAddsASiteSuffix() throws {
        let body = (1...3).map(TestInput.prose)
        let html = """
        <html><head><title>Ferry fares to rise in spring - Lakeshore Gazette: County News</title></head><body>
        <table><tr><td class="leftcol"><div><a href="/">Home</a></div><div><a href="/news/">News</a></div></td>
        <td class="maincol"><div class="storyhead"><font size="5"><b>Ferry fares to rise in spring</b></font></div>
        <div class="byline">By ANNA KESTREL<br>Gazette Staff Writer</div>
        <div class="datebar"><span class="storydate">Posted: Tuesday, March 5, 2013 6:10 pm</span></div>
        <div class="storytext"><font face="Arial">\(body.joined(separator: "<br><br>\n"))</font></div>
        </td></tr></table></body></html>
        """
        #expect(HTMLPage(html: html).metadata.title == "Ferry fares to rise in spring")
        let a = try page(html)
        #expect(a.title == "Ferry fares to rise in spring")
        #expect(a.dek == nil)
        #expect(a.authors == ["Anna Kestrel"])
        #expect(a.paragraphs == body)
    }

    @Test func takesTheHeadlineOutOfADocumentTitleThatAlsoNamesSiteAndSection() throws {
        let body = (1...3).map { "<p>\(TestInput.prose($0))</p>" }.joined(separator: "\n")
        // No og:site_name and no <h1>: only the title's shape says which part is the headline.
        let framed = try page("""
        <html><head><title>Rivertown Daily - Night buses return to the eastern suburbs - Transport News</title></head>
        <body><div class="story">\(body)</div></body></html>
        """)
        #expect(framed.title == "Night buses return to the eastern suburbs")
        let chevrons = try page("""
        <html><head><title>Night buses return to the eastern suburbs \u{00BB} Rivertown Daily</title></head>
        <body><div class="story">\(body)</div></body></html>
        """)
        #expect(chevrons.title == "Night buses return to the eastern suburbs")
        // The social title's suffix goes too when the printed <h1> names the headline part.
        let social = try page("""
        <html><head><meta property="og:title" content="Transport | Night buses return | Rivertown Daily"></head>
        <body><article><h1>Night buses return</h1>\(body)</article></body></html>
        """)
        #expect(social.title == "Night buses return")
    }

    @Test func keepsADocumentTitleWholeWhenItsDashJoinsPartsOfTheHeadline() throws {
        let body = (1...3).map { "<p>\(TestInput.prose($0))</p>" }.joined(separator: "\n")
        let a = try page("""
        <html><head><title>Harbour Lights on Stage - The Complete Winter Season</title></head>
        <body><div class="story">\(body)</div></body></html>
        """)
        #expect(a.title == "Harbour Lights on Stage - The Complete Winter Season")
        let short = try page("""
        <html><head><title>Budget - Vote</title></head><body><div class="story">\(body)</div></body></html>
        """)
        #expect(short.title == "Budget - Vote")
    }

    @Test func dropsAnAuthorSuffixFromTheStatedTitleAndTheNameOnlyBylineFromTheBody() throws {
        let body = (1...3).map { "<p>\(TestInput.prose($0))</p>" }.joined(separator: "\n")
        let html = """
        <html><head><title>Parks need more benches, not fewer | Ruth Abernathy | The Weekly Ledger</title>
        <meta property="og:title" content="Parks need more benches, not fewer | Ruth Abernathy">
        <meta property="og:site_name" content="The Weekly Ledger"></head><body><main><article>
        <h1>Parks need more benches, not fewer</h1>
        <address class="contributor"><a rel="author" href="/profile/ruth">Ruth Abernathy</a></address>
        <figure><img src="a.jpg"><figcaption><span class="inline-icon">Open picture in a larger view</span></figcaption>
        <figcaption>A bench by the pond in Eastfield park. Photograph: Leo Marsh/Alamy</figcaption></figure>
        \(body)
        <figure><img src="b.jpg"><figcaption><a href="/gallery">Open the gallery</a></figcaption></figure>
        </article></main></body></html>
        """
        let a = try page(html)
        #expect(a.title == "Parks need more benches, not fewer")
        #expect(a.authors == ["Ruth Abernathy"])
        #expect(a.paragraphs == (1...3).map(TestInput.prose))
        #expect(a.captions == [Caption(text: "A bench by the pond in Eastfield park.", credit: "Leo Marsh/Alamy")])
        let edition = try page("""
        <html><head><meta property="og:title" content="Parks need more benches, not fewer - Weekend Edition"></head>
        <body><article><h1>Parks need more benches, not fewer</h1>\(body)</article></body></html>
        """)
        #expect(edition.title == "Parks need more benches, not fewer")
    }

    @Test func leavesOutADateLineOfTimesAndUpdateWords() throws {
        let html = """
        <html><head><meta property="article:published_time" content="2024-02-01T08:00:00Z"></head><body><article>
        <h1>Canal towpath to close for resurfacing</h1>
        <p class="meta"><time datetime="2024-02-01T08:00:00Z">Thu 1 Feb 2024 08.00 GMT</time> · Updated <time datetime="2024-02-02T10:15:00Z">Fri 2 Feb 2024 10.15 GMT</time></p>
        <div>Published <time datetime="2024-02-01T08:00:00Z">1 February 2024</time> | Last modified <time datetime="2024-02-02T10:15:00Z">2 February 2024</time></div>
        <p>\(TestInput.prose(1))</p><p>\(TestInput.prose(2))</p>
        <p>The work was first announced <time datetime="2023-11-01">last November</time>, officials said on Tuesday.</p>
        </article></body></html>
        """
        let a = try page(html)
        #expect(a.publishedAt == "2024-02-01T08:00:00Z")
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2), "The work was first announced last November, officials said on Tuesday."])
    }

    @Test func takesAStandfirstThatRepeatsTheDescriptionOrIsNamedAsOne() throws {
        let dek = "Le conseil municipal a voté lundi un budget de 3 millions d’euros pour rénover les berges, après deux ans de débats."
        let body = "<p>\(TestInput.prose(1))</p><p>\(TestInput.prose(2))</p>"
        let described = try page("""
        <html lang="fr"><head><meta name="description" content="\(dek)"></head><body><article>
        <h1>Les berges de la rivière seront rénovées</h1><p class="article__intro">\(dek)</p>\(body)</article></body></html>
        """)
        #expect(described.dek == dek)
        #expect(described.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
        for name in ["article__desc", "story-lede", "lead", "subheadline"] {
            let named = try page("""
            <html><body><article><h1>Riverbanks to be restored after two years</h1>
            <p class="\(name)">The council voted on Monday to spend three million euros on the banks, after two years of debate about the cost.</p>\(body)</article></body></html>
            """)
            #expect(named.dek == "The council voted on Monday to spend three million euros on the banks, after two years of debate about the cost.", "\(name)")
            #expect(named.paragraphs == [TestInput.prose(1), TestInput.prose(2)], "\(name)")
        }
    }

    @Test func dropsLinkWidgetsAfterACaptionCredit() throws {
        let body = "<p>\(TestInput.prose(1))</p><p>\(TestInput.prose(2))</p>"
        let html = """
        <html><body><article><h1>Port strike enters its second week</h1>
        <figure><img src="a.jpg"><figcaption><span>Fishing boats moored at the quay in Walvis Bay, Namibia, June 4, 2024. WIREPIX/Jo Bloggs</span> <a href="https://licensing.example" target="_blank">Buy reprint rights<span>, opens new tab</span></a></figcaption></figure>
        \(body)
        <figure><img src="b.jpg"><figcaption>Dock workers at a meeting on Monday. Photo: <a href="/p/ann">Ann Lee</a></figcaption></figure>
        </article></body></html>
        """
        let a = try page(html)
        #expect(a.captions == [
            Caption(text: "Fishing boats moored at the quay in Walvis Bay, Namibia, June 4, 2024.", credit: "WIREPIX/Jo Bloggs"),
            Caption(text: "Dock workers at a meeting on Monday.", credit: "Ann Lee"),
        ])
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
    }

    @Test func readsThePageTreeLinearlyForDeepBrokenNesting() {
        let html = String(repeating: "<div><span><b>", count: 20_000) + "<p>\(TestInput.prose(1))</p>" + String(repeating: "</i>", count: 20_000)
        let doc = HTMLDocument(bytes: Array(html.utf8))
        #expect(doc.nodes.count == 60_003)
        #expect(HTMLPage(html: html).text.contains(TestInput.prose(1)))
    }

    // MARK: - Boxes around the article that the chrome rules must name

    /// A column page with `body` inside `<article>`, after a headline and before `tail`, without site name.
    static func column(_ inside: String, tail: String = "", head: String = "") -> String {
        """
        <html><head><title>Bus lanes on the ring road are working, so keep them</title>\(head)</head><body><main><article>
        <h1>Bus lanes on the ring road are working, so keep them</h1>
        <p>\(TestInput.prose(1))</p><p>\(TestInput.prose(2))</p>\(inside)<p>\(TestInput.prose(3))</p>
        </article>\(tail)</main></body></html>
        """
    }

    static let columnBody = (1...3).map(TestInput.prose)

    @Test func commentPromptAfterTheArticleIsNotInTheBody() throws {
        // Older templates glue the box's part to the word: "commenthead", "commentnote".
        let a = try page(Self.column("""
        <div class="storyfoot"><div class="commenthead">Have your say on this story</div>
        <div class="commentnote">Readers must register before they can post. <a href="/join">Join here</a> or <a href="/in">sign in</a>.</div></div>
        """))
        #expect(a.paragraphs == Self.columnBody)
        let bytes = Array("commenthead commentary-lead newsletterWrapper".utf8)
        #expect(HTMLChrome.wordsVerdict(bytes, 0..<11) == .strong)
        #expect(HTMLChrome.wordsVerdict(bytes, 12..<27) == .none)
        #expect(HTMLChrome.wordsVerdict(bytes, 28..<bytes.count) == .strong)
    }

    @Test func newsletterPromoNamedOnlyInATestHookIsNotInTheBody() throws {
        let a = try page(Self.column("""
        <div data-testid="PromoBox" class="body__element__x1Y2"><p>Get our weekly briefing on regional markets and companies. <a href="/nl">Sign up here.</a></p></div>
        """))
        #expect(a.paragraphs == Self.columnBody)
    }

    @Test func authorBioAtTheEndOfAColumnIsNotInTheBody() throws {
        let a = try page(Self.column("""
        <p class="contributor-bio"><em>Jane Roe is a housing researcher and writes about cities every month</em></p>
        """))
        #expect(a.paragraphs == Self.columnBody)
    }

    @Test func lettersAppealInACallToActionBoxIsNotInTheBody() throws {
        let a = try page(Self.column("""
        <div class="letters-cta"><p>Have something to say about this piece? Send us a reply of up to 250 words and we may print it. <a href="/letters">Write to us</a></p></div>
        """))
        #expect(a.paragraphs == Self.columnBody)
    }

    // MARK: - Section labels

    /// A story whose headline has `label` (markup) right above it, and `after` right below it.
    static func labelled(_ label: String, after: String = "") -> String {
        """
        <html><head><meta property="og:site_name" content="Ridge Post"></head><body>
        <nav class="breadcrumbs"><a href="/">Home</a> <a href="/city">City</a></nav>
        <article><header>\(label)<h1>Bus lanes on the ring road are working, so keep them</h1>\(after)</header>
        <p>\(TestInput.prose(1))</p><p>\(TestInput.prose(2))</p><p>\(TestInput.prose(3))</p></article></body></html>
        """
    }

    @Test func sectionLabelInItsOwnLinkBoxAboveTheHeadlineIsTheKicker() throws {
        // One link alone in a box is a teaser card's shape; named as a label, it is the kicker.
        for markup in [
            #"<div class="kicker"><a href="/opinion">Opinion</a></div>"#,
            #"<div class="article-meta"><span class="articleEyebrow"><a href="/city">City transport</a></span></div>"#,
            #"<span data-testid="Label"><a href="/city/">City transport</a></span>"#,
            #"<p itemprop="articleSection">Opinion</p>"#,
        ] {
            let a = try page(Self.labelled(markup))
            #expect(a.kicker == (markup.contains("Opinion") ? "Opinion" : "City transport"), "\(markup)")
            #expect(a.paragraphs == Self.columnBody, "\(markup)")
        }
    }

    @Test func navigationAboveTheHeadlineIsNoKicker() throws {
        for markup in [
            // A list of sections is a menu, however it is named.
            #"<ul class="category-list"><li><a href="/a">City</a></li><li><a href="/b">Sport</a></li></ul>"#,
            // A breadcrumb trail is navigation; the README's convention keeps it out of the kicker.
            #"<div class="breadcrumb"><a href="/">Home</a> › <a href="/city">City</a></div>"#,
            // A byline or a date in a box named "section" is neither.
            #"<div class="meta-section">By Jane Roe</div>"#,
            #"<div class="label">12 March 2024</div>"#,
            // Not the last text before the headline: a standfirst above it sits between.
            #"<div class="kicker">Opinion</div><p>A longer line above the headline that is not a label at all</p>"#,
        ] {
            #expect(try page(Self.labelled(markup)).kicker == nil, "\(markup)")
        }
        // A label after the headline is not the kicker either.
        #expect(try page(Self.labelled("", after: #"<div class="kicker"><a href="/o">Opinion</a></div>"#)).kicker == nil)
    }

    // MARK: - Publisher from the footer

    @Test func copyrightFooterNamesThePublisherWhenTheMarkupDoesNot() throws {
        let footer = """
        <table><tr><td class="footer"><a href="/about/">About</a> | <a href="/terms/">Terms</a><br>
        Copyright &copy; 2019 Dunmore Valley Echo. All rights reserved.<br>Site by Lantern Web Design</td></tr></table>
        """
        let a = try page(Self.column("", tail: footer))
        #expect(a.publisher == "Dunmore Valley Echo")
        #expect(a.paragraphs == Self.columnBody)
        #expect(a.removed.contains("Copyright \u{A9} 2019 Dunmore Valley Echo. All rights reserved."))
        // What the markup states wins, and so does the folder the file came from, as for a copied page.
        #expect(try page(Self.column("", tail: footer, head: #"<meta property="og:site_name" content="The Echo">"#)).publisher == "The Echo")
        #expect(try TestInput.article(Self.column("", tail: footer), path: "inbox/p.html", hint: "Valley Weekly").publisher == "Valley Weekly")
        // A notice inside the article belongs to what the story quotes or shows, not to the site.
        let credit = #"<figure><img src="a.jpg"><figcaption>The ring road at dawn. &copy; Morrow Photo Agency</figcaption></figure>"#
        #expect(try page(Self.column(credit)).publisher == nil)
    }

    // MARK: - Speakers with a long role

    @Test func speakerIsThePersonNotTheOrganisationInTheRoleAfterTheName() throws {
        let a = try page(Self.column("""
        <p>Martha Quill, chief executive of the Riverside Housing Trust, said the scheme was overdue.</p>
        <p>&ldquo;It has taken far too long for anyone in the town hall to listen to us,&rdquo; she said.</p>
        <p>&ldquo;We will not open the new platforms until the autumn at the earliest,&rdquo; said planning chief Ian Doe of the Port Authority.</p>
        <p>&ldquo;The work on the northern quay is the most urgent part of the plan,&rdquo; Karen Lutz, director of works at the Harbour Authority, said.</p>
        <p>&ldquo;It is a good day for the harbour and for everyone who works on it,&rdquo; the Harbour Authority said.</p>
        <p>Ruth Kellaway, chair of the Friends of Millpond Lido, said the group had raised the money in two years.</p>
        <p>&ldquo;We never stopped believing the pool would open again,&rdquo; she said.</p>
        """))
        // The organisation need not be named like one: what follows "of", "at" or "the" in a role is where
        // the speaker works.
        #expect(a.quotes.map(\.speaker) == ["Martha Quill", "Ian Doe", "Karen Lutz", "the Harbour Authority", "Ruth Kellaway"])
    }
}
