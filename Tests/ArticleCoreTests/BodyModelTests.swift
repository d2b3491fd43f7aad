import Testing
@testable import ArticleCore

@Suite struct BodyModelTests {
    static func units(_ lines: [String]) -> [TextUnit] {
        PageSegmenter.units(lines.joined(separator: "\n\n"))
    }

    @Test func generatedWeightsMatchTheFeatureVector() {
        #expect(BodyModel.weights.count == LineFeatures.names.count)
        #expect(LineFeatures.table(Self.units(["A headline", TestInput.prose(1)])).allSatisfy { $0.count == LineFeatures.names.count })
    }

    @Test func theLongestProseRunSpansTheArticleNotTheMenus() {
        let lines = ["Home", "World", "Sport", "Ministers agree to widen the aid programme after long talks"]
            + (1...4).map(TestInput.prose) + ["Advertisement"] + (5...6).map(TestInput.prose)
            + ["Contact us", "Privacy", "Terms", "Careers", "Newsletters"]
        let run = LineFeatures.longestProseRun(Self.units(lines))
        #expect(run == 4..<11)
    }

    @Test func aLineRepeatedOnThePageIsMarkedAsRepeated() {
        let rows = LineFeatures.table(Self.units(["Share", TestInput.prose(1), "Share"]))
        let repeated = LineFeatures.names.firstIndex(of: "repeated")!
        #expect(rows.map { $0[repeated] } == [1, 0, 1])
    }

    @Test func functionWordsOfAnyKnownLanguageCountAsProseEvidence() {
        let stop = LineFeatures.names.firstIndex(of: "stop_ratio")!
        let german = LineFeatures.table(Self.units(["Die Regierung hat sich mit der Opposition auf einen Plan für die Schulen geeinigt."]))
        let menu = LineFeatures.table(Self.units(["Politik Wirtschaft Sport Kultur Wetter"]))
        #expect(german[0][stop] > 0.3)
        #expect(menu[0][stop] == 0)
    }

    @Test func metadataFormatsAreNotFilteredByTheModel() throws {
        let md = "---\ntitle: Ministers agree\n---\n\nShort note.\n\n" + TestInput.prose(1)
        let a = try TestInput.article(md, path: "inbox/a.md")
        #expect(a.paragraphs.first == "Short note.")
    }
}
