import Testing
@testable import ArticleCore

@Suite struct HeaderTests {
    @Test func readsAShortLowercaseLabelAboveTheHeadlineAsKicker() throws {
        let a = try TestInput.article("world news\n\n" + TestInput.story())
        #expect(a.kicker == "world news")
        #expect(a.title == "Ministers agree to widen the aid programme after long talks")
    }

    @Test func doesNotTakeAHeadlineForAKicker() throws {
        let a = try TestInput.article(TestInput.story())
        #expect(a.kicker == nil)
        #expect(a.title == "Ministers agree to widen the aid programme after long talks")
    }

    @Test func readsAOneSentenceStandfirstSetApartByAPhotoAsDek() throws {
        let dek = "The minister says the programme will double by the end of the year, a step allies have long demanded of Brussels."
        let text = ["Ministers agree to widen the aid programme", dek,
                    "The minister speaks in Brussels. (AP Photo/Virginia Mayo)", TestInput.prose(1), TestInput.prose(2)]
            .joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.dek == dek)
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
    }

    @Test func readsAShortStandfirstDirectlyUnderTheHeadlineAsDek() throws {
        let dek = "A deal that was months in the making finally comes together."
        let a = try TestInput.article(["Ministers agree to widen the aid programme", dek, TestInput.prose(1), TestInput.prose(2)]
            .joined(separator: "\n\n"))
        #expect(a.dek == dek)
    }

    @Test func keepsALedeFollowedByAPhotoInTheBody() throws {
        let text = ["Ministers agree to widen the aid programme", "The government said on Tuesday it would double aid to the region by the end of the year.",
                    "The minister speaks in Brussels. (AP Photo/Virginia Mayo)", TestInput.prose(1), TestInput.prose(2)]
            .joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.dek == nil)
        #expect(a.paragraphs.count == 3)
    }

    @Test func keepsALongLedeInTheBody() throws {
        let lede = "In a further sign of a shifting stance on the war, the government on Wednesday sent helmets and flak jackets that the ministry said will be given to rescue forces and civilian groups."
        let a = try TestInput.article(["Ministers agree to widen the aid programme", lede, TestInput.prose(1)].joined(separator: "\n\n"))
        #expect(a.dek == nil)
        #expect(a.paragraphs.first == lede)
    }

    @Test func findsTheHeadlineBelowNavigationJunk() throws {
        let nav = ["Home", "News", "World", "Business", "Opinion", "Sport", "Culture", "Subscribe", "Sign in", "Search"]
        let text = nav.joined(separator: "\n") + "\n\n" + TestInput.story()
        let a = try TestInput.article(text)
        #expect(a.title == "Ministers agree to widen the aid programme after long talks")
        #expect(a.paragraphs.count == 4)
        #expect(a.removed.contains("Home"))
        #expect(a.removed.contains("Culture"))
    }

    @Test func readsBylinesAndPublishedLines() throws {
        let text = ["Ministers agree to widen the aid programme after long talks", "By Jane Doe and John Roe, Reuters",
                    "Published March 3, 2023 10:42 GMT", "Updated March 4, 2023", TestInput.prose(1), TestInput.prose(2),
                    "Reporting by Pavel Polityuk; Additional reporting by Anna Smith; Editing by Mark Heinrich"]
            .joined(separator: "\n\n")
        let a = try TestInput.article(text)
        // Additional reporters and editors are credited, not authors.
        #expect(a.authors == ["Jane Doe", "John Roe", "Pavel Polityuk"])
        #expect(a.publishedAt == "2023-03-03")
        #expect(a.publishedAtSource == .byline)
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
    }

    @Test(arguments: [
        ("KYIV, March 3 (Reuters) - Ukraine said on Friday it had repelled attacks.", "KYIV", "Reuters"),
        ("JERUSALEM (AP) \u{2014} Israel said on Friday it had repelled attacks.", "JERUSALEM", "AP"),
        ("TEL AVIV, Israel \u{2013} Officials said on Friday they had repelled attacks.", "TEL AVIV, Israel", nil),
        ("CALDWELL, Ohio (AP) \u{2014} Officials said on Friday they had repelled attacks.", "CALDWELL, Ohio", "AP"),
        ("Hamburg (dpa) - Der Hafen meldete am Freitag, man habe die Angriffe repelled attacks.", "Hamburg", "dpa"),
    ])
    func stripsTheDatelineFromTheFirstParagraph(paragraph: String, place: String, agency: String?) {
        let d = DatelineParser.parse(paragraph)
        #expect(d?.place == place)
        #expect(d?.agency == agency)
        #expect(d?.rest.hasSuffix("repelled attacks.") == true)
        #expect(d?.rest.first?.isUppercase == true)
    }

    @Test func readsBylinesInOtherLanguagesAndAllCaps() {
        #expect(BylineParser.authors(in: "By  MARIKO ISHIDA AND HARUKA TOMITA") == ["Mariko Ishida", "Haruka Tomita"])
        #expect(BylineParser.authors(in: "Par Sophie Garnier et Karim Belkacem") == ["Sophie Garnier", "Karim Belkacem"])
        #expect(BylineParser.authors(in: "Von Katrin Vogel, WF") == ["Katrin Vogel"])
        #expect(BylineParser.authors(in: "Posted by Dana Whitaker on April 9, 2024 at 6:30 AM") == ["Dana Whitaker"])
        #expect(BylineParser.authors(in: "By Valentina Rojas | Mar 6, 2024 | 4 min read") == ["Valentina Rojas"])
        #expect(BylineParser.authors(in: "By signing up you agree to our Terms of Use and Privacy Policy.") == nil)
    }

    @Test func readsPublishedStampsInSeveralForms() {
        let cases: [(String, String)] = [
            ("March 3, 20245:42 AM GMT+1Updated 2 hours ago", "2024-03-03"),
            ("Tue 5 Mar 2024 14.32 GMT", "2024-03-05"),
            ("Stand: 16.04.2024 16:45 Uhr", "2024-04-16"),
            ("Publié le 27 mars 2024 à 10h12, modifié le 28 mars 2024 à 16h30", "2024-03-27"),
            ("Barcelona - 13 feb 2024 - 05:40 CET", "2024-02-13"),
            ("Published 19 February 2024", "2024-02-19"),
        ]
        for (line, iso) in cases {
            #expect(PublishedLineParser.parse(line)?.date.iso == iso, "\(line)")
        }
        #expect(PublishedLineParser.parse("Elections set for March 3, 2024 in the north") == nil)
    }

    @Test func doesNotTakeTheLastMenuEntryForAKicker() throws {
        let a = try TestInput.article("Home\nNews\nSport\nLocal News\n\n" + TestInput.story())
        #expect(a.kicker == nil)
        #expect(a.removed.contains("Local News"))
    }

    @Test func leavesMixedCaseOpeningsAlone() {
        #expect(DatelineParser.parse("Earlier, officials said - without evidence - that it was over.") == nil)
    }

    @Test func takesTheWireAgencyOfTheDatelineAsPublisher() throws {
        let text = ["Ukraine says it repelled attacks near Bakhmut overnight",
                    "KYIV, March 3 (Reuters) - " + TestInput.prose(1), TestInput.prose(2)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.dateline == "KYIV")
        #expect(a.paragraphs.first == TestInput.prose(1))
        #expect(a.publisher == "Reuters")
    }

    @Test(arguments: ["WORLD", "world news", "Opinion", "US POLITICS: 2024", "ÉCONOMIE", "économie", "Économie", "2024",
                      "", "— ", "МИР", "мир", "Мир", "東京", "ǅungla", "ª", "news ÉTÉ", "BREAKING — ЭКСКЛЮЗИВ", "naïve", "İSTANBUL"])
    func aLabelHasAllItsLettersInOneCase(text: String) {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        let expected = !letters.isEmpty
            && (letters.allSatisfy { $0.properties.isLowercase } || letters.allSatisfy { $0.properties.isUppercase })
        #expect(PageLayout.isLabel(text) == expected)
    }
}
