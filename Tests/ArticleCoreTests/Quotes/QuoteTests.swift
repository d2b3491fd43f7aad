import Testing
@testable import ArticleCore

@Suite struct QuoteTests {
    func quotes(_ paragraphs: String...) -> [Quote] { QuoteExtractor.quotes(in: paragraphs) }

    @Test func attributesToTheNameBeforeTheVerb() {
        #expect(quotes("\u{201C}We will keep supporting Ukraine for as long as it takes,\u{201D} Blinken said on Tuesday.")
            == [Quote(text: "We will keep supporting Ukraine for as long as it takes", speaker: "Blinken")])
    }

    @Test func attributesToTheNameAfterTheVerb() {
        #expect(quotes("\"This is a turning point for the region,\" said Antony Blinken, the secretary of state.")
            == [Quote(text: "This is a turning point for the region", speaker: "Antony Blinken")])
    }

    @Test func attributesFrenchQuotesToTheNameAfterAnInvertedVerb() {
        #expect(quotes("« Personne ne nous a prévenus avant la fermeture du port », regrette Camille Rousset-Martin, qui loue des kayaks.").first?.speaker
            == "Camille Rousset-Martin")
        #expect(quotes("« Les chiffres seront publiés à la fin du mois », a précisé Hugo Delarue au téléphone.").first?.speaker
            == "Hugo Delarue")
    }

    @Test func dropsTheTitleFromTheSpeakerName() {
        #expect(quotes("\u{201C}We are ready to help our friends,\u{201D} said Prime Minister Benjamin Netanyahu.").first?.speaker
            == "Benjamin Netanyahu")
    }

    @Test func attributesAQuoteIntroducedByAColon() {
        #expect(quotes("Zelensky told lawmakers: \u{201C}You can definitely help our people.\u{201D}").first?.speaker == "Zelensky")
        #expect(quotes("According to Scholz, \u{201C}the decision was taken together with our allies.\u{201D}").first?.speaker == "Scholz")
    }

    @Test func resolvesHeToTheMostRecentlyNamedPerson() {
        let q = quotes("Ukrainian President Volodymyr Zelensky addressed parliament on Sunday.",
                       "Zelensky and other officials have asked for air defense.",
                       "\u{201C}Everybody knows your systems are the best,\u{201D} he told the Knesset. \u{201C}You can definitely help our people.\u{201D}")
        #expect(q.map(\.speaker) == ["Zelensky", "Zelensky"])
    }

    @Test func resolvesShePastPlacesAndInstitutions() {
        let q = quotes("Foreign Minister Annalena Baerbock met her counterpart in Kyiv, and the Kremlin said nothing.",
                       "\u{201C}Germany stands firmly with Ukraine today,\u{201D} she said.")
        #expect(q.first?.speaker == "Annalena Baerbock")
    }

    @Test func creditsAPublicationAsTheTimes() {
        #expect(quotes("\u{201C}The Pentagon has turned to two alternative supplies of shells,\u{201D} the Times reported.").first?.speaker
            == "the Times")
    }

    @Test func leavesTheSpeakerNullWhenOnlyARoleIsGiven() {
        #expect(quotes("\u{201C}We are monitoring the situation very closely,\u{201D} an official said.").first?.speaker == nil)
        #expect(quotes("\u{201C}We are monitoring the situation very closely.\u{201D}").first?.speaker == nil)
    }

    @Test func ignoresShortAndWovenInFragments() {
        #expect(quotes("He called it \u{201C}a dangerous and reckless escalation of the war\u{201D} on Monday.").isEmpty)
        #expect(quotes("The plan, dubbed \u{201C}Iron Wall,\u{201D} was shelved.").isEmpty)
        #expect(quotes("\u{201C}No comment,\u{201D} he said.").isEmpty)
    }

    @Test func findsStraightQuotesToo() {
        #expect(quotes("\"We will rebuild every single town,\" Zelensky said.").first
            == Quote(text: "We will rebuild every single town", speaker: "Zelensky"))
    }

    @Test func aHugeUnclosedQuoteGivesAtMostOneQuote() {
        let huge = "\u{201C}" + String(repeating: "word ", count: 200_000)
        #expect(QuoteExtractor.quotes(in: [huge]).count <= 1)
    }
}
