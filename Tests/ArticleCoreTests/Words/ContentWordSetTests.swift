@testable import ArticleCore
import Testing
import TextKit

/// `ContentWordSet` must find the same words, and the same overlap, as splitting the folded lines into
/// `Substring`s and keeping them in a `Set` (what the headline model did before), non-ASCII words included.
@Suite struct ContentWordSetTests {
    /// The `Substring` reading: on ASCII lines runs of [a-z0-9] of four bytes or more, elsewhere runs of
    /// letter or number `Character`s of four `Character`s or more.
    static func referenceWords(_ folded: String) -> [Substring] {
        folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 4 }
    }

    static let words = [
        "harbour", "ferry", "terminal", "the", "delay", "2024", "1999s", "covid-19", "über", "straße", "strasse",
        "café", "cafe\u{301}", "cafe", "naïve", "naive", "niño", "año", "москва", "город", "東京都庁舎", "العربية",
        "x", "abc", "abcd", "ABCD", "Déjà", "e\u{301}te\u{301}", "été", "\u{1F600}word", "wo\u{200D}rd", "don't",
        "well-known", "“quoted”", "—", "...", "résumé", "resume", "ﬁnance", "finance",
    ]

    static func lines(seed: UInt64, count: Int) -> [String] {
        var state = seed
        var lines: [String] = []
        for round in 0..<count {
            var line: [String] = []
            for _ in 0..<(1 + round % 14) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                line.append(words[Int(state >> 33) % words.count])
            }
            // Some lines only ASCII, some with other scalars, some glued without spaces.
            let text = line.joined(separator: round % 7 == 0 ? "" : round % 5 == 0 ? ", " : " ")
            lines.append(TextFold.fold(round % 3 == 0 ? String(text.unicodeScalars.filter(\.isASCII)) : text))
        }
        return lines
    }

    @Test func holdsTheWordsASubstringSetHolds() {
        let lines = Self.lines(seed: 11, count: 600)
        var insideASCII = 0
        for start in stride(from: 0, to: lines.count - 3, by: 3) {
            var set = ContentWordSet()
            var reference = Set<Substring>()
            for line in lines[start..<(start + 3)] {
                set.insertWords(of: line)
                reference.formUnion(Self.referenceWords(line))
            }
            #expect(set.count == reference.count, "\(lines[start..<(start + 3)])")
            for line in lines[(start + 3)...].prefix(6) {
                let words = Self.referenceWords(line)
                let shared = words.filter { reference.contains($0) }.count
                let got = set.overlap(line)
                #expect(got.words == words.count && got.shared == shared, "\(line)")
                if shared > 0 && line.utf8.allSatisfy({ $0 < 0x80 }) { insideASCII += 1 }
            }
        }
        #expect(insideASCII > 50)
    }

    @Test func aWordMatchesItsCanonicallyEquivalentSpelling() {
        var set = ContentWordSet()
        set.insertWords(of: TextFold.fold("Le café des étés"))
        #expect(set.count == 2)
        #expect(set.overlap(TextFold.fold("Un cafe\u{301} des e\u{301}te\u{301}s")) == (words: 2, shared: 2))
        #expect(set.overlap("un cafe des etes") == (words: 2, shared: 0))
    }

    @Test func repeatsCountInTheLineButNotInTheSet() {
        var set = ContentWordSet()
        set.insertWords(of: "ferry ferry ferry terminal 2024 abc")
        #expect(set.count == 3)
        #expect(set.overlap("ferry, ferry and the new terminal 2025") == (words: 4, shared: 3))
        #expect(set.overlap("") == (words: 0, shared: 0))
    }

    @Test func growsPastItsFirstTable() {
        var set = ContentWordSet()
        let many = (0..<500).map { "word\($0)" }
        set.insertWords(of: many.joined(separator: " "))
        #expect(set.count == 500)
        #expect(set.overlap(many.reversed().joined(separator: " ")) == (words: 500, shared: 500))
        #expect(set.overlap("word500 word5000") == (words: 2, shared: 0))
    }
}
