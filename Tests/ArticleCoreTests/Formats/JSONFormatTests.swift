import Testing
@testable import ArticleCore

@Suite struct JSONFormatTests {
    let body = (1...3).map(TestInput.prose)

    func json(_ fields: String) -> String { "{\(fields)}" }

    @Test func takesExplicitFieldsOverInference() throws {
        let text = (["Advertisement"] + body + ["You have read 3 articles this month."]).joined(separator: "\\n\\n")
        let a = try TestInput.article(json("""
        "url": "https://www.timesofisrael.com/x/", "title": "Aid to double", "published_at": "March 3, 2023",
        "authors": "Jane Doe and John Roe", "text": "\(text)"
        """), path: "a.json")
        #expect(a.format == .json)
        #expect(a.title == "Aid to double")
        #expect(a.paragraphs == body)
        #expect(a.removed == ["Advertisement", "You have read 3 articles this month."])
        #expect(a.publishedAt == "2023-03-03")
        #expect(a.publishedAtSource == .metadata)
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(a.publisher == "The Times of Israel")
    }

    @Test func acceptsBodyAndAnAuthorArrayAndDropsARepeatedTitle() throws {
        let text = (["Aid to double"] + body).joined(separator: "\\n\\n")
        let a = try TestInput.article(json("""
        "title": "Aid to double", "authors": ["Jane Doe", "John Roe"], "publisher": "reuters", "body": "\(text)"
        """), path: "a.json")
        #expect(a.paragraphs == body)
        #expect(a.authors == ["Jane Doe", "John Roe"])
        #expect(a.publisher == "Reuters")
    }

    @Test func namesTheFieldOfTheWrongType() {
        let e = TestInput.error(json("\"title\": 5, \"text\": \"\(body[0])\""), path: "a.json")
        #expect(e?.code == .wrongType)
        #expect(e?.message.contains("title") == true)
        #expect(TestInput.error(json("\"authors\": 5, \"text\": \"x\""), path: "a.json")?.message.contains("authors") == true)
    }

    @Test func reportsInvalidJSONAndMissingText() {
        #expect(TestInput.error("{\"title\": ", path: "a.json")?.code == .invalidJSON)
        #expect(TestInput.error(json("\"title\": \"x\""), path: "a.json")?.code == .noArticle)
        #expect(TestInput.error("[1, 2]", path: "a.json")?.code == .wrongType)
    }

    @Test func readsOneArticlePerNDJSONLineAndFailsBadLinesAlone() {
        let good = json("\"title\": \"Aid to double\", \"text\": \"\(body.joined(separator: "\\n\\n"))\"")
        let ndjson = [good, "", "{broken", json("\"title\": 7, \"text\": \"x\""), good].joined(separator: "\n")
        let results = TestInput.results(ndjson, path: "feed.ndjson")
        #expect(results.count == 4)
        #expect((try? results[0].get())?.title == "Aid to double")
        if case .failure(let e) = results[1] { #expect(e.code == .invalidJSON); #expect(e.line == 3) } else { Issue.record("line 3 should fail") }
        if case .failure(let e) = results[2] { #expect(e.code == .wrongType); #expect(e.line == 4) } else { Issue.record("line 4 should fail") }
        #expect((try? results[3].get())?.paragraphs == body)
        #expect(TestInput.results(good, path: "feed.jsonl").count == 1)
    }

    @Test func refusesInputAboveTheSizeLimit() {
        let n = Normalizer(options: NormalizerOptions(maxInputBytes: 10))
        if case .failure(let e) = n.normalize(Array(TestInput.story().utf8), sourcePath: "a.txt").first {
            #expect(e.code == .tooLarge)
        } else {
            Issue.record("expected tooLarge")
        }
    }
}
