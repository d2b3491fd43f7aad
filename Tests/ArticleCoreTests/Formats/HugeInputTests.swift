import Testing
@testable import ArticleCore

/// Huge inputs must come out as sensible articles, not crash. Their speed is measured by the
/// benchmark, not here: timed assertions on a shared machine only measure the neighbours.
@Suite struct HugeInputTests {
    @Test func aFiveMegabyteSingleLineBecomesOneLongParagraph() throws {
        let sentence = "The \u{201C}talks\u{201D} went on, officials said, and nobody \u{2014} not even the minister \u{2014} knew why. "
        let line = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count)
        let result = Normalizer().normalize(Array(("Huge headline for a huge line\n\n" + line).utf8), sourcePath: "big.txt")
        let article = try result[0].get()
        #expect(article.title == "Huge headline for a huge line")
        #expect(article.wordCount > 500_000)
    }

    @Test func tenMegabytesOfParagraphsKeepEveryParagraph() throws {
        let paragraphs = (0..<50_000).map(TestInput.prose)
        let input = Array((["Headline of a very long document"] + paragraphs).joined(separator: "\n\n").utf8)
        #expect(input.count > 8_000_000)
        let article = try Normalizer().normalize(input, sourcePath: "l.txt")[0].get()
        #expect(article.paragraphs.count >= 49_000)
    }
}
