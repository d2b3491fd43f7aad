@testable import ArticleCore
import Testing
import TextKit

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("The government said that it was ready to send more aid to the region and that the talks were over.", "en"),
        ("Die Regierung hat am Montag mitgeteilt, dass sie nicht mit der Opposition sprechen wird und auch keine Pläne hat.", "de"),
        ("Le gouvernement a annoncé que les négociations sont terminées et que la décision est prise pour cette année.", "fr"),
        ("El gobierno dijo que las negociaciones con los países vecinos no han terminado y que la decisión es para el año.", "es"),
        ("Il governo ha detto che la decisione non è stata presa e che le trattative con gli alleati sono ancora in corso.", "it"),
        ("Правительство заявило, что переговоры не закончены и что это решение было принято уже в этом году.", "ru"),
        ("Уряд заявив, що переговори не завершені і що це рішення було ухвалене вже цього року, а також інші.", "uk"),
        ("הממשלה הודיעה כי המשא ומתן לא הסתיים וכי ההחלטה של השר היא גם על כל הצדדים.", "he"),
        ("قالت الحكومة في بيان إن المفاوضات لم تنته وإن القرار الذي اتخذ هذا العام على الطاولة.", "ar"),
        ("", "en"),
    ])
    func detectsTheLanguageOfATextSample(text: String, language: String) {
        #expect(LanguageDetector.detect([text]) == language)
    }

    /// The byte path must tally exactly as the Character path on every text it accepts.
    @Test func latinScriptTallyMatchesTheCharacterTally() throws {
        let fixtures = try TestInput.fixtureTexts()
        var accepted = 0
        for text in fixtures {
            let paragraphs = text.split(separator: "\n").map(String.init)
            if let fast = LanguageDetector.latinScriptTally(paragraphs) {
                accepted += 1
                #expect(fast == LanguageDetector.characterTally(paragraphs))
            }
        }
        #expect(accepted * 2 > fixtures.count)

        // Random text from letters, stop words, punctuation and the awkward scalars at the edge of the
        // byte path; long enough to hit the byte budget (mid-scalar) and the word limit.
        let pieces = ["the", "The", "und", "été", "ÉTÉ", "più", "também", "não", "L'été", "it's", "a", "e", "o",
                      " ", "  ", "\n", "\r\n", "\t", ",", ".", "'", "\u{2019}", "\u{2014}", "\u{201C}", "-", "3", "42",
                      "é", "ß", "Ä", "ÿ", "Ÿ", "µ", "ª", "º", "\u{AD}", "\u{2C6}", "\u{250}", "\u{2B0}", "ǅ",
                      "\u{85}", "\u{7F}", "\u{20AC}", "\u{2030}", "Straße", "ÀÖØ", "×÷",
                      /* outside the byte path: */ "\u{301}", "\u{200D}", "İ", "ẞ"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var fastRounds = 0
        for round in 0..<400 {
            // Every tenth round may draw the scalars that force the Character path.
            let drawn = round % 10 == 0 ? pieces.count : pieces.count - 4
            var texts: [String] = []
            for _ in 0..<(1 + round % 5) {
                var text = ""
                let length = round % 7 == 0 ? 9_000 : 40 + round % 300
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    text += pieces[Int(state >> 33) % drawn]
                }
                texts.append(text)
            }
            if let fast = LanguageDetector.latinScriptTally(texts) {
                fastRounds += 1
                #expect(fast == LanguageDetector.characterTally(texts), "round \(round)")
            }
        }
        #expect(fastRounds >= 360)
    }

    @Test func latinStopWordsFitTheByteTable() {
        for lang in LanguageDetector.latinLanguages {
            for word in LanguageDetector.stopWords[lang]! {
                #expect(word.utf8.count <= 8 && word.unicodeScalars.allSatisfy { PlainText.isPlain($0.value) }, "\(word)")
            }
        }
    }
}
