@testable import ArticleCore
import Testing
import TextKit

/// `PhraseSet` must agree with searching each phrase on its own, word boundaries included.
@Suite struct PhraseSetTests {
    static let phrases = BoilerplateRules.prefixes + BoilerplateRules.chromeContains + BoilerplateRules.phrases
        + ["a", "-", "$", "(c) 20", "x-", "-y"]
    static let words = ["sign", "up", "for", "signed", "support", "us", "our", "journalism", "read", "more", ":", "-",
                        "a", "x", "y", "(c)", "2024", "20", "$", "5", "news", "letter", "newsletter", "é", "café", "donate",
                        "donated", "cookies", "we", "use", "min", "read.", "\"", "'", "© 2024"]

    @Test func agreesWithOnePhraseAtATime() {
        let folded = Self.phrases.map { Array(TextFold.fold($0).utf8) }
        let set = PhraseMatcher.PhraseSet(folded)
        var state: UInt64 = 7
        var hits = 0, opens = 0
        for round in 0..<4_000 {
            var line: [String] = []
            for _ in 0..<(1 + round % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line.append(Self.words[Int(state >> 33) % Self.words.count])
            }
            let text = TextFold.fold(line.joined(separator: round % 5 == 0 ? "" : " "))
            let bytes = Array(text.utf8)
            let hay = PhraseMatcher.Haystack(folded: text)
            let expected = folded.contains { hay.contains(foldedPhrase: $0) }
            #expect(set.occurs(in: bytes) == expected, "\(text)")
            let expectedOpens = folded.contains { p in
                bytes.starts(with: p) && !(PhraseMatcher.isWordByte(p[p.count - 1]) && bytes.count > p.count
                                           && PhraseMatcher.isWordByte(bytes[p.count]))
            }
            #expect(set.opens(bytes) == expectedOpens, "\(text)")
            if expected { hits += 1 }
            if expectedOpens { opens += 1 }
        }
        #expect(hits > 500 && hits < 3_500 && opens > 100)
        #expect(!set.occurs(in: []) && !set.opens([]))
    }

    @Test func countsAgreeWithCountingEachPhrase() {
        let phrases = ["sign up", "news", "newsletter", "a", "-", "$", "x-", "read more", "", "café", "$ 5"]
        var state: UInt64 = 11
        for round in 0..<2_000 {
            var line: [String] = []
            for _ in 0..<(1 + round % 30) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line.append(Self.words[Int(state >> 33) % Self.words.count])
            }
            let hay = PhraseMatcher.Haystack(line.joined(separator: round % 5 == 0 ? "" : " "))
            #expect(hay.counts(of: phrases) == phrases.map { hay.count(of: $0) })
        }
    }

    @Test func foundAgreesWithContains() {
        let needles = CaptionParser.labelBytes + [[], Array("a".utf8), Array("Photo".utf8)]
        for text in ["", "Photo: AP", "A caption. Photo by Jane Doe", "Credit...Getty", "Crédit : AFP", "aPhotograph by",
                     "no label here", "Photos:Photo credit:x", "Fotografía: EFE"] {
            #expect(ByteSearch.found(needles, in: text) == needles.map { ByteSearch.contains(text, $0) }, "\(text)")
        }
    }
}
