import Testing
@testable import ArticleCore

@Suite struct BoilerplateTests {
    @Test func cutsTheTailWhereTheSupportAppealStarts() throws {
        let text = [TestInput.story(),
                    "Before you go",
                    "Independent journalism costs money. We rely on readers like you to keep our reporting free for everyone.",
                    "Become a member today for as little as $5 a month and help support our work.",
                    "Join Our Community", "Already a member? Sign in"].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.paragraphs == (1...4).map(TestInput.prose))
        #expect(a.removed.first == "Before you go")
        #expect(a.removed.count == 5)
    }

    @Test func cutsAPaywallCounterTail() throws {
        let text = TestInput.story() + "\n\nYou have read 4 articles this month.\nRegister to receive full access.\n\nIsrael is at war.\n\n"
            + "Every contribution, big or small, helps us remain a trusted source of news you can rely on."
        let a = try TestInput.article(text)
        #expect(a.paragraphs.count == 4)
        #expect(a.removed == ["You have read 4 articles this month.", "Register to receive full access.", "Israel is at war.",
                              "Every contribution, big or small, helps us remain a trusted source of news you can rely on."])
    }

    @Test func dropsInlineChromeButKeepsTheProseAroundIt() throws {
        let text = ["Ministers agree to widen the aid programme after long talks", TestInput.prose(1), "Advertisement",
                    TestInput.prose(2), "Read more: Ministers split over aid", TestInput.prose(3), "Share this article",
                    "Sign up for our daily newsletter", TestInput.prose(4)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.paragraphs == (1...4).map(TestInput.prose))
        #expect(a.removed == ["Advertisement", "Read more: Ministers split over aid", "Share this article",
                              "Sign up for our daily newsletter"])
    }

    @Test func dropsCookieNoticesAndRelatedLists() throws {
        let text = ["We use cookies to improve your experience. By continuing you accept our cookie policy.",
                    TestInput.story(paragraphs: 3), "Related:", "Aid talks stall again in Brussels", "Why the aid deal matters",
                    TestInput.prose(9)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.paragraphs == [1, 2, 3, 9].map(TestInput.prose))
        #expect(a.removed.contains("Aid talks stall again in Brussels"))
        #expect(a.removed.first?.hasPrefix("We use cookies") == true)
    }

    @Test func appealWordsInsideTheStoryDoNotCutIt() throws {
        let middle = "The charity said readers like you had donated more than expected, and that it would now become a member of the coalition."
        let text = [TestInput.story(paragraphs: 2), middle, TestInput.prose(3), TestInput.prose(4)].joined(separator: "\n\n")
        let a = try TestInput.article(text)
        #expect(a.paragraphs.count == 5)
        #expect(a.paragraphs.contains(middle))
    }

    @Test func dropsLearnedBoilerplateForThePublisher() throws {
        let learned = LineFingerprint.of("Follow the Daily Planet on Mastodon for updates")
        let options = NormalizerOptions(learnedBoilerplate: ["Daily Planet": [learned]])
        let text = [TestInput.story(paragraphs: 3), "Follow the  DAILY Planet on Mastodon for updates", TestInput.prose(4)]
            .joined(separator: "\n\n")
        let a = try TestInput.article(text, hint: "Daily Planet", options: options)
        #expect(a.publisher == "Daily Planet")
        #expect(a.paragraphs.count == 4)
        #expect(a.removed == ["Follow the DAILY Planet on Mastodon for updates"])
        let other = try TestInput.article(text, hint: "Other Paper", options: options)
        #expect(other.paragraphs.count == 5)
    }

    @Test func reportsAFileOfOnlyChromeAsNoArticle() {
        let e = TestInput.error("Sign in\n\nSubscribe\n\nAdvertisement\n\nJoin Our Community\n")
        #expect(e?.code == .noArticle)
        #expect(e?.message.contains("chrome") == true)
    }

    @Test func reportsShortLinesWithoutProseAsNoArticle() {
        let e = TestInput.error("Home\nWorld\nBusiness\nSport\n")
        #expect(e?.code == .noArticle)
    }
}

@Suite struct LearnedBoilerplateSafetyTests {
    @Test func learnedLinesNeverTakeTheWholeBody() throws {
        let body = [
            "The river rose two metres overnight and the county closed the lower bridge to all traffic until further notice.",
            "Residents of the lower town were asked to move cars and valuables to higher ground before the next high tide.",
        ]
        let text = (["Flood warning for the lower town"] + body).joined(separator: "\n\n")
        let plain = try Normalizer()
            .normalize(Array(text.utf8), sourcePath: "valleycourier/a.txt", publisherHint: "Valley Courier")[0].get()
        var options = NormalizerOptions()
        options.learnedBoilerplate = ["Valley Courier": Set(body.map(LineFingerprint.of))]
        let article = try Normalizer(options: options)
            .normalize(Array(text.utf8), sourcePath: "valleycourier/a.txt", publisherHint: "Valley Courier")[0].get()
        #expect(!article.paragraphs.isEmpty)
        #expect(article.paragraphs == plain.paragraphs)
    }
}
