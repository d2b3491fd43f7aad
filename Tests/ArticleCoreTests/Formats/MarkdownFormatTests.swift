import Testing
@testable import ArticleCore

@Suite struct MarkdownFormatTests {
    let body = (1...3).map(TestInput.prose)

    @Test func readsFrontMatterAndRendersTheBody() throws {
        let md = """
        ---
        title: "Ministers agree: aid to double"
        url: https://www.reuters.com/world/aid-123
        date: 2023-03-03T10:30:00Z
        authors: [Jane Doe, "John Roe"]
        tags:
          - aid
          - europe
        language: en
        seo:
          description: nested mappings are skipped
        ---
        # Ministers agree: aid to double

        \(body[0])

        ![a photo](https://example.com/p.jpg)

        Officials **said** the [plan](https://example.com/plan) was _final_ and the snake_case name stays.

        - \(body[1])
        - \(body[2])
        """
        let a = try TestInput.article(md, path: "inbox/a.md")
        #expect(a.format == .markdown)
        #expect(a.title == "Ministers agree: aid to double")
        #expect(a.url == "https://www.reuters.com/world/aid-123")
        #expect(a.publishedAt == "2023-03-03T10:30:00Z")
        #expect(a.publishedAtSource == .metadata)
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(a.publisher == "Reuters")
        #expect(a.paragraphs == [body[0], "Officials said the plan was final and the snake_case name stays.", body[1], body[2]])
    }

    @Test func takesTheTitleFromTheFirstHeadingWithoutFrontMatter() throws {
        let md = "Ministers agree to widen aid\n============================\n\n" + body.joined(separator: "\n\n")
        let a = try TestInput.article(md, path: "a.md")
        #expect(a.title == "Ministers agree to widen aid")
        #expect(a.paragraphs == body)
        #expect(a.publishedAtSource == nil)
    }

    @Test func namesTheLineOfBrokenFrontMatter() {
        let e = TestInput.error("---\ntitle: ok\nthis line is broken\n---\nText\n", path: "a.md")
        #expect(e?.code == .invalidFrontMatter)
        #expect(e?.line == 3)
        let unclosed = TestInput.error("---\ntitle: ok\n", path: "a.md")
        #expect(unclosed?.code == .invalidFrontMatter)
        #expect(unclosed?.line == 1)
        let quote = TestInput.error("---\ntitle: \"never closed\n---\nText\n", path: "a.md")
        #expect(quote?.line == 2)
    }

    @Test func rejectsAListWhereATitleBelongs() {
        let e = TestInput.error("---\ntitle: [a, b]\n---\n\(body[0])\n", path: "a.md")
        #expect(e?.code == .wrongType)
        #expect(e?.message.contains("title") == true)
    }

    @Test func parsesTheYAMLSubset() throws {
        let fm = try FrontMatterParser.parse("---\na: plain # comment\nb: 'it''s'\nc: \"q \\\" d\"\nd: [x, 'y, z']\ne:\n- one\n- two\n---\nbody")!.get()
        #expect(fm.fields["a"]?.value == .scalar("plain"))
        #expect(fm.fields["b"]?.value == .scalar("it's"))
        #expect(fm.fields["c"]?.value == .scalar("q \" d"))
        #expect(fm.fields["d"]?.value == .list(["x", "y, z"]))
        #expect(fm.fields["e"]?.value == .list(["one", "two"]))
        #expect(fm.body == "body")
    }

    @Test func namesTheLineOfAKeyGivenTwice() {
        let e = TestInput.error("---\ntitle: one\nurl: https://a.example/x\ntitle: two\n---\n\(body[0])\n", path: "a.md")
        #expect(e?.code == .invalidFrontMatter)
        #expect(e?.message.contains("\"title\"") == true)
    }

    @Test func readsDatesAndNumbersAsWrittenNotAsYAMLTypes() throws {
        let fm = try FrontMatterParser.parse("---\ndate: 2023-03-03\nid: 007\nflag: yes\nnone: ~\n---\nbody")!.get()
        #expect(fm.fields["date"]?.value == .scalar("2023-03-03"))
        #expect(fm.fields["id"]?.value == .scalar("007"))
        #expect(fm.fields["flag"]?.value == .scalar("yes"))
        #expect(fm.fields["none"]?.value == .scalar(""))
        #expect(fm.fields["id"]?.line == 3)
    }
}
