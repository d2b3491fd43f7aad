import Testing
@testable import ArticleCore

@Suite struct TitleModelTests {
    static let headline = "Harbour authority approves new ferry terminal after years of delay"
    static let lede = [
        "The harbour authority approved the new ferry terminal on Tuesday, ending a delay of almost six years "
            + "that had left commuters waiting for a decision on the crossing.",
        "The terminal will replace the old ferry pier, which engineers closed last spring after finding cracks "
            + "in its supports, and is expected to open to passengers within three years.",
        "Residents who had campaigned for the terminal welcomed the vote, although some said the authority "
            + "still had to explain how the building work would affect traffic in the harbour district.",
    ]

    static func page(_ lines: [String]) -> String { lines.joined(separator: "\n\n") }

    @Test func generatedWeightsMatchTheFeatureVector() {
        #expect(TitleModel.weights.count == TitleFeatures.names.count)
        let rows = TitleModel.candidateRows(text: Self.page([Self.headline, "By Helen Marsh"] + Self.lede))
        #expect(rows.count == 1)
        #expect(rows.allSatisfy { $0.features.count == TitleFeatures.names.count })
    }

    @Test func theDumpListsEveryCandidateBeforeTheProseWithItsLineNumber() {
        let text = Self.page(["Local news for the coast and the valleys", Self.headline, "By Helen Marsh"] + Self.lede)
        let rows = TitleModel.candidateRows(text: text)
        #expect(rows.map(\.text) == ["Local news for the coast and the valleys", Self.headline])
        #expect(rows.map(\.line) == [1, 3])
    }

    @Test func aBrowserNoticeAboveTheHeadlineIsNotTheHeadline() throws {
        let notice = "The Coast Courier no longer supports Internet Explorer 9 or earlier versions Please upgrade your browser"
        let a = try TestInput.article(Self.page([notice, Self.headline, "By Helen Marsh"] + Self.lede))
        #expect(a.title == Self.headline)
    }

    @Test func aMenuLineAboveTheHeadlineIsNotTheHeadline() throws {
        let menu = "Coast Courier News Sport Business Culture Opinion Weather Travel Podcasts Newsletters Puzzles Video Jobs"
        let a = try TestInput.article(Self.page([menu, Self.headline, "By Helen Marsh"] + Self.lede))
        #expect(a.title == Self.headline)
    }

    @Test func aRelatedStoryHeadlineBetweenTheBylineAndTheArticleIsNotTheHeadline() throws {
        let teaser = "City council votes to close two libraries and three swimming pools despite weeks of protests"
        let a = try TestInput.article(Self.page(
            [Self.headline, "By Helen Marsh", teaser] + Self.lede + ["More stories", teaser, "Contact us"]))
        #expect(a.title == Self.headline)
    }

    @Test func theRulesStillChooseForTextThatIsNotAPageCopy() throws {
        var layout = PageLayout(text: Self.page([Self.headline] + Self.lede), options: .init(), knownTitle: nil,
                                knownPublisher: nil)
        layout.usesBodyModel = false
        let parsed = try layout.parse().get()
        #expect(parsed.title == Self.headline)
    }
}
