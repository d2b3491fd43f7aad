import Testing
@testable import ArticleCore

@Suite struct WordTokenTests {
    static func tokens(_ text: String) -> [WordToken] {
        let scalars = Array(text.unicodeScalars)
        return WordToken.tokens(scalars, 0..<scalars.count)
    }

    @Test func possessivesEndInOneApostropheWhicheverWasTyped() {
        let t = Self.tokens("Blinken's aide and Lumen\u{2019}s chief, \"Kent's\"")
        #expect(t.map(\.core) == ["Blinken\u{2019}s", "aide", "and", "Lumen\u{2019}s", "chief", "Kent\u{2019}s"])
        #expect(t.map(\.isPossessive) == [true, false, false, true, false, true])
        #expect(t[4].breakAfter)
    }

    @Test func aClosingApostropheIsPunctuationNotAPossessive() {
        let t = Self.tokens("the 'Herald' says")
        #expect(t.map(\.core) == ["the", "Herald", "says"])
        #expect(t.allSatisfy { !$0.isPossessive })
    }
}
