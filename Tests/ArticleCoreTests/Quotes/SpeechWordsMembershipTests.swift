@testable import ArticleCore
import Testing
import TextKit

/// The byte-keyed vocabulary lookup of the person index must answer as the String sets do.
@Suite struct SpeechWordsMembershipTests {
    /// What `membership(lower:)` must return: each set asked with the word or the word without full stops.
    static func expected(_ lower: String) -> SpeechWords.Membership {
        let bare = lower.trimmingPeriods
        var m: SpeechWords.Membership = []
        if SpeechWords.verbs.contains(lower) { m.insert(.verb) }
        if SpeechWords.nameParticles.contains(lower) { m.insert(.nameParticle) }
        if PersonIndex.notPeople.contains(lower) { m.insert(.notPerson) }
        if SpeechWords.appositionOpeners.contains(lower) { m.insert(.appositionOpener) }
        if lower == "the" || PersonIndex.affiliationWords.contains(lower) { m.insert(.affiliationOpener) }
        if SpeechWords.personTitles.contains(bare) { m.insert(.personTitle) }
        if SpeechWords.titles.contains(bare) { m.insert(.title) }
        if SpeechWords.institutions.contains(bare) { m.insert(.institution) }
        if SpeechWords.roleNouns.contains(bare) { m.insert(.roleNoun) }
        return m
    }

    @Test func everyVocabularyWordAndItsVariantsAnswerAsTheSets() {
        var words = Array(SpeechWords.memberships.keys)
        words += words.flatMap { [$0 + ".", "." + $0, $0 + "..", $0 + "s", String($0.dropLast())] }
        words += ["", ".", "...", "u.s.", "mr.", "dr.", "gen.", "president.", "x", "said", "déclaré", "erklärte",
                  "de\u{301}clare\u{301}", "ha detto", "defense minister", "a-very-long-ascii-word-indeed", "ministers"]
        for word in words {
            #expect(SpeechWords.membership(lower: word) == Self.expected(word), "\(word)")
        }
    }

    @Test func asciiWordsOfAnyCaseAndLengthAnswerAsTheSets() {
        var state: UInt64 = 3
        let letters = Array("aeinorstdlmuhcpgwy.-'".utf8)
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 1 + Int(state >> 60)
            var bytes: [UInt8] = []
            for k in 0..<length { bytes.append(letters[Int((state >> UInt64(3 * k % 58)) & 0x1F) % letters.count]) }
            let word = String(decoding: bytes, as: UTF8.self)
            #expect(SpeechWords.membership(lower: word) == Self.expected(word), "\(word)")
        }
    }

    @Test func tokensLowercaseAsStringDoesForASCIIAndOtherScripts() {
        for word in ["Blinken", "blinken", "U.S.", "NATO", "McDonald", "Zelensky", "Émile", "ÉTÉ", "İstanbul", "ǅemal",
                     "Straße", "ΣΟΦΙΑ", "x", "A"] {
            let (core, lower) = WordToken.coreAndLower(ArraySlice(Array(word.unicodeScalars)))
            #expect(core == word)
            #expect(lower == word.lowercased())
            #expect(Array(lower.utf8) == Array(word.lowercased().utf8))
        }
    }
}
