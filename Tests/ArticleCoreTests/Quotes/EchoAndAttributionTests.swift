import Testing
@testable import ArticleCore

@Suite struct EchoAndAttributionTests {
    @Test func dropsAPullQuoteThatRepeatsBodyText() throws {
        let body = "\u{201C}Now it is more like visiting someone in the hospital,\u{201D} said Urs Gerber, who has guided visitors on the glacier for thirty years."
        let text = [TestInput.story(paragraphs: 2), "\u{201C}Now it is more like visiting someone in the hospital.\u{201D}", body,
                    TestInput.prose(3)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2), body, TestInput.prose(3)])
        #expect(a.quotes.first?.speaker == "Urs Gerber")
    }

    @Test func dropsTheAuthorBioAtTheEnd() throws {
        let text = ["Ministers agree to widen the aid programme after long talks", "By Clara Baumann", TestInput.prose(1),
                    TestInput.prose(2), "Clara Baumann is a writer based in Zurich. Her book will be published next year."]
            .joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.authors == ["Clara Baumann"])
        #expect(a.paragraphs == [TestInput.prose(1), TestInput.prose(2)])
    }

    @Test func readsNameOnlyBylinesUnderTheHeadline() throws {
        let text = ["Ministers agree to widen the aid programme after long talks", "Helen Marsh", "Environment correspondent",
                    "Tue 5 Mar 2024 14.32 GMT", TestInput.prose(1), TestInput.prose(2)].joined(separator: "\n")
        let a = try TestInput.article(text)
        #expect(a.authors == ["Helen Marsh"])
        #expect(a.publishedAt == "2024-03-05")
        #expect(a.paragraphs.count == 2)
    }

    @Test(arguments: [
        ("\u{201C}People think of a library as books and nothing else,\u{201D} said branch director Karen Whitlatch.", "Karen Whitlatch"),
        ("\u{201C}This is money that is meant for the poorest children,\u{201D} said the charity\u{2019}s director, Tom Aldridge.", "Tom Aldridge"),
        ("\u{201C}We rebuilt the gallery in a little over a week,\u{201D} chief executive Taras Bondarenko told Reuters.", "Taras Bondarenko"),
        ("\u{201C}We have raised pay twice this year already,\u{201D} Mr. Kowalski said.", "Kowalski"),
        ("\u{201C}We designed the phone from the start,\u{201D} Lumen's head of hardware, Sofia Lindgren, told me.", "Sofia Lindgren"),
        ("\u{201E}Wer heute pendelt, ist mit dem Rad schneller\u{201C}, sagte Verkehrsministerin Petra Albers bei der Er\u{F6}ffnung.", "Verkehrsministerin Petra Albers"),
        ("\u{201C}No es la soluci\u{F3}n que queremos ahora\u{201D}, ha declarado el portavoz del Gobierno catal\u{E1}n, Jordi Puig, en rueda de prensa.", "Jordi Puig"),
    ])
    func attributesQuotesWithRolesAroundTheName(paragraph: String, speaker: String) {
        #expect(QuoteExtractor.quotes(in: [paragraph]).first?.speaker == speaker)
    }

    @Test func resolvesAPronounToAPersonIntroducedInApposition() {
        let q = QuoteExtractor.quotes(in: [
            "Anne Holroyd, who relies on buses to get to work, said her route had been cut twice. \"I just want a bus that turns up,\" she said.",
        ])
        #expect(q.first?.speaker == "Anne Holroyd")
    }

    @Test(arguments: [
        ("Workers repair a conveyor gallery near Pivdenne, Ukraine, March 1, 2024. REUTERS/Stringer Purchase Licensing Rights, opens new tab",
         "Workers repair a conveyor gallery near Pivdenne, Ukraine, March 1, 2024.", "REUTERS/Stringer"),
        ("Des ceps de vigne arrach\u{E9}s \u{E0} Montbrun, le 21 mars 2024. IDRISS BENALI / AFP",
         "Des ceps de vigne arrach\u{E9}s \u{E0} Montbrun, le 21 mars 2024.", "IDRISS BENALI / AFP"),
        ("El embalse de Sau, con el campanario al descubierto, el 10 de febrero. Albert Garc\u{ED}a (EFE)",
         "El embalse de Sau, con el campanario al descubierto, el 10 de febrero.", "Albert Garc\u{ED}a (EFE)"),
        ("A new fourplex under construction in Maple Grove, Minn.Credit...Jenna Ackroyd for The Lakeside Herald",
         "A new fourplex under construction in Maple Grove, Minn.", "Jenna Ackroyd for The Lakeside Herald"),
    ])
    func splitsCreditsOfOtherLayouts(line: String, text: String, credit: String) {
        #expect(CaptionParser.parse(CaptionParser.strippingWidgets(line)) == Caption(text: text, credit: credit))
    }

    @Test func readsBroadcasterImageSourceAndCaptionLines() throws {
        let text = ["Lighthouse keeper's cottage saved by community buyout", "Image source,\nButt of Lewis Trust\nImage caption,\nThe cottage has been empty since 1998",
                    TestInput.prose(1), TestInput.prose(2)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.captions == [Caption(text: "The cottage has been empty since 1998", credit: "Butt of Lewis Trust")])
        #expect(a.paragraphs.count == 2)
    }
}
