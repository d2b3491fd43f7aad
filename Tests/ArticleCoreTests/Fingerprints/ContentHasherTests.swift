import Foundation
import Testing
@testable import ArticleCore

@Suite struct ContentHasherTests {
    @Test func sameStoryInAnotherWrapperHashesTheSame() throws {
        let body = (1...4).map(TestInput.prose)
        let plain = try TestInput.article(TestInput.story())
        let wrapped = try TestInput.article(
            "Home\nWorld\nNews\n\nupdate desk\n\nA completely different headline for the same story today\n\n"
                + "A rescue team at work. (AP Photo/Jane Roe)\n\n"
                + body.map { $0.replacingOccurrences(of: " ", with: "   ") }.joined(separator: "\n\n")
                + "\n\nAdvertisement\n\nYou have read 3 articles this month.\nSubscribe now for full access.")
        #expect(plain.paragraphs == body)
        #expect(wrapped.paragraphs == body)
        #expect(plain.contentHash == wrapped.contentHash)
        #expect(plain.simhash == wrapped.simhash)
    }

    @Test func foldsCaseQuotesDashesAndWhitespace() {
        let a = ContentHasher.contentHash(["\u{201C}It\u{2019}s over \u{2014} now,\u{201D} she said.  "])
        let b = ContentHasher.contentHash(["\"it's OVER - now,\"\tshe said."])
        #expect(a == b)
        #expect(ContentHasher.canonicalBody(["A  B", "C\u{A0}D"]) == "a b\nc d")
        #expect(a == SHA256.hex(Array("\"it's over - now,\" she said.".utf8)))
    }

    @Test func differentStoriesHashDifferently() {
        #expect(ContentHasher.contentHash(["One story."]) != ContentHasher.contentHash(["Another story."]))
    }

    @Test func nearDuplicatesHaveCloseSimhashes() {
        let base = (1...8).map(TestInput.prose)
        var edited = base
        edited[3] = edited[3].replacingOccurrences(of: "several", with: "a few")
        let unrelated = (1...8).map { "Completely unrelated sports report number \($0) about a football match in the rain with goals." }
        let d1 = ContentHasher.distance(ContentHasher.simhash(base), ContentHasher.simhash(edited))
        let d2 = ContentHasher.distance(ContentHasher.simhash(base), ContentHasher.simhash(unrelated))
        #expect(d1 < 10)
        #expect(d2 > 16)
    }

    @Test func simhashIsStableAcrossRuns() {
        // Pinned: a seeded hash would change this value from process to process.
        #expect(ContentHasher.simhash(["the quick brown fox jumps over the lazy dog"]) == ContentHasher.simhash(["The quick brown fox jumps over the lazy dog."]))
        #expect(ContentHasher.simhash(["the quick brown fox"]) == 13_846_884_952_123_121_792)
        #expect(StableHash.fnv1a(Array("a".utf8)) == 0xaf63dc4c8601ec8c)
    }

    @Test func countsWordsInTheParagraphs() {
        #expect(ContentHasher.wordCount(["Two words", "and \u{2014} three more"]) == 5)
        #expect(ContentHasher.wordCount([]) == 0)
    }

    @Test func fingerprintsLinesStablyAndFoldsCaseSpaceAndDigits() {
        #expect(LineFingerprint.of("You have read 3 articles this month.") == LineFingerprint.of("you  have read 7 articles THIS month."))
        #expect(LineFingerprint.of("Join our community") != LineFingerprint.of("Join our team"))
        #expect(LineFingerprint.of("a") == Int64(bitPattern: 0xaf63dc4c8601ec8c))
    }
}
