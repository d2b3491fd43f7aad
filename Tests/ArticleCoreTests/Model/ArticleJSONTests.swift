import Foundation
import Testing
@testable import ArticleCore

@Suite struct ArticleJSONTests {
    let article = Article(
        sourcePath: "inbox/reuters/a.txt", format: .text, title: "Tab\there \"quoted\" \\ caf\u{E9}", kicker: nil,
        dek: "line\nbreak \u{1}", authors: ["A. Writer"], publishedAt: "2023-03-03", publishedAtSource: .byline,
        publisher: "Reuters", paragraphs: ["One.", "Two \u{05E9}\u{05DC}\u{05D5}\u{05DD}"],
        captions: [Caption(text: "Pic", credit: nil)], quotes: [Quote(text: "Hello there my friend", speaker: "Ann")],
        removed: ["Advertisement"], wordCount: 3, contentHash: "ab", simhash: 0x1F)

    @Test func writesTheContractFieldsInTheContractOrder() {
        let json = ArticleJSON.encode(article)
        let keys = ["source_path", "format", "title", "kicker", "dek", "authors", "dateline", "published_at",
                    "published_at_source", "publisher", "url", "language", "paragraphs", "captions", "quotes",
                    "removed", "word_count", "content_hash", "simhash"]
        var last = json.startIndex
        for key in keys {
            let r = json.range(of: "\"\(key)\":", range: last..<json.endIndex)
            #expect(r != nil, "missing or out of order: \(key)")
            if let r { last = r.upperBound }
        }
        #expect(!json.contains("\n"))
        #expect(json.contains("\"kicker\":null"))
        #expect(json.contains("\"simhash\":\"000000000000001f\""))
        #expect(json.contains("\"captions\":[{\"text\":\"Pic\",\"credit\":null}]"))
        #expect(json.contains("\"quotes\":[{\"text\":\"Hello there my friend\",\"speaker\":\"Ann\"}]"))
    }

    @Test func escapesControlCharactersAndKeepsNonASCII() {
        let json = ArticleJSON.encode(article)
        #expect(json.contains("Tab\\there \\\"quoted\\\" \\\\ caf\u{E9}"))
        #expect(json.contains("line\\nbreak \\u0001"))
        #expect(json.contains("\u{05E9}\u{05DC}\u{05D5}\u{05DD}"))
    }

    @Test func roundTripsThroughJSONSerialization() throws {
        let object = try JSONSerialization.jsonObject(with: Data(ArticleJSON.encode(article).utf8)) as? [String: Any]
        #expect(object?["title"] as? String == article.title)
        #expect(object?["dek"] as? String == article.dek)
        #expect(object?["word_count"] as? Int == 3)
        #expect(object?["published_at_source"] as? String == "byline")
    }
}
